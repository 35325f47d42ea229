import { type CalendarDay, addDays, dayInZone, formatDayFr, makeDay, type TimeZone } from './calendar-day';
import { findLabel, joinOr, normalizeKey } from './text';

/**
 * Readers for one cell as `Range.getValues()` gives it (string, number, boolean, Date from any
 * JS realm, or '') and as people type it. Messages are French and say what to write; the
 * caller adds where the cell is. A date cell is read as its calendar day in `timeZone`, the
 * spreadsheet's zone (read once per execution by the caller).
 */

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

// Builtins read once. Every cell of a sheet goes through these readers, and where the add-in runs
// in a `node:vm` context (the local runtime) each lookup of a global such as `Number` costs far
// more than the test it serves.
const objectToString = Object.prototype.toString;
const numberIsFinite = Number.isFinite;
const numberIsNaN = Number.isNaN;
const mathFloor = Math.floor;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(message: string): Result<T> => ({ ok: false, message });

/** Date objects may come from another realm: `instanceof Date` would be false. */
export function isDateValue(v: unknown): v is Date {
  // The typeof test first: most cells are strings and numbers, no need to ask for their tag.
  return typeof v === 'object' && v !== null && objectToString.call(v) === '[object Date]';
}

/** How a raw cell value is quoted back in a message. */
export function shownValue(v: unknown, timeZone: TimeZone): string {
  if (isDateValue(v)) return Number.isNaN(v.getTime()) ? 'date invalide' : formatDayFr(dayInZone(v, timeZone));
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return String(v ?? '').trim();
}

/** Trimmed text, or null when empty. Numbers and dates become their usual French text. */
export function readText(v: unknown, timeZone: TimeZone): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'number') return numberIsFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  if (isDateValue(v)) return numberIsNaN(v.getTime()) ? null : formatDayFr(dayInZone(v, timeZone));
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** A cell with nothing in it (whether a cell is empty does not depend on the zone). */
export function isEmptyCell(v: unknown): boolean {
  return readText(v, 'UTC') === null;
}

/**
 * The text of a cell that names something (a header, a sheet's label column): no zone needed,
 * since a date never names a column (a Date gives null).
 */
export function readLabel(v: unknown): string | null {
  return isDateValue(v) ? null : readText(v, 'UTC');
}

/** Day 0 of Sheets (and Excel after 1900-03-01) serial dates. */
const SERIAL_EPOCH: CalendarDay = '1899-12-30';
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function readDate(v: unknown, timeZone: TimeZone): Result<CalendarDay | null> {
  if (v === null || v === undefined) return ok(null);
  if (isDateValue(v)) {
    // dayInZone gives null (typed as a day) for years outside 1000–9999.
    const day: CalendarDay | null = numberIsNaN(v.getTime()) ? null : dayInZone(v, timeZone);
    return day ? ok(day) : fail('Date illisible : écrivez-la jj/mm/aaaa.');
  }
  if (typeof v === 'number') {
    if (!numberIsFinite(v)) return fail(unreadableDate(shownValue(v, timeZone)));
    const day = addDays(SERIAL_EPOCH, mathFloor(v));
    const year = Number(day.slice(0, 4));
    // Serials outside 1900–9999 are numbers typed in a date column, not dates.
    if (v < 1 || year > 9999 || day.length !== 10) return fail(unreadableDate(shownValue(v, timeZone)));
    return ok(day);
  }
  if (typeof v !== 'string') return fail(unreadableDate(shownValue(v, timeZone)));
  const s = v.trim();
  if (s === '') return ok(null);
  const dayFirst = DAY_FIRST.exec(s);
  const isoFirst = dayFirst ? null : ISO_FIRST.exec(s);
  if (!dayFirst && !isoFirst) return fail(unreadableDate(s));
  const [d, m, y] = dayFirst
    ? [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])]
    : [Number(isoFirst![3]), Number(isoFirst![2]), Number(isoFirst![1])];
  const day = makeDay(y, m, d);
  if (day === null) return fail("Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa.");
  return ok(day);
}

/**
 * Messages about a cell never quote what was typed (SPEC §3.8: a data issue names the row and at
 * most the parcours' ID, since a cell may hold a name or a diagnosis); the issue points at the cell.
 */
function unreadableDate(_shown: string): string {
  return 'Date illisible : écrivez-la jj/mm/aaaa.';
}

const YES = new Set(['oui', 'o', 'vrai', 'true', 'yes', 'x', '1']);
const NO = new Set(['non', 'n', 'faux', 'false', 'no', '0']);

export function readYesNo(v: unknown, timeZone: TimeZone): Result<boolean | null> {
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') {
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
  }
  const text = readText(v, timeZone);
  if (text === null) return ok(null);
  const key = normalizeKey(text);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail('Valeur illisible : écrivez Oui ou Non.');
}

const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
// Thousands separators people type or paste: spaces, no-break and narrow no-break spaces.
const GROUP_SPACES = /[\s\u00a0\u202f]+/g;

export function readNumber(v: unknown, timeZone: TimeZone): Result<number | null> {
  if (typeof v === 'number') {
    return numberIsFinite(v) ? ok(v) : fail(unreadableNumber(shownValue(v, timeZone)));
  }
  if (v === null || v === undefined) return ok(null);
  if (typeof v !== 'string') return fail(unreadableNumber(shownValue(v, timeZone)));
  const s = v.trim();
  if (s === '') return ok(null);
  const compact = s.replace(GROUP_SPACES, '');
  if (!DECIMAL.test(compact)) return fail(unreadableNumber(s));
  return ok(Number(compact.replace(',', '.')));
}

function unreadableNumber(_shown: string): string {
  return 'Nombre illisible : écrivez un nombre, par exemple 3,5.';
}

/** The canonical label of `allowed` the cell matches (case, accents, punctuation ignored). */
export function readListValue(v: unknown, allowed: readonly string[], timeZone: TimeZone): Result<string | null> {
  const text = readText(v, timeZone);
  if (text === null) return ok(null);
  const label = findLabel(text, allowed);
  if (label !== null) return ok(label);
  return fail(`Valeur inconnue : choisissez ${joinOr(allowed)}.`);
}

const CODE_SEPARATORS = /[,;/+\n]+/;

/** Codes of a comma separated cell, canonical and without repeats, and the unknown ones as typed. */
export function splitCodes(v: unknown, allowed: readonly string[], timeZone: TimeZone): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  const text = readText(v, timeZone);
  if (text === null) return { codes, unknown };
  for (const part of text.split(CODE_SEPARATORS)) {
    const typed = part.trim();
    if (typed === '') continue;
    const label = findLabel(typed, allowed);
    if (label === null) {
      if (!unknown.includes(typed)) unknown.push(typed);
    } else if (!codes.includes(label)) {
      codes.push(label);
    }
  }
  return { codes, unknown };
}

/** `CD, PV` → ['CD', 'PV']; any unknown code makes the whole cell an error. */
export function readCodes(v: unknown, allowed: readonly string[], timeZone: TimeZone): Result<string[]> {
  const { codes, unknown } = splitCodes(v, allowed, timeZone);
  if (unknown.length === 0) return ok(codes);
  return fail(unknownCodesMessage(unknown, allowed));
}

export function unknownCodesMessage(unknown: readonly string[], allowed: readonly string[]): string {
  const choice = allowed.length === 0 ? 'aucun code n’est défini' : `codes possibles : ${allowed.join(', ')}`;
  return unknown.length === 1 ? `Un code inconnu (${choice}).` : `${unknown.length} codes inconnus (${choice}).`;
}
