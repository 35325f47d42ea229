import { type CalendarDay, dayParts, daysBetween, daysInMonth, maxDay, minDay } from '../calendar-day';
import { byDateThenRow } from '../chronological';
import { parcoursStatus } from '../parcours-status';
import { type Domain, type ExitCategory, LEVELS, type Level, type Parcours, type SupportAction, type WorkbookData } from '../records';
import { normalizeId, normalizeKey } from '../text';

/**
 * The *fiche de parcours* of SPEC §4 for one parcours, as data: what the coordinator prints for
 * the quarterly interview and the exit review. Pure; the sheet layout is in src/sheets/fiche.
 * It holds personal data: it is never part of a funder summary.
 */
export interface ParcoursFiche {
  parcours: Parcours;
  status: string;
  exitCategory: ExitCategory | null;
  /** Today in the spreadsheet's zone: the end of a parcours still running. */
  asOf: CalendarDay;
  months: MonthAttendance[];
  grid: ObjectiveRow[];
  /** Every assessment date of the grid, in order: its columns. */
  assessmentDates: CalendarDay[];
  support: SupportAction[];
}

export interface MonthAttendance {
  /** `2026-03`. */
  month: string;
  sessions: number;
  present: number;
  hours: number;
  /** Weekly hours × the weeks of the parcours in that month (days inside ÷ 7); null without weekly hours. */
  plannedHours: number | null;
  /** hours ÷ plannedHours; null when nothing was planned. */
  realisationRate: number | null;
}

export interface ObjectiveRow {
  domain: Domain;
  objective: string;
  /** The level at each assessment date of the fiche (null: not assessed that day); the last row of a day wins. */
  levels: (Level | null)[];
  first: Level;
  last: Level;
  progressing: boolean;
}

const rank = (level: Level): number => LEVELS.indexOf(level);

/** The first day of each month from `start` to `end`, as `aaaa-mm`. */
function monthsBetween(start: CalendarDay, end: CalendarDay): string[] {
  const months: string[] = [];
  let { year, month } = dayParts(start);
  const last = dayParts(end);
  while (year < last.year || (year === last.year && month <= last.month)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Days of `month` (aaaa-mm) between `from` and `to`, both included. */
function daysInside(month: string, from: CalendarDay, to: CalendarDay): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
  const start = maxDay(first, from);
  const end = minDay(last, to);
  return end < start ? 0 : daysBetween(start, end) + 1;
}

/** Null when the ID names no readable parcours. */
export function buildParcoursFiche(data: WorkbookData, id: string, today: CalendarDay): ParcoursFiche | null {
  const wanted = normalizeId(id);
  const parcours = data.parcours.find((p) => normalizeId(p.id) === wanted);
  if (parcours === undefined) return null;
  const mine = <T extends { id: string }>(rows: readonly T[]) => rows.filter((r) => r.id === parcours.id);

  const attendance = mine(data.attendance);
  const end = parcours.exitDate === null ? today : minDay(parcours.exitDate, today);
  const months: MonthAttendance[] = [];
  if (parcours.entryDate !== null && parcours.entryDate <= end) {
    for (const month of monthsBetween(parcours.entryDate, end)) {
      const rows = attendance.filter((a) => a.date.startsWith(month));
      const present = rows.filter((a) => a.status === 'Présent' || a.status === 'Retard');
      const hours = present.reduce((sum, a) => sum + a.hours, 0);
      const weekly = parcours.weeklyHours;
      const plannedHours = weekly === null ? null : (weekly * daysInside(month, parcours.entryDate, end)) / 7;
      months.push({
        month,
        sessions: rows.length,
        present: present.length,
        hours,
        plannedHours,
        realisationRate: plannedHours === null || plannedHours === 0 ? null : hours / plannedHours,
      });
    }
  }

  const evaluations = mine(data.evaluations).sort(byDateThenRow);
  const assessmentDates = [...new Set(evaluations.map((e) => e.date))];
  const grid = new Map<string, ObjectiveRow>();
  for (const e of evaluations) {
    const key = `${e.domain}\u0000${normalizeKey(e.objective)}`;
    let row = grid.get(key);
    if (row === undefined) {
      row = { domain: e.domain, objective: e.objective, levels: assessmentDates.map(() => null), first: e.level, last: e.level, progressing: false };
      grid.set(key, row);
    }
    row.levels[assessmentDates.indexOf(e.date)] = e.level;
    row.last = e.level;
    row.progressing = rank(row.last) > rank(row.first);
  }

  const exitCategory =
    parcours.exitReason === null
      ? null
      : (data.exitReasons.find((r) => normalizeKey(r.motif) === normalizeKey(parcours.exitReason!))?.category ?? null);
  return {
    parcours,
    status: parcoursStatus(parcours, today),
    exitCategory,
    asOf: today,
    months,
    grid: [...grid.values()],
    assessmentDates,
    support: mine(data.support).sort(byDateThenRow),
  };
}

