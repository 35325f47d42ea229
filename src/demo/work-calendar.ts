import { addDays, type CalendarDay, daysBetween, dayParts, makeDay } from '../domain/calendar-day';

/** Working days of the demo structure: weekdays except French public holidays. */

export const FRENCH_WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type FrenchWeekday = (typeof FRENCH_WEEKDAYS)[number];

const A_MONDAY: CalendarDay = '2001-01-01';

/** 0 = lundi … 6 = dimanche. */
export function weekdayIndex(day: CalendarDay): number {
  return (((daysBetween(A_MONDAY, day) % 7) + 7) % 7);
}

export function isWeekend(day: CalendarDay): boolean {
  return weekdayIndex(day) >= 5;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDay(year, month, day)!;
}

const holidayCache = new Map<number, Set<CalendarDay>>();

function holidaysOf(year: number): Set<CalendarDay> {
  let set = holidayCache.get(year);
  if (!set) {
    const easter = easterSunday(year);
    const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
    set = new Set([...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)]);
    holidayCache.set(year, set);
  }
  return set;
}

export function isPublicHoliday(day: CalendarDay): boolean {
  return holidaysOf(dayParts(day).year).has(day);
}

export function isWorkingDay(day: CalendarDay): boolean {
  return !isWeekend(day) && !isPublicHoliday(day);
}

/** The day itself when it is a working day, else the nearest earlier working day not before `floor`. */
export function workingDayOnOrBefore(day: CalendarDay, floor: CalendarDay): CalendarDay {
  let d = day;
  while (!isWorkingDay(d) && d > floor) d = addDays(d, -1);
  return d;
}

/** The day itself when it is a working day, else the next working day not after `ceiling`. */
export function workingDayOnOrAfter(day: CalendarDay, ceiling: CalendarDay): CalendarDay {
  let d = day;
  while (!isWorkingDay(d) && d < ceiling) d = addDays(d, 1);
  return d;
}
