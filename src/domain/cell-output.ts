import { type CalendarDay, isCalendarDay, midnightInZone, type TimeZone } from './calendar-day';
import { isDateValue } from './cell-values';
import type { HeaderMap } from './header-map';
import type { FieldSpec } from './workbook-schema';

/** Values handed to `Range.setValues`. */
export type CellOut = string | number | boolean | Date;

/**
 * Sheets reads every string a script writes as if typed (USER_ENTERED): `=…` and `+…` become
 * formulas, `007` a number, `12:30` a time, `1/2` a date, `50 %` a percentage, `VRAI` a boolean
 * (src/diagnostic/typed-text-cases.ts lists them). One rule for every string Parcours writes: when
 * Sheets could read it as anything but itself, it gets a leading apostrophe, which Sheets keeps
 * as a marker and never as part of the value. The test is deliberately wide (anything starting
 * with a digit, a sign, `=`, `@`, `.` or `,`, an apostrophe, a boolean word, or ending with % or €):
 * an apostrophe too many costs nothing, one too few changes the value. Text columns also carry
 * the plain-text format (setup), which keeps what people type by hand as text.
 */
const MAY_BE_READ_AS_VALUE = /^\s*[\d=+\-@'.,]|[%€]\s*$|^\s*(vrai|faux|true|false)\s*$/i;

export function needsTextPrefix(s: string): boolean {
  return MAY_BE_READ_AS_VALUE.test(s);
}

export function textCell(s: string | null): string {
  if (s === null) return '';
  return needsTextPrefix(s) ? `'${s}` : s;
}

/**
 * Columns of free text people type (names, comments, objectives…): setup gives them the plain-text
 * format `@`. Not the ID column, nor Statut, lists or codes: their values are never read as
 * anything else, and a team's formula there (an ID or a Statut computed by the team) is written
 * back by Parcours with setValues, which a plain-text cell would keep as text instead of a formula.
 */
export function isTextField(field: FieldSpec): boolean {
  return field.kind === 'text' && field.key !== 'id';
}

/** The day as Sheets holds it in a spreadsheet of this zone: midnight there, so it shows that day. */
export function dateCell(d: CalendarDay | null, timeZone: TimeZone): Date | '' {
  return d === null ? '' : midnightInZone(d, timeZone);
}

export function yesNoCell(b: boolean | null): string {
  if (b === null) return '';
  return b ? 'Oui' : 'Non';
}

export function numberCell(n: number | null): number | '' {
  return n === null || !Number.isFinite(n) ? '' : n;
}

/** A value of a record (or of a row read back) as a cell, for a field of this kind. */
export function fieldCell(field: FieldSpec, value: unknown, timeZone: TimeZone): CellOut {
  if (value === null || value === undefined || value === '') return '';
  switch (field.kind) {
    case 'date':
      return isCalendarDay(value) ? dateCell(value, timeZone) : keptCell(value);
    case 'yesno':
      return typeof value === 'boolean' ? yesNoCell(value) : keptCell(value);
    case 'number':
      return typeof value === 'number' ? numberCell(value) : keptCell(value);
    case 'codes':
      return Array.isArray(value) ? textCell(value.map(String).join(', ')) : keptCell(value);
    default:
      return keptCell(value);
  }
}

/** A value read from the sheet, written back unchanged (text still escaped). */
function keptCell(value: unknown): CellOut {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDateValue(value)) return value;
  return textCell(String(value));
}

/**
 * A full row of the sheet's width: schema fields at their mapped column; every other column
 * (extra columns, or fields whose key is absent from `record`) keeps its value from `base`, or ''.
 * A key present with null clears its cell.
 */
export function encodeRow(
  fields: readonly FieldSpec[],
  map: HeaderMap,
  record: Record<string, unknown>,
  timeZone: TimeZone,
  base?: readonly unknown[],
): CellOut[] {
  const mapped = Object.values(map.columns);
  const width = Math.max(map.headerRow.length, base?.length ?? 0, ...mapped.map((i) => i + 1));
  const row: CellOut[] = Array.from({ length: width }, (_, i) => keptCell(base?.[i]));
  for (const field of fields) {
    const index = map.columns[field.key];
    if (index === undefined || !(field.key in record)) continue;
    row[index] = fieldCell(field, record[field.key], timeZone);
  }
  return row;
}
