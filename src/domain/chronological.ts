import type { CalendarDay } from './calendar-day';

/**
 * Date order, then sheet row order (SPEC §3.5, §3.6): of two rows on one day, the lower one in the
 * sheet is the later one (a state recorded after another).
 */
export function byDateThenRow<T extends { date: CalendarDay; row: number }>(a: T, b: T): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.row - b.row;
}
