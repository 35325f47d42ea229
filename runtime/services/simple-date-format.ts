import { AppsScriptException } from '../runtime-context';

/**
 * Java SimpleDateFormat as Utilities.formatDate applies it (English names, as on Google's
 * servers). Supported letters: G y M L d D E u a H k K h m s S Z X, quoted literals ('')
 * and any non-letter as is; any other letter is refused like Java does.
 */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  dayOfYear: number;
  /** Offset from UTC in minutes (positive east of Greenwich). */
  offsetMinutes: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FIXED_OFFSET_ZONE = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new AppsScriptException(`Invalid argument: timeZone (${timeZone})`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function fixedOffsetMinutes(timeZone: string): number | null {
  const match = FIXED_OFFSET_ZONE.exec(timeZone);
  if (match === null) return null;
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? '0');
  return match[1] === '-' ? -minutes : minutes;
}

function wallClockOf(epochMs: number, timeZone: string): WallClock {
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  const wholeSeconds = epochMs - millisecond;
  let offsetMinutes = fixedOffsetMinutes(timeZone);
  if (offsetMinutes === null) {
    const parts: Record<string, number> = {};
    for (const part of formatterFor(timeZone).formatToParts(wholeSeconds)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(
      parts['year'] ?? 0,
      (parts['month'] ?? 1) - 1,
      parts['day'] ?? 1,
      parts['hour'] ?? 0,
      parts['minute'] ?? 0,
      parts['second'] ?? 0,
    );
    offsetMinutes = Math.round((asUtc - wholeSeconds) / 60_000);
  }
  // Shift the instant by the offset and read the fields in UTC.
  const shifted = new Date(wholeSeconds + offsetMinutes * 60_000);
  const year = shifted.getUTCFullYear();
  const startOfYear = Date.UTC(year, 0, 1);
  return {
    year,
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond,
    isoWeekday: ((shifted.getUTCDay() + 6) % 7) + 1,
    dayOfYear: Math.floor((shifted.getTime() - startOfYear) / 86_400_000) + 1,
    offsetMinutes,
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function offsetText(offsetMinutes: number, withColon: boolean, withMinutes = true): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = pad(Math.floor(absolute / 60), 2);
  if (!withMinutes) return `${sign}${hours}`;
  return `${sign}${hours}${withColon ? ':' : ''}${pad(absolute % 60, 2)}`;
}

function field(letter: string, count: number, clock: WallClock): string {
  switch (letter) {
    case 'G':
      return clock.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(clock.year % 100, 2) : pad(clock.year, count);
    case 'M':
    case 'L': {
      const name = MONTHS[clock.month - 1] ?? '';
      if (count >= 4) return name;
      if (count === 3) return name.slice(0, 3);
      return pad(clock.month, count);
    }
    case 'd':
      return pad(clock.day, count);
    case 'D':
      return pad(clock.dayOfYear, count);
    case 'E': {
      const name = WEEKDAYS[clock.isoWeekday - 1] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(clock.isoWeekday, count);
    case 'a':
      return clock.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(clock.hour, count);
    case 'k':
      return pad(clock.hour === 0 ? 24 : clock.hour, count);
    case 'K':
      return pad(clock.hour % 12, count);
    case 'h':
      return pad(clock.hour % 12 === 0 ? 12 : clock.hour % 12, count);
    case 'm':
      return pad(clock.minute, count);
    case 's':
      return pad(clock.second, count);
    case 'S':
      return pad(clock.millisecond, count);
    case 'Z':
      return offsetText(clock.offsetMinutes, false);
    case 'X':
      if (clock.offsetMinutes === 0) return 'Z';
      return offsetText(clock.offsetMinutes, count >= 3, count >= 2);
    default:
      throw new AppsScriptException(`Invalid argument: Illegal pattern character '${letter}'`);
  }
}

export function formatSimpleDate(epochMs: number, timeZone: string, pattern: string): string {
  const clock = wallClockOf(epochMs, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i] ?? '';
    if (char === "'") {
      // '' is a literal quote; otherwise copy up to the closing quote.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          out += pattern[j];
          j += 1;
        }
      }
      if (j >= pattern.length) throw new AppsScriptException('Invalid argument: Unterminated quote');
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(char)) {
      let count = 1;
      while (pattern[i + count] === char) count += 1;
      out += field(char, count, clock);
      i += count;
      continue;
    }
    out += char;
    i += 1;
  }
  return out;
}
