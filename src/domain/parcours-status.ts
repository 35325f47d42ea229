import type { CalendarDay } from './calendar-day';
import type { ParcoursStatus } from './records';

/** The dates a parcours' status depends on. */
export interface StatusDates {
  entryDate: CalendarDay | null;
  trialEnd: CalendarDay | null;
  exitDate: CalendarDay | null;
}

/**
 * The `Statut` Parcours writes (SPEC §1.1), as of `today`:
 * - `Sorti` once the exit date is reached (an exit planned later keeps the parcours running), also
 *   for a candidature that did not go ahead (an exit date and no entry date);
 * - `Candidat` without an entry date, or before the entry date (admitted, not started yet);
 * - `Période d'essai` up to and including the trial's last day;
 * - `En parcours` otherwise.
 */
export function parcoursStatus(dates: StatusDates, today: CalendarDay): ParcoursStatus {
  if (dates.exitDate !== null && dates.exitDate <= today) return 'Sorti';
  if (dates.entryDate === null || dates.entryDate > today) return 'Candidat';
  if (dates.trialEnd !== null && today <= dates.trialEnd) return "Période d'essai";
  return 'En parcours';
}
