/**
 * Text comparison the way people type in a spreadsheet: headers, sheet names and list labels
 * match whatever their case, accents, apostrophes, spacing and punctuation.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Everything that is not a letter or a digit, in any script.
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
// The degree sign of `N°` (and the masculine ordinal `Nº`) reads as the letter o.
const NUMERO_SIGN = /[°º]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /\s+/g;
const PRINTABLE_ASCII = /^[!-~]*$/;

/** `Date d’entrée`, `date d'entree` and ` DATE D ENTREE ` all give `datedentree`; `N°` gives `no`. */
export function normalizeKey(s: string): string {
  const cached = keyCache.get(s);
  if (cached !== undefined) return cached;
  // The same few labels repeat over thousands of rows; the cache stays small.
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  const key = computeKey(s);
  keyCache.set(s, key);
  return key;
}

const KEY_CACHE_LIMIT = 5000;
const keyCache = new Map<string, string>();

function computeKey(s: string): string {
  return s
    .replace(NUMERO_SIGN, 'o')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, '');
}

export function sameKey(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}

// Lists are looked up once per row over sheets of thousands of rows: index each list once
// (the copy detects a list changed in place since).
const labelIndexes = new WeakMap<readonly string[], { labels: string[]; byKey: Map<string, string> }>();

function labelIndex(allowed: readonly string[]): Map<string, string> {
  const cached = labelIndexes.get(allowed);
  if (cached && sameLabels(cached.labels, allowed)) return cached.byKey;
  const byKey = new Map<string, string>();
  for (const label of allowed) {
    const key = normalizeKey(label);
    if (!byKey.has(key)) byKey.set(key, label);
  }
  labelIndexes.set(allowed, { labels: [...allowed], byKey });
  return byKey;
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The label of `allowed` that matches `typed` like a header does (the first one), or null. */
export function findLabel(typed: string, allowed: readonly string[]): string | null {
  const key = normalizeKey(typed);
  return key === '' ? null : (labelIndex(allowed).get(key) ?? null);
}

/**
 * Participant IDs compare strictly on their characters (`P-2026-0001` ≠ `P-20260-001`), only case,
 * spaces and typographic dashes are forgiven.
 */
export function normalizeId(s: string): string {
  // Printable ASCII without spaces (nearly every ID, once per row of the large sheets): NFKC, the
  // dash rule and the space rule leave it unchanged.
  if (PRINTABLE_ASCII.test(s)) return s.toUpperCase();
  return s.normalize('NFKC').replace(DASHES, '-').replace(SPACES, '').toUpperCase();
}

/** `a, b ou c`, for messages listing the accepted values. */
export function joinOr(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ou ${values[values.length - 1]}`;
}

/** A number as French users write it: 3,5. */
export function formatNumberFr(n: number): string {
  return String(n).replace('.', ',');
}

/** Google Sheets refuses two sheets whose names differ only by case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
