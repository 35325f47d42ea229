import type { CalendarDay } from '../domain/calendar-day';
import type { ParcoursStatus } from '../domain/records';

/** The `Statut` Parcours writes: what a coordinator calls the parcours on `today`. */
export function parcoursStatusOn(
  p: { entryDate: CalendarDay | null; trialEnd: CalendarDay | null; exitDate: CalendarDay | null },
  today: CalendarDay,
): ParcoursStatus {
  if (p.entryDate === null) return 'Candidat';
  if (p.exitDate !== null && p.exitDate <= today) return 'Sorti';
  if (p.trialEnd !== null && today <= p.trialEnd) return "Période d'essai";
  return 'En parcours';
}
