/**
 * What Sheets stores for a value a script writes (setValues / setValue / appendRow), read like
 * USER_ENTERED input in the fr_FR locale: `=…` is a formula, a leading apostrophe forces text,
 * numbers and `jj/mm/aaaa` dates are recognised unless the cell is formatted as plain text ('@').
 */
import { AppsScriptException } from '../runtime-context';
import type { CellValue } from './spreadsheet-model';
import { instantOfWallClock } from './zoned-time';

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

/** Validates one written value (throws like Apps Script) and interprets it against the cell's number format. */
export function storedInput(raw: unknown, numberFormat: string | undefined, timeZone: string, method: string): StoredInput {
  const value = acceptedValue(raw);
  if (value === null) throw signatureError(method, describeType(raw));
  if (typeof value !== 'string') return { value, formula: null };
  return interpretText(value, numberFormat === PLAIN_TEXT_FORMAT, timeZone);
}

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
const FR_DATE_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function interpretText(text: string, plainText: boolean, timeZone: string): StoredInput {
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (plainText) return { value: text, formula: null };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (NUMBER_TEXT.test(trimmed)) return { value: Number(trimmed.replace(',', '.')), formula: null };
  const date = parseDateText(trimmed, timeZone);
  if (date) return { value: date, formula: null };
  return { value: text, formula: null };
}

function parseDateText(text: string, timeZone: string): Date | null {
  let year: number;
  let month: number;
  let day: number;
  const fr = FR_DATE_TEXT.exec(text);
  const iso = fr ? null : ISO_DATE_TEXT.exec(text);
  if (fr) {
    day = Number(fr[1]);
    month = Number(fr[2]);
    year = Number(fr[3]);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return instantOfWallClock({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
