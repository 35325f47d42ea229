/**
 * A calendar day in the spreadsheet's time zone, as an ISO string `YYYY-MM-DD`.
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

// ---- Instants in the spreadsheet's time zone ------------------------------------------------
// Sheets gives date cells as Date objects at midnight in the spreadsheet's zone (Fichier ›
// Paramètres), and reads the Dates it is given in that zone. Each execution reads the zone once
// (Spreadsheet.getSpreadsheetTimeZone) and hands it down. Intl knows each zone's whole history
// (offsets and summer time rules changed over the years), which matters for birth dates.

/** An IANA zone name: `Europe/Paris`, `America/Martinique`, `Indian/Reunion`… */
export type TimeZone = string;

/** What a `.xlsx` (which holds no zone) is read in unless told otherwise (SPEC §1). */
export const DEFAULT_TIME_ZONE: TimeZone = 'Europe/Paris';

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Intl formatting is by far the costliest step of reading a large sheet, and a sheet holds few
// distinct days: both conversions are memoised per zone (bounded, so memory stays flat).
const CACHE_LIMIT = 50_000;

interface ZoneDays {
  formatter: Intl.DateTimeFormat;
  dayByInstant: Map<number, CalendarDay>;
  midnightByDay: Map<CalendarDay, number>;
}

const zones = new Map<TimeZone, ZoneDays>();

function zoneDays(timeZone: TimeZone): ZoneDays {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = {
      formatter: new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      dayByInstant: new Map(),
      midnightByDay: new Map(),
    };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Whether this JavaScript engine knows the zone (an unknown name makes Intl throw). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    zoneDays(name);
    return true;
  } catch {
    return false;
  }
}

function wallFields(instant: Date, zone: ZoneDays): WallFields {
  const out: Record<string, number> = {};
  for (const part of zone.formatter.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute! };
}

/** The wall-clock day, hour and minute in `timeZone` at this instant (Intl, as every conversion here). */
export function wallClockInZone(instant: Date, timeZone: TimeZone): Readonly<WallFields> {
  return wallFields(instant, zoneDays(timeZone));
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The calendar day in `timeZone` at this instant (null-ish outside years 1000–9999). */
export function dayInZone(instant: Date, timeZone: TimeZone): CalendarDay {
  const zone = zoneDays(timeZone);
  const ms = instant.getTime();
  const known = zone.dayByInstant.get(ms);
  if (known !== undefined) return known;
  const p = wallFields(instant, zone);
  return remember(zone.dayByInstant, ms, makeDay(p.year, p.month, p.day)!);
}

/** The instant of 00:00 in `timeZone` on this day (what Sheets gives for a date cell of that day). */
export function midnightInZone(day: CalendarDay, timeZone: TimeZone): Date {
  const zone = zoneDays(timeZone);
  const known = zone.midnightByDay.get(day);
  if (known !== undefined) return new Date(known);
  return new Date(remember(zone.midnightByDay, day, findMidnight(day, zone)));
}

/** Wall clock − UTC at this instant, in minutes (whole minutes: every zone's offset since 1900). */
function offsetMinutesAt(ms: number, zone: ZoneDays): number {
  const p = wallFields(new Date(ms), zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * 00:00 of `day` in the zone, for any offset (UTC−12 to UTC+14): the offset at the guess is tried,
 * then the offset at the result (a change of offset near midnight). Where a zone skipped midnight
 * (summer time starting at 00:00), the first instant of the day after the gap.
 */
function findMidnight(day: CalendarDay, zone: ZoneDays): number {
  const utc = toUtcMs(day);
  const first = offsetMinutesAt(utc, zone);
  const second = offsetMinutesAt(utc - first * 60_000, zone);
  const candidates = [utc - first * 60_000, utc - second * 60_000].filter((ms) => {
    const p = wallFields(new Date(ms), zone);
    return p.hour === 0 && p.minute === 0 && makeDay(p.year, p.month, p.day) === day;
  });
  if (candidates.length > 0) return Math.min(...candidates);
  return utc - Math.min(first, second) * 60_000;
}
