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

/**
 * Secondary suppression. A masked count could be worked back from the sums the sheet displays
 * (threshold 5: « moins de 26 ans » shows `< 5`, but 49 − 33 − 13 = 3). Every table the sheet
 * shows is a sum relation — its lines add up to a total shown elsewhere (the age bands to the
 * active parcours, the motifs of a category to that category…) — so the masked counts are the
 * unknowns of a linear system. A masked count is exposed when that system determines it; then the
 * smallest other count of a relation that exposes it is masked too (a line before the total, never
 * a zero: a hidden zero next to a `< N` is told apart by its bounds), until none is exposed.
 */
export interface SumRelation {
  total: string;
  parts: readonly string[];
}

export interface SuppressionPlan {
  /** Counts from 1 to N−1, shown `< N`. */
  primary: ReadonlySet<string>;
  /** Counts masked so that no primary one can be recomputed, shown `masqué`. */
  secondary: ReadonlySet<string>;
}

export function planSuppression(
  values: ReadonlyMap<string, number>,
  relations: readonly SumRelation[],
  threshold: number,
): SuppressionPlan {
  const primary = new Set([...values].filter(([, v]) => isMaskedCount(v, threshold)).map(([id]) => id));
  const masked = new Set(primary);
  const secondary = new Set<string>();
  const countOf = (id: string) => values.get(id) ?? 0;
  for (;;) {
    const exposed = determinedCells(relations, masked);
    if (exposed.length === 0) break;
    // A cell exposed through a combination of relations (the dynamic exits, given by the categories
    // once the examined ones are subtracted…) may have no maskable partner in its own relations:
    // then any relation touching a masked cell offers one.
    const candidate =
      secondaryCandidate(exposed, relations, masked, countOf) ?? secondaryCandidate([...masked], relations, masked, countOf);
    if (candidate === null) break;
    masked.add(candidate);
    secondary.add(candidate);
  }
  return { primary, secondary };
}

/** The smallest unmasked, non-zero count of a relation holding an exposed cell: a line first, the total last. */
function secondaryCandidate(
  exposed: readonly string[],
  relations: readonly SumRelation[],
  masked: ReadonlySet<string>,
  countOf: (id: string) => number,
): string | null {
  const exposedSet = new Set(exposed);
  let best: { id: string; isTotal: boolean; value: number } | null = null;
  for (const relation of relations) {
    const cells = [relation.total, ...relation.parts];
    if (!cells.some((id) => exposedSet.has(id))) continue;
    for (const id of cells) {
      if (masked.has(id) || countOf(id) === 0) continue;
      const option = { id, isTotal: id === relation.total, value: countOf(id) };
      if (
        best === null ||
        (best.isTotal && !option.isTotal) ||
        (best.isTotal === option.isTotal && option.value < best.value)
      ) {
        best = option;
      }
    }
  }
  return best?.id ?? null;
}

const EPSILON = 1e-9;

/**
 * The masked cells the relations determine, the shown cells being known: Gauss–Jordan elimination
 * over the masked cells; a cell is determined when a reduced row holds it alone.
 */
export function determinedCells(relations: readonly SumRelation[], masked: ReadonlySet<string>): string[] {
  const unknowns = [...masked];
  const column = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const relation of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    const add = (id: string, coefficient: number) => {
      const c = column.get(id);
      if (c === undefined) return;
      row[c]! += coefficient;
      any = true;
    };
    add(relation.total, -1);
    for (const part of relation.parts) add(part, 1);
    if (any) rows.push(row);
  }
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let c = 0; c < unknowns.length && pivotRow < rows.length; c += 1) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r += 1) if (Math.abs(rows[r]![c]!) > Math.abs(rows[best]![c]!)) best = r;
    if (Math.abs(rows[best]![c]!) < EPSILON) continue;
    [rows[pivotRow], rows[best]] = [rows[best]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    const scale = pivot[c]!;
    for (let k = 0; k < pivot.length; k += 1) pivot[k]! /= scale;
    for (let r = 0; r < rows.length; r += 1) {
      if (r === pivotRow) continue;
      const factor = rows[r]![c]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let k = 0; k < pivot.length; k += 1) rows[r]![k]! -= factor * pivot[k]!;
    }
    pivots.push(c);
    pivotRow += 1;
  }
  const determined: string[] = [];
  for (let r = 0; r < pivots.length; r += 1) {
    const nonZero = rows[r]!.filter((x) => Math.abs(x) > EPSILON).length;
    if (nonZero === 1) determined.push(unknowns[pivots[r]!]!);
  }
  return determined;
}
