/**
 * The key two labels are matched on, like headers and list values (SPEC §1): case, accents,
 * punctuation and spacing ignored, so `Prévenir en cas d'absence` = `prevenir en cas d’absence`.
 */
export function labelKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** French alphabetical order, for values met in the data but not in a reference list. */
export function compareFr(a: string, b: string): number {
  return a.localeCompare(b, 'fr');
}
