/**
 * Wall-clock time in the spreadsheet's time zone ↔ instants. Sheets shows and parses dates in
 * the spreadsheet zone; .xlsx files hold wall-clock times with no zone at all.
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

import type { SpreadsheetModel } from './spreadsheet-model';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const ms = instant.getTime();
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** wall clock − UTC at this instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockOf(new Date(ms), timeZone);
  return utcOfWallClock(w) - ms;
}

function utcOfWallClock(w: WallClock): number {
  const date = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
  date.setUTCFullYear(w.year);
  return date.getTime();
}

/**
 * The instant showing this wall-clock time in the zone, for any zone (UTC−12 to UTC+14): the
 * earlier one when the time occurs twice (autumn), and the time after the gap when the clocks
 * skipped it (spring, or the day Pacific/Kiritimati skipped), as Sheets moves a skipped time forward.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  const asUtc = utcOfWallClock(wall);
  const first = offsetAt(asUtc, timeZone);
  const second = offsetAt(asUtc - first, timeZone);
  const candidates = [asUtc - first, asUtc - second].filter((ms) => utcOfWallClock(wallClockOf(new Date(ms), timeZone)) === asUtc);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(asUtc - Math.min(first, second));
}

/** An ExcelJS-style Date (its UTC fields are the wall-clock time) → the real instant. */
export function instantOfUtcFields(date: Date, timeZone: string): Date {
  return instantOfWallClock(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      millisecond: date.getUTCMilliseconds(),
    },
    timeZone,
  );
}

/** The real instant → a Date whose UTC fields are its wall-clock time (what ExcelJS writes). */
export function utcFieldsOfInstant(instant: Date, timeZone: string): Date {
  const w = wallClockOf(instant, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
}

/** An IANA zone name this JavaScript engine knows (Europe/Paris, Pacific/Honolulu…). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Gives the spreadsheet another zone, each date cell keeping its wall-clock value (as Sheets does). */
export function moveDatesToZone(model: SpreadsheetModel, timeZone: string): void {
  const from = model.timeZone;
  model.timeZone = timeZone;
  if (from === timeZone) return;
  for (const sheet of model.sheets) {
    for (const row of sheet.values) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (value instanceof Date) row[c] = instantOfWallClock(wallClockOf(value, from), timeZone);
      }
    }
  }
}
