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

/** The instant showing this wall-clock time in the zone (first match; a skipped hour falls forward). */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  // Offsets seen in European zones over their history; the first one that reproduces the fields wins.
  for (const offsetHours of [1, 2, 0, 3, -1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = wallClockOf(candidate, timeZone);
    if (
      back.year === wall.year &&
      back.month === wall.month &&
      back.day === wall.day &&
      back.hour === wall.hour &&
      back.minute === wall.minute
    ) {
      return candidate;
    }
  }
  return new Date(asUtc - 3_600_000);
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
