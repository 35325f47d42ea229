/**
 * Secret statistique (SPEC §3): with a threshold N > 0, every count from 1 to N−1 in the summary
 * sheet shows `< N`, so that no small group of participants can be singled out.
 *
 * Decision for derived values: hours and ETP are never masked (they are volumes, not people).
 * A rate or an average whose denominator is a masked count is masked too (it would give the
 * count back: 1 acquired objective out of 3 is 33.3 %), and shows `masqué`.
 */
export const MASKED_DERIVED = 'masqué';

/** The threshold as the sheet uses it: a whole number, 0 (off) when missing or not positive. */
export function normalizedThreshold(threshold: number): number {
  return Number.isFinite(threshold) && threshold > 0 ? Math.floor(threshold) : 0;
}

export function isMaskedCount(count: number, threshold: number): boolean {
  const n = normalizedThreshold(threshold);
  return n > 0 && count >= 1 && count < n;
}

/** A count as shown: the number itself, or `< N` when it is small. */
export function maskedCount(count: number, threshold: number): number | string {
  return isMaskedCount(count, threshold) ? `< ${normalizedThreshold(threshold)}` : count;
}
