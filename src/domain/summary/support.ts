import { byDateThenRow } from '../chronological';
import type { Period } from '../period';
import { type Parcours, SUPPORT_ACTIONS, type SupportAction } from '../records';
import { isInPeriod } from './population';
import type { SupportSummary } from './summary-schema';

/**
 * SPEC §3.6 over the `Accompagnement` rows of the active parcours of the population. Rows dated
 * outside their parcours never get here (the reader left them out as data issues).
 *
 * - actions: per type, the rows dated in the period, their distinct participants, their hours;
 * - barriers: per frein of the list, the participants *concerned* (a row in the period, or an
 *   earlier row whose latest state before the period start is not `Levé`), *worked on* (a row in
 *   the period) and *lifted* (their last row in the period says `Levé`).
 *
 * `barriers` names every frein of the list, in its order, 0 included: the table has the same
 * rows from one quarter to the next. Rows after the period end are ignored.
 */
export function computeSupport(
  support: readonly SupportAction[],
  active: readonly Parcours[],
  barrierLabels: readonly string[],
  period: Period,
): SupportSummary {
  const activeIds = new Set(active.map((p) => p.id));
  const rows = support.filter((s) => activeIds.has(s.id) && s.date <= period.end).sort(byDateThenRow);

  const actions: SupportSummary['actions'] = {};
  const participantsByAction = new Map<string, Set<string>>();
  for (const type of SUPPORT_ACTIONS) {
    actions[type] = { count: 0, participants: 0, hours: 0 };
    participantsByAction.set(type, new Set());
  }
  // Per frein, per participant: the latest state before the period, whether a row falls in it, the last state in it.
  const before = new Map<string, Map<string, string>>();
  const inPeriod = new Map<string, Map<string, string>>();
  const mapOf = (m: Map<string, Map<string, string>>, barrier: string) => {
    let inner = m.get(barrier);
    if (inner === undefined) {
      inner = new Map();
      m.set(barrier, inner);
    }
    return inner;
  };

  for (const s of rows) {
    const inside = isInPeriod(s.date, period);
    if (inside) {
      const totals = actions[s.action]!;
      totals.count += 1;
      totals.hours += s.hours ?? 0;
      participantsByAction.get(s.action)!.add(s.id);
    }
    if (s.barrier === null || s.barrierState === null) continue;
    mapOf(inside ? inPeriod : before, s.barrier).set(s.id, s.barrierState);
  }
  for (const [type, ids] of participantsByAction) actions[type]!.participants = ids.size;

  const barriers: SupportSummary['barriers'] = {};
  for (const label of barrierLabels) {
    if (label in barriers) continue;
    const worked = inPeriod.get(label) ?? new Map<string, string>();
    const concerned = new Set(worked.keys());
    for (const [id, state] of before.get(label) ?? []) if (state !== 'Levé') concerned.add(id);
    let lifted = 0;
    for (const state of worked.values()) if (state === 'Levé') lifted += 1;
    barriers[label] = { concerned: concerned.size, workedOn: worked.size, lifted };
  }
  return { actions, barriers };
}
