import type { CalendarDay } from '../calendar-day';
import type { Period } from '../period';
import type { Parcours } from '../records';

/** SPEC §2: the parcours a funder finances; without a funder, all of them. */
export function populationOf(parcours: readonly Parcours[], funderCode: string | null): Parcours[] {
  if (funderCode === null) return [...parcours];
  const code = funderCode.toUpperCase();
  return parcours.filter((p) => p.funders.some((f) => f.trim().toUpperCase() === code));
}

export function isInPeriod(day: CalendarDay | null, period: Period): boolean {
  return day !== null && day >= period.start && day <= period.end;
}

/** Admitted by the period end and not gone before its start. Candidates are never active. */
export function isActive(p: Parcours, period: Period): boolean {
  if (p.entryDate === null || p.entryDate > period.end) return false;
  return p.exitDate === null || p.exitDate >= period.start;
}

/** A parcours that left in the period: one with an entry date (a candidate cannot leave). */
export interface ExitedParcours extends Parcours {
  entryDate: CalendarDay;
  exitDate: CalendarDay;
}

export function exitsInPeriod(population: readonly Parcours[], period: Period): ExitedParcours[] {
  return population.filter(
    (p): p is ExitedParcours => p.entryDate !== null && isInPeriod(p.exitDate, period),
  );
}
