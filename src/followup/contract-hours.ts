import { addDays, type CalendarDay, dayParts, daysBetween, formatDayFr, maxDay, minDay } from '../domain/calendar-day';
import type { Attendance, Parcours } from '../domain/records';
import { formatNumberFr } from '../domain/text';

/** Below this share of the hours planned, « Échéances » flags the parcours (SPEC §4). */
export const CONTRACT_HOURS_ALERT_RATE = 0.75;
/** Fewer days of a parcours in the window than this: too early to judge, no alert. */
export const MINIMUM_DAYS_JUDGED = 7;

/**
 * The last four complete weeks: the four Monday–Sunday weeks before the week of `today` (on Monday
 * 23/11/2026 as on Sunday 29/11/2026: 26/10/2026..22/11/2026).
 */
export function lastFourWeeks(today: CalendarDay): { start: CalendarDay; end: CalendarDay } {
  const { year, month, day } = dayParts(today);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const end = addDays(today, -weekday - 1);
  return { start: addDays(end, -27), end };
}

export interface ContractHoursGap {
  hours: number;
  planned: number;
  start: CalendarDay;
  end: CalendarDay;
}

/**
 * Hours done (Présent and Retard) against hours planned (`Heures hebdo prévues` × weeks) over the
 * last four complete weeks. A parcours that entered or left within the window is judged on its own
 * days there: planned = weekly hours × its days in the window ÷ 7 (an entry on the window's third
 * Monday is judged on two weeks). Null when below `MINIMUM_DAYS_JUDGED` days, without weekly hours,
 * or when the hours reach 75 % of those planned.
 */
export function contractHoursGap(p: Parcours, attendance: readonly Attendance[], today: CalendarDay): ContractHoursGap | null {
  if (p.entryDate === null || p.weeklyHours === null || !(p.weeklyHours > 0)) return null;
  const window = lastFourWeeks(today);
  const start = maxDay(window.start, p.entryDate);
  const end = p.exitDate === null ? window.end : minDay(window.end, p.exitDate);
  if (end < start) return null;
  const days = daysBetween(start, end) + 1;
  if (days < MINIMUM_DAYS_JUDGED) return null;
  let hours = 0;
  for (const a of attendance) {
    if (a.date >= start && a.date <= end && (a.status === 'Présent' || a.status === 'Retard')) hours += a.hours;
  }
  const planned = (p.weeklyHours * days) / 7;
  return hours < CONTRACT_HOURS_ALERT_RATE * planned ? { hours, planned, start, end } : null;
}

/** « 41,5 h réalisées sur 84 h prévues du 26/10/2026 au 22/11/2026 (49 %) : … ». */
export function contractHoursAction(gap: ContractHoursGap): string {
  const rate = Math.round((gap.hours / gap.planned) * 100);
  return (
    `${formatNumberFr(Math.round(gap.hours * 10) / 10)} h réalisées sur ${formatNumberFr(Math.round(gap.planned * 10) / 10)} h prévues ` +
    `du ${formatDayFr(gap.start)} au ${formatDayFr(gap.end)} (${rate} %, seuil 75 %) : faire le point sur les heures du contrat.`
  );
}
