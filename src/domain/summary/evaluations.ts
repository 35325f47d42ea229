import type { Period } from '../period';
import { type Evaluation, LEVELS, type Level, type Parcours } from '../records';
import { labelKey } from './label-key';
import { isInPeriod } from './population';
import type { EvaluationsSummary } from './summary-schema';

/**
 * An objective is (parcours, Domaine, Objectif). The Objectif text is matched like list values
 * (case, accents, punctuation and spacing ignored) since it is a `Listes` dropdown that also
 * takes free text: `Prévenir en cas d’absence` and `prevenir en cas d'absence` are one objective.
 */
function objectiveKey(e: Evaluation): string {
  return JSON.stringify([e.id, e.domain, labelKey(e.objective)]);
}

function rank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** Date order, then sheet row order (SPEC §3.5). */
function chronological(a: Evaluation, b: Evaluation): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.row - b.row;
}

/** SPEC §3.5, over the evaluations of the active parcours recorded up to the period end. */
export function computeEvaluations(
  evaluations: readonly Evaluation[],
  active: readonly Parcours[],
  period: Period,
): EvaluationsSummary {
  const activeIds = new Set(active.map((p) => p.id));
  const history = evaluations
    .filter((e) => activeIds.has(e.id) && e.date <= period.end)
    .sort(chronological);
  const firstEver = new Map<string, Evaluation>();
  const lastInPeriod = new Map<string, Evaluation>();
  const evaluated = new Set<string>();
  for (const e of history) {
    const key = objectiveKey(e);
    if (!firstEver.has(key)) firstEver.set(key, e);
    if (isInPeriod(e.date, period)) {
      lastInPeriod.set(key, e);
      evaluated.add(e.id);
    }
  }
  let acquired = 0;
  const progressing = new Set<string>();
  for (const [key, last] of lastInPeriod) {
    if (last.level === 'Acquis') acquired += 1;
    const first = firstEver.get(key)!;
    if (rank(last.level) > rank(first.level)) progressing.add(last.id);
  }
  const assessed = lastInPeriod.size;
  return {
    participantsEvaluated: evaluated.size,
    objectivesAssessed: assessed,
    objectivesAcquired: acquired,
    acquiredRate: assessed === 0 ? null : acquired / assessed,
    participantsProgressing: progressing.size,
  };
}
