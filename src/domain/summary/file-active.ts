import type { Period } from '../period';
import type { Parcours } from '../records';
import { exitsInPeriod, isActive, isInPeriod } from './population';
import type { FileActiveSummary } from './summary-schema';

/** SPEC §3.1. Candidates are the waiting list when the summary is made, whatever the period. */
export function computeFileActive(population: readonly Parcours[], period: Period): FileActiveSummary {
  return {
    active: population.filter((p) => isActive(p, period)).length,
    entries: population.filter((p) => isInPeriod(p.entryDate, period)).length,
    exits: exitsInPeriod(population, period).length,
    candidates: population.filter((p) => p.entryDate === null && p.exitDate === null).length,
  };
}
