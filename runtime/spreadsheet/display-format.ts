/**
 * How Sheets (fr_FR locale) displays a cell value under its number format: what
 * getDisplayValues returns. Supports the date patterns (dd, d, MM, M, mm, yyyy, yy, HH, H, ss),
 * fixed decimals, percent, grouping and '@'; anything else falls back to the general format.
 * Grouping uses a narrow no-break space (U+202F) and percent has no space before '%'.
 */
import type { CellValue } from './spreadsheet-model';
import { wallClockOf } from './zoned-time';

export const DEFAULT_DATE_FORMAT = 'dd/MM/yyyy';
export const DEFAULT_DATE_TIME_FORMAT = 'dd/MM/yyyy HH:mm:ss';
/** What getNumberFormat returns for a cell nobody formatted. */
export const AUTOMATIC_NUMBER_FORMAT = '0.###############';
const GROUP_SEPARATOR = '\u202f';

/** The format Sheets gives a cell that holds a Date and has no explicit format. */
export function defaultFormatFor(value: CellValue, timeZone: string): string {
  if (!(value instanceof Date)) return AUTOMATIC_NUMBER_FORMAT;
  const w = wallClockOf(value, timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT;
}

export function displayValue(value: CellValue, numberFormat: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = numberFormat ?? defaultFormatFor(value, timeZone);
  if (value instanceof Date) return isDateFormat(format) ? formatDate(value, format, timeZone) : formatDate(value, defaultFormatFor(value, timeZone), timeZone);
  if (format === '@') return generalNumber(value);
  return formatNumber(value, format);
}

export function isDateFormat(format: string): boolean {
  return /[dyMHhs]/.test(format.replace(/"[^"]*"/g, '')) && !/^[#0.,%]*$/.test(format);
}

const DATE_TOKEN = /yyyy|yy|dd|d|MM|M|mm|m|HH|H|hh|h|ss|s|"[^"]*"/g;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatDate(instant: Date, format: string, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  const tokens = [...format.matchAll(DATE_TOKEN)];
  let out = '';
  let last = 0;
  tokens.forEach((match, index) => {
    const token = match[0];
    out += format.slice(last, match.index);
    last = match.index + token.length;
    // 'mm' means minutes right after an hour token or right before a seconds token, else months.
    const previous = tokens[index - 1]?.[0] ?? '';
    const next = tokens[index + 1]?.[0] ?? '';
    const minutes = /^[Hh]/.test(previous) || /^s/.test(next);
    switch (token) {
      case 'yyyy':
        out += pad(w.year, 4);
        break;
      case 'yy':
        out += pad(w.year % 100, 2);
        break;
      case 'dd':
        out += pad(w.day, 2);
        break;
      case 'd':
        out += String(w.day);
        break;
      case 'MM':
        out += pad(w.month, 2);
        break;
      case 'M':
        out += String(w.month);
        break;
      case 'mm':
        out += minutes ? pad(w.minute, 2) : pad(w.month, 2);
        break;
      case 'm':
        out += minutes ? String(w.minute) : String(w.month);
        break;
      case 'HH':
      case 'hh':
        out += pad(w.hour, 2);
        break;
      case 'H':
      case 'h':
        out += String(w.hour);
        break;
      case 'ss':
        out += pad(w.second, 2);
        break;
      case 's':
        out += String(w.second);
        break;
      default:
        out += token.slice(1, -1);
    }
  });
  return out + format.slice(last);
}

/** Up to 15 significant digits, comma as decimal separator, no grouping. */
export function generalNumber(n: number): string {
  return String(Number(n.toPrecision(15))).replace('.', ',');
}

const NUMBER_PATTERN = /^([^#0]*?)([#0,]*0)(?:\.(0+))?(%?)(.*)$/;

function formatNumber(n: number, format: string): string {
  const m = NUMBER_PATTERN.exec(format);
  if (!m || format === 'General' || format === AUTOMATIC_NUMBER_FORMAT) return generalNumber(n);
  const [, prefix = '', integerPart = '', decimals = '', percent = '', suffix = ''] = m;
  const scaled = percent ? n * 100 : n;
  const fixed = Math.abs(scaled).toFixed(decimals.length);
  let [whole = '', fraction = ''] = fixed.split('.');
  if (integerPart.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
  const negative = scaled < 0 && Number(fixed) !== 0;
  const body = fraction ? `${whole},${fraction}` : whole;
  return `${negative ? '-' : ''}${prefix}${body}${percent}${suffix.replace(/"/g, '')}`;
}
