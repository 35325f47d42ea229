import { type CalendarDay, formatDayFr } from '../calendar-day';
import type { Parcours } from '../records';

/**
 * Null when `date` lies within the parcours (entry..exit, inclusive); else the French message,
 * e.g. « Cette présence du 03/02/2026 est en dehors du parcours (entrée le 10/02/2026). »
 */
export function outsideParcoursMessage(subject: string, date: CalendarDay, parcours: Parcours): string | null {
  const inside = parcours.entryDate !== null && date >= parcours.entryDate && (parcours.exitDate === null || date <= parcours.exitDate);
  if (inside) return null;
  const what = `${subject} du ${formatDayFr(date)} est en dehors du parcours`;
  if (parcours.entryDate === null) {
    return `${what} (${parcours.id} n'a pas de date d'entrée) : vérifiez la date ou l'ID.`;
  }
  if (date < parcours.entryDate) return `${what} (entrée le ${formatDayFr(parcours.entryDate)}).`;
  if (parcours.exitDate !== null && date > parcours.exitDate) {
    return `${what} (sortie le ${formatDayFr(parcours.exitDate)}).`;
  }
  return null;
}
