import { normalizeKey } from '../text';

/**
 * The key two labels are matched on: the very rule the reader applies to headers and list values
 * (SPEC §1: case, accents, punctuation and spacing ignored, letters of any script kept), so the
 * summary never groups two labels the reader told apart, nor splits two it took as one:
 * `Prévenir en cas d’absence` = `prevenir en cas dabsence`.
 */
export function labelKey(text: string): string {
  return normalizeKey(text);
}

/** French alphabetical order, for values met in the data but not in a reference list. */
export function compareFr(a: string, b: string): number {
  return a.localeCompare(b, 'fr');
}
