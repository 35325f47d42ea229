/**
 * A calendar day in Europe/Paris, as an ISO string `YYYY-MM-DD`.
 * Strings compare in calendar order, cross `google.script.run` and JSON unchanged,
 * and carry no time zone trap. All arithmetic here is on the proleptic Gregorian
 * calendar through UTC, so the host's time zone never matters.
 */
export type CalendarDay = string;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function makeDay(year: number, month: number, day: number): CalendarDay | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isCalendarDay(value: unknown): value is CalendarDay {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  return m !== null && makeDay(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

export function dayParts(day: CalendarDay): { year: number; month: number; day: number } {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Date invalide : ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(day: CalendarDay): number {
  const p = dayParts(day);
  return Date.UTC(p.year, p.month - 1, p.day);
}

function fromUtcMs(ms: number): CalendarDay {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function addDays(day: CalendarDay, n: number): CalendarDay {
  return fromUtcMs(toUtcMs(day) + n * DAY_MS);
}

/** Same day m months later, or that month's last day when it is shorter (Jan 31 + 1 = Feb 28). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const p = dayParts(day);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(Math.min(p.day, daysInMonth(year, month)))}`;
}

/** b − a in days (negative when b is before a). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/**
 * Full calendar months from `start` to `end` (SPEC §2): m months are reached when `end` is on or
 * after addMonths(start, m). 2026-01-15 → 2026-04-14 is 2; → 2026-04-15 is 3; 2026-01-31 → 2026-02-28 is 1.
 */
export function fullMonthsBetween(start: CalendarDay, end: CalendarDay): number {
  if (end < start) return -fullMonthsBetween(end, start);
  const a = dayParts(start);
  const b = dayParts(end);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(start, months) > end) months -= 1;
  return months;
}

/** Full years on `day` (a person born on Feb 29 has a birthday on Feb 28 in other years). */
export function ageOn(birth: CalendarDay, day: CalendarDay): number {
  return Math.floor(fullMonthsBetween(birth, day) / 12);
}

export function minDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a < b ? a : b;
}

export function maxDay(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a > b ? a : b;
}

/** `jj/mm/aaaa`, as French users read dates. */
export function formatDayFr(day: CalendarDay): string {
  const p = dayParts(day);
  return `${pad2(p.day)}/${pad2(p.month)}/${String(p.year).padStart(4, '0')}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---- Europe/Paris instants -------------------------------------------------------------
// Sheets gives date cells as Date objects at midnight in the spreadsheet's zone, and reads
// Dates it is given in that zone. Intl knows the zone's whole history (summer time rules
// changed over the years), which matters for birth dates.

export const PARIS_TIME_ZONE = 'Europe/Paris';
let parisFormatter: Intl.DateTimeFormat | null = null;

function parisFields(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  parisFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, number> = {};
  for (const part of parisFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute! };
}

// Intl formatting is by far the costliest step of reading a large sheet, and a sheet holds few
// distinct days: both conversions are memoised (bounded, so memory stays flat).
const CACHE_LIMIT = 50_000;
const dayByInstant = new Map<number, CalendarDay>();
const midnightByDay = new Map<CalendarDay, number>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The calendar day in Europe/Paris at this instant. */
export function parisDayOf(instant: Date): CalendarDay {
  const ms = instant.getTime();
  const known = dayByInstant.get(ms);
  if (known !== undefined) return known;
  const p = parisFields(instant);
  return remember(dayByInstant, ms, makeDay(p.year, p.month, p.day)!);
}

/** The instant of 00:00 in Europe/Paris on this day (what Sheets stores for a date cell). */
export function parisMidnight(day: CalendarDay): Date {
  const known = midnightByDay.get(day);
  if (known !== undefined) return new Date(known);
  return new Date(remember(midnightByDay, day, findParisMidnight(day).getTime()));
}

function findParisMidnight(day: CalendarDay): Date {
  const utc = toUtcMs(day);
  // Paris is UTC+0 to UTC+2 over its history: try each offset, keep the one that lands on 00:00.
  for (const offsetHours of [1, 2, 0, 3]) {
    const candidate = new Date(utc - offsetHours * 3_600_000);
    const p = parisFields(candidate);
    if (p.hour === 0 && p.minute === 0 && makeDay(p.year, p.month, p.day) === day) return candidate;
  }
  return new Date(utc - 3_600_000);
}
