import { type CalendarDay, daysBetween, dayParts, formatDayFr, isCalendarDay, makeDay } from './calendar-day';

/** A closed range of calendar days (SPEC §2), with the label the user typed, normalised. */
export interface Period {
  start: CalendarDay;
  end: CalendarDay;
  /** `2026-T3`, `2026` or `2026-07-01..2026-09-30`. */
  label: string;
}

const QUARTER_TEXT = /^(\d{4})-[TQ]([1-4])$/i;
const YEAR_TEXT = /^(\d{4})$/;
const RANGE_TEXT = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/;
const QUARTER_LABEL = /^(\d{4})-T([1-4])$/;

export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  // Quarters end on the 31st except Q2 (June 30) and Q3 (September 30).
  const lastDay = lastMonth === 6 || lastMonth === 9 ? 30 : 31;
  return {
    start: makeDay(year, firstMonth, 1)!,
    end: makeDay(year, lastMonth, lastDay)!,
    label: `${year}-T${quarter}`,
  };
}

export function yearPeriod(year: number): Period {
  return { start: makeDay(year, 1, 1)!, end: makeDay(year, 12, 31)!, label: String(year) };
}

/** `2026-T3` (or `2026-Q3`), `2026`, `2026-07-01..2026-09-30`; null when the text is none of these. */
export function parsePeriod(text: string): Period | null {
  const trimmed = text.trim();
  const quarter = QUARTER_TEXT.exec(trimmed);
  if (quarter) {
    const year = Number(quarter[1]);
    return makeDay(year, 1, 1) === null ? null : quarterPeriod(year, Number(quarter[2]));
  }
  const year = YEAR_TEXT.exec(trimmed);
  if (year) {
    return makeDay(Number(year[1]), 1, 1) === null ? null : yearPeriod(Number(year[1]));
  }
  const range = RANGE_TEXT.exec(trimmed);
  if (range) {
    const start = range[1]!;
    const end = range[2]!;
    if (!isCalendarDay(start) || !isCalendarDay(end) || end < start) return null;
    return { start, end, label: `${start}..${end}` };
  }
  return null;
}

/** Number of days in the period, both ends included. */
export function periodDays(p: Period): number {
  return daysBetween(p.start, p.end) + 1;
}

function quarterOf(day: CalendarDay): { year: number; quarter: number } {
  const { year, month } = dayParts(day);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

function shiftQuarter(year: number, quarter: number, by: number): { year: number; quarter: number } {
  const index = year * 4 + (quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** The quarter before the one `today` is in. */
export function lastCompleteQuarter(today: CalendarDay): Period {
  const current = quarterOf(today);
  const previous = shiftQuarter(current.year, current.quarter, -1);
  return quarterPeriod(previous.year, previous.quarter);
}

/**
 * Choices for the summary dialog, most useful first: the last four complete quarters (most
 * recent first), the current quarter, last year, the current year.
 */
export function recentPeriodChoices(today: CalendarDay): Period[] {
  const current = quarterOf(today);
  const choices: Period[] = [];
  for (let back = 1; back <= 4; back += 1) {
    const q = shiftQuarter(current.year, current.quarter, -back);
    choices.push(quarterPeriod(q.year, q.quarter));
  }
  choices.push(quarterPeriod(current.year, current.quarter));
  choices.push(yearPeriod(current.year - 1));
  choices.push(yearPeriod(current.year));
  return choices;
}

/** `3e trimestre 2026 (du 01/07/2026 au 30/09/2026)`, `Année 2026`, `Du 01/07/2026 au 15/08/2026`. */
export function periodLabelFr(p: Period): string {
  const span = `du ${formatDayFr(p.start)} au ${formatDayFr(p.end)}`;
  const quarter = QUARTER_LABEL.exec(p.label);
  if (quarter) {
    const rank = quarter[2] === '1' ? '1er' : `${quarter[2]}e`;
    return `${rank} trimestre ${quarter[1]} (${span})`;
  }
  if (YEAR_TEXT.test(p.label)) return `Année ${p.label}`;
  return `Du ${formatDayFr(p.start)} au ${formatDayFr(p.end)}`;
}
