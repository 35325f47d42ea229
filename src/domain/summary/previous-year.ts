import { addMonths, dayParts, daysInMonth } from '../calendar-day';
import type { Period } from '../period';
import type { Funder, Parcours, WorkbookData } from '../records';
import { computeAttendance } from './attendance';
import { computeExits } from './exits';
import { computeFileActive } from './file-active';
import { isActive, isInPeriod } from './population';
import type { PreviousYearSummary } from './summary-schema';

/**
 * The period shifted back one year. A period ending on the last day of a month ends on the last
 * day of that month a year earlier (February 2025 → 1–29 February 2024).
 */
export function periodOneYearEarlier(period: Period): Period {
  const start = addMonths(period.start, -12);
  let end = addMonths(period.end, -12);
  const p = dayParts(period.end);
  if (p.day === daysInMonth(p.year, p.month)) {
    const e = dayParts(end);
    end = `${end.slice(0, 8)}${String(daysInMonth(e.year, e.month)).padStart(2, '0')}`;
  }
  return { start, end, label: `${period.label} − 1 an` };
}

/**
 * SPEC §3.7: the main figures for the same period a year earlier, by the same rules and from the
 * rows already read (no other read of the workbook).
 *
 * « No data » is not « zero »: when no parcours of the population was active in that period (the
 * workbook was not kept yet, or the funder did not finance anyone), every figure is null and the
 * sheet shows dashes. Hours and ETP are null as well when the workbook holds no `Présences` row at
 * all dated in that period (attendance was not recorded then), even though parcours were active.
 */
export function computePreviousYear(
  data: WorkbookData,
  population: readonly Parcours[],
  funder: Funder | null,
  period: Period,
): PreviousYearSummary {
  const earlier = periodOneYearEarlier(period);
  const active = population.filter((p) => isActive(p, earlier));
  const range = { start: earlier.start, end: earlier.end };
  if (active.length === 0) {
    return {
      period: range,
      active: null,
      entries: null,
      exits: null,
      hours: null,
      etp: null,
      dynamic: null,
      dynamicRate: null,
      durableRate: null,
      employmentRate: null,
    };
  }
  const fileActive = computeFileActive(population, earlier);
  const exits = computeExits(population, data.exitReasons, funder?.minimumMonths ?? 0, earlier);
  const attendanceKept = data.attendance.some((row) => isInPeriod(row.date, earlier));
  const attendance = attendanceKept ? computeAttendance(data.attendance, active, [], funder, earlier) : null;
  return {
    period: range,
    active: fileActive.active,
    entries: fileActive.entries,
    exits: fileActive.exits,
    hours: attendance?.hours ?? null,
    etp: attendance?.etp ?? null,
    dynamic: exits.dynamic,
    dynamicRate: exits.dynamicRate,
    durableRate: exits.durableRate,
    employmentRate: exits.employmentRate,
  };
}
