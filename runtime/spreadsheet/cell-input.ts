/**
 * What Sheets stores for a value a script writes (setValues / setValue / appendRow), read like
 * USER_ENTERED input in the fr_FR locale: `=…` is a formula, a leading apostrophe forces text,
 * numbers and `jj/mm/aaaa` dates are recognised unless the cell is formatted as plain text ('@').
 */
import { AppsScriptException } from '../runtime-context';
import type { CellValue } from './spreadsheet-model';
import { instantOfWallClock, wallClockOf } from './zoned-time';

export const PLAIN_TEXT_FORMAT = '@';

export interface StoredInput {
  value: CellValue;
  formula: string | null;
}

export function isDateValue(value: unknown): value is Date {
  // Dates from the vm realm fail `instanceof Date` here, so test the brand instead.
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The value a script may write, or null when Apps Script would reject it. */
function acceptedValue(value: unknown): CellValue | null {
  if (value === null) return '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (isDateValue(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

export function signatureError(method: string, shown: string): AppsScriptException {
  return new AppsScriptException(`The parameters (${shown}) don't match the method signature for SpreadsheetApp.${method}.`);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  if (isDateValue(value)) return 'Date';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'object':
      return 'Object';
    default:
      return typeof value;
  }
}

/** Where a written string is read: the spreadsheet's zone, and « now » for a date typed without a year. */
export interface InputClock {
  readonly timeZone: string;
  now(): Date;
}

/** Validates one written value (throws like Apps Script) and interprets it against the cell's number format. */
export function storedInput(raw: unknown, numberFormat: string | undefined, clock: InputClock, method: string): StoredInput {
  const value = acceptedValue(raw);
  if (value === null) throw signatureError(method, describeType(raw));
  if (typeof value !== 'string') return { value, formula: null };
  return interpretText(value, numberFormat === PLAIN_TEXT_FORMAT, clock);
}

/**
 * A string as a fr_FR spreadsheet stores it when typed (USER_ENTERED): formulas, booleans, numbers
 * (decimal comma or point, space groups, a trailing %, a € sign), times, dates day first or ISO.
 * The cases and their sources are listed in src/diagnostic/typed-text-cases.ts.
 */
export function interpretText(text: string, plainText: boolean, clock: InputClock): StoredInput {
  // A plain-text cell reads nothing, a leading apostrophe included: kept as a character. No page
  // says what Sheets does there; Excel keeps it in a Text cell. The stricter reading, so that a
  // test shows any write relying on it being dropped (the Diagnostic asks the real Sheet).
  if (plainText) return { value: text, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  const parsed = parseTypedText(trimmed, clock);
  if (parsed !== null) return { value: parsed, formula: null };
  // A leading + that is not a number starts a formula that does not parse: #ERROR! in Sheets.
  if (trimmed.startsWith('+') && trimmed.length > 1) return { value: '#ERROR!', formula: `=${trimmed}` };
  return { value: text, formula: null };
}

const BOOLEANS: Record<string, boolean> = { vrai: true, true: true, faux: false, false: false };
// Group separators people type or paste: spaces, no-break and narrow no-break spaces.
const GROUPED_NUMBER = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^(.+?)[ \u00a0\u202f]?%$/;
const EURO = /^(.+?)[ \u00a0\u202f]?€$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function parseTypedText(text: string, clock: InputClock): CellValue | null {
  const boolean = BOOLEANS[text.toLowerCase()];
  if (boolean !== undefined) return boolean;
  const percent = PERCENT.exec(text);
  if (percent) {
    const n = parseNumberText(percent[1]!);
    return n === null ? null : n / 100;
  }
  const euro = EURO.exec(text);
  if (euro) return parseNumberText(euro[1]!);
  const number = parseNumberText(text);
  if (number !== null) return number;
  const [datePart, timePart] = splitDateTime(text);
  const time = timePart === undefined ? null : parseTime(timePart);
  if (timePart !== undefined && time === null) return null;
  if (datePart === '') return time === null ? null : atWallClock({ year: 1899, month: 12, day: 30 }, time, clock);
  const day = parseDayText(datePart, clock);
  return day === null ? null : atWallClock(day, time ?? { hour: 0, minute: 0, second: 0 }, clock);
}

function parseNumberText(text: string): number | null {
  if (!PLAIN_NUMBER.test(text) && !GROUPED_NUMBER.test(text)) return null;
  const n = Number(text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** `01/02/2026 12:30` → ['01/02/2026', '12:30']; `12:30` → ['', '12:30']; `1/2` → ['1/2', undefined]. */
function splitDateTime(text: string): [string, string | undefined] {
  const space = text.indexOf(' ');
  if (space > 0) return [text.slice(0, space), text.slice(space + 1).trim()];
  return text.includes(':') ? ['', text] : [text, undefined];
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

function parseTime(text: string): TimeOfDay | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return hour < 24 && minute < 60 && second < 60 ? { hour, minute, second } : null;
}

function parseDayText(text: string, clock: InputClock): { year: number; month: number; day: number } | null {
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DAY.exec(text);
  const dayFirst = iso ? null : DAY_FIRST.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[3]);
    const typed = dayFirst[4];
    if (typed === undefined) year = wallClockOf(clock.now(), clock.timeZone).year;
    else year = typed.length === 2 ? 2000 + Number(typed) : Number(typed);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}

function atWallClock(day: { year: number; month: number; day: number }, time: TimeOfDay, clock: InputClock): Date {
  return instantOfWallClock({ ...day, ...time, millisecond: 0 }, clock.timeZone);
}
