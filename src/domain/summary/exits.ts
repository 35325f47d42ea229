import { daysBetween, fullMonthsBetween } from '../calendar-day';
import type { Period } from '../period';
import { EXIT_CATEGORIES, type ExitCategory, type ExitReason, type Parcours } from '../records';
import { compareFr, labelKey } from './label-key';
import { exitsInPeriod } from './population';
import { NOT_FILLED } from './profile';
import type { ExitsSummary } from './summary-schema';

/** Where an exit is counted: the motif label shown and its category. */
interface ClassifiedExit {
  motif: string;
  category: ExitCategory;
  known: boolean;
}

const DYNAMIC_CATEGORIES: readonly ExitCategory[] = ['Emploi durable', 'Emploi de transition', 'Sortie positive'];

/**
 * An empty motif counts as `Non renseigné`, an unknown one under its own text; both are
 * `Autre sortie` (SPEC §3.4; the reader already reported them as data issues).
 */
function classify(exitReason: string | null, byKey: ReadonlyMap<string, ExitReason>): ClassifiedExit {
  const text = exitReason?.trim() ?? '';
  if (text === '') return { motif: NOT_FILLED, category: 'Autre sortie', known: false };
  const reason = byKey.get(labelKey(text));
  if (reason !== undefined) return { motif: reason.motif, category: reason.category, known: true };
  return { motif: text, category: 'Autre sortie', known: false };
}

/** SPEC §3.4. `minimumMonths`: the funder's minimum duration for an exit to be examined (0 for all). */
export function computeExits(
  population: readonly Parcours[],
  exitReasons: readonly ExitReason[],
  minimumMonths: number,
  period: Period,
): ExitsSummary {
  const byKey = new Map<string, ExitReason>();
  for (const reason of exitReasons) {
    const key = labelKey(reason.motif);
    if (!byKey.has(key)) byKey.set(key, reason);
  }
  const exits = exitsInPeriod(population, period);
  const byCategory = Object.fromEntries(EXIT_CATEGORIES.map((c) => [c, 0])) as ExitsSummary['byCategory'];
  const reasonCounts = new Map<string, number>();
  const unknownMotifs = new Set<string>();
  let examined = 0;
  let notExamined = 0;
  let dynamic = 0;
  let totalDays = 0;
  for (const p of exits) {
    const exit = classify(p.exitReason, byKey);
    byCategory[exit.category] += 1;
    reasonCounts.set(exit.motif, (reasonCounts.get(exit.motif) ?? 0) + 1);
    if (!exit.known && exit.motif !== NOT_FILLED) unknownMotifs.add(exit.motif);
    totalDays += daysBetween(p.entryDate, p.exitDate);
    if (exit.category === 'Retrait') continue;
    if (fullMonthsBetween(p.entryDate, p.exitDate) >= minimumMonths) {
      examined += 1;
      if (DYNAMIC_CATEGORIES.includes(exit.category)) dynamic += 1;
    } else {
      notExamined += 1;
    }
  }
  const byReason: Record<string, number> = {};
  const ordered = [
    ...exitReasons.map((r) => r.motif),
    ...[...unknownMotifs].sort(compareFr),
    NOT_FILLED,
  ];
  for (const motif of new Set(ordered)) {
    const n = reasonCounts.get(motif) ?? 0;
    if (n > 0) byReason[motif] = n;
  }
  return {
    total: exits.length,
    byCategory,
    byReason,
    examined,
    notExamined,
    dynamicRate: examined === 0 ? null : dynamic / examined,
    averageDurationDays: exits.length === 0 ? null : totalDays / exits.length,
  };
}
