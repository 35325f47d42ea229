import { type CalendarDay, isCalendarDay, parisMidnight } from './calendar-day';
import { isDateValue } from './cell-values';
import type { HeaderMap } from './header-map';
import type { FieldSpec } from './workbook-schema';

/** Values handed to `Range.setValues`. */
export type CellOut = string | number | boolean | Date;

// Sheets runs a string starting with = + - @ as a formula; a leading apostrophe makes it text
// (the apostrophe is a prefix, not part of the value). A value that itself starts with an
// apostrophe needs one too, or Sheets would swallow its first character.
const NEEDS_TEXT_PREFIX = /^[=+\-@']/;

export function textCell(s: string | null): string {
  if (s === null) return '';
  return NEEDS_TEXT_PREFIX.test(s) ? `'${s}` : s;
}

export function dateCell(d: CalendarDay | null): Date | '' {
  return d === null ? '' : parisMidnight(d);
}

export function yesNoCell(b: boolean | null): string {
  if (b === null) return '';
  return b ? 'Oui' : 'Non';
}

export function numberCell(n: number | null): number | '' {
  return n === null || !Number.isFinite(n) ? '' : n;
}

/** A value of a record (or of a row read back) as a cell, for a field of this kind. */
export function fieldCell(field: FieldSpec, value: unknown): CellOut {
  if (value === null || value === undefined || value === '') return '';
  switch (field.kind) {
    case 'date':
      return isCalendarDay(value) ? dateCell(value) : keptCell(value);
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
  base?: readonly unknown[],
): CellOut[] {
  const mapped = Object.values(map.columns);
  const width = Math.max(map.headerRow.length, base?.length ?? 0, ...mapped.map((i) => i + 1));
  const row: CellOut[] = Array.from({ length: width }, (_, i) => keptCell(base?.[i]));
  for (const field of fields) {
    const index = map.columns[field.key];
    if (index === undefined || !(field.key in record)) continue;
    row[index] = fieldCell(field, record[field.key]);
  }
  return row;
}
