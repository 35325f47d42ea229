import { daysBetween, fullMonthsBetween } from '../calendar-day';
import { currentMotifLabel } from '../exit-labels';
import type { Period } from '../period';
import {
  DYNAMIC_EXIT_CATEGORIES,
  EXIT_CATEGORIES,
  type ExitCategory,
  type ExitReason,
  OTHER_EXIT_CATEGORY,
  type Parcours,
  WITHDRAWN_EXIT_CATEGORY,
} from '../records';
import { labelKey } from './label-key';
import { exitsInPeriod } from './population';
import { NOT_FILLED } from './profile';
import type { ExitsSummary } from './summary-schema';

/** Where an exit whose motif is not in `Motifs de sortie` counts: never under the text typed. */
export const UNLISTED_MOTIF = 'Motif non répertorié';

/** Where an exit is counted: the motif label shown and its category. */
interface ClassifiedExit {
  motif: string;
  category: ExitCategory;
}

/**
 * An empty motif counts as `Non renseigné`, an unlisted one as `Motif non répertorié` (the text
 * typed may name a person or a diagnosis); both are `Autres sorties` (SPEC §3.4; the reader
 * already reported them as data issues).
 */
function classify(exitReason: string | null, byKey: ReadonlyMap<string, ExitReason>): ClassifiedExit {
  const text = exitReason?.trim() ?? '';
  if (text === '') return { motif: NOT_FILLED, category: OTHER_EXIT_CATEGORY };
  const reason = byKey.get(labelKey(text)) ?? byKey.get(labelKey(currentMotifLabel(text)));
  if (reason !== undefined) return { motif: reason.motif, category: reason.category };
  return { motif: UNLISTED_MOTIF, category: OTHER_EXIT_CATEGORY };
}

function rateOf(n: number, examined: number): number | null {
  return examined === 0 ? null : n / examined;
}

/**
 * SPEC §3.4. `minimumMonths`: the funder's minimum duration for an exit to be examined (0 for all).
 * `exitReasons` hold current labels; the reader already turned a former motif label typed in a
 * parcours into the current one.
 */
export function computeExits(
  population: readonly Parcours[],
  exitReasons: readonly ExitReason[],
  minimumMonths: number,
  period: Period,
): ExitsSummary {
  const byKey = new Map<string, ExitReason>();
  for (const reason of exitReasons) {
    for (const label of [reason.motif, reason.sheetLabel ?? reason.motif]) {
      const key = labelKey(label);
      if (!byKey.has(key)) byKey.set(key, reason);
    }
  }
  const exits = exitsInPeriod(population, period);
  const byCategory = Object.fromEntries(EXIT_CATEGORIES.map((c) => [c, 0])) as ExitsSummary['byCategory'];
  const examinedByCategory = Object.fromEntries(EXIT_CATEGORIES.map((c) => [c, 0])) as Record<ExitCategory, number>;
  const reasonCounts = new Map<string, number>();
  let examined = 0;
  let notExamined = 0;
  let totalDays = 0;
  for (const p of exits) {
    const exit = classify(p.exitReason, byKey);
    byCategory[exit.category] += 1;
    reasonCounts.set(exit.motif, (reasonCounts.get(exit.motif) ?? 0) + 1);
    totalDays += daysBetween(p.entryDate, p.exitDate);
    if (exit.category === WITHDRAWN_EXIT_CATEGORY) continue;
    if (fullMonthsBetween(p.entryDate, p.exitDate) >= minimumMonths) {
      examined += 1;
      examinedByCategory[exit.category] += 1;
    } else {
      notExamined += 1;
    }
  }
  const byReason: Record<string, number> = {};
  for (const motif of new Set([...exitReasons.map((r) => r.motif), UNLISTED_MOTIF, NOT_FILLED])) {
    const n = reasonCounts.get(motif) ?? 0;
    if (n > 0) byReason[motif] = n;
  }
  const durable = examinedByCategory['Emploi durable'];
  const employment = durable + examinedByCategory['Emploi de transition'];
  const dynamic = DYNAMIC_EXIT_CATEGORIES.reduce((sum, c) => sum + examinedByCategory[c], 0);
  return {
    total: exits.length,
    byCategory,
    byReason,
    examined,
    notExamined,
    dynamic,
    dynamicRate: rateOf(dynamic, examined),
    durableRate: rateOf(durable, examined),
    employmentRate: rateOf(employment, examined),
    averageDurationDays: exits.length === 0 ? null : totalDays / exits.length,
  };
}

/** The category each motif of `byReason` counts in: its `Motifs de sortie` row, or Autres sorties. */
export function motifCategories(exitReasons: readonly ExitReason[]): (motif: string) => ExitCategory | null {
  const byMotif = new Map<string, ExitCategory>();
  for (const reason of exitReasons) if (!byMotif.has(reason.motif)) byMotif.set(reason.motif, reason.category);
  return (motif) => {
    if (motif === UNLISTED_MOTIF || motif === NOT_FILLED) return OTHER_EXIT_CATEGORY;
    return byMotif.get(motif) ?? null;
  };
}
