import { normalizeId } from '../domain/text';

/** `P-2026-0007`: P, the year of creation, a counter of at least four digits. */
const GENERATED_ID = /^P-(\d{4})-(\d{4,})$/;

/**
 * The next free ID of `year`: one more than the highest counter of that year among the existing
 * IDs (gaps left by deleted rows are not reused, so an ID never designates two people).
 * Must run inside the document lock, on IDs read inside it.
 */
export function nextParcoursId(existingIds: Iterable<string>, year: number): string {
  let highest = 0;
  for (const id of existingIds) {
    const m = GENERATED_ID.exec(normalizeId(id));
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  return `P-${year}-${String(highest + 1).padStart(4, '0')}`;
}
