import { readLabel } from './cell-values';
import { normalizeKey } from './text';
import { WorkbookFormatError } from './workbook-format-error';
import type { FieldSpec, SheetSpec } from './workbook-schema';

/** Where each schema field of a sheet sits in its header row, and what else the team added. */
export interface HeaderMap {
  /** Canonical sheet name. */
  sheet: string;
  /** Field key → 0-based column index. */
  columns: Record<string, number>;
  /** Schema fields with no matching header. */
  missing: FieldSpec[];
  /** Columns that are not a schema field (kept untouched when writing). */
  extras: { index: number; header: string }[];
  /** The header row as text ('' for a blank header). */
  headerRow: string[];
}

/**
 * Canonical headers are matched first, synonyms second, so a synonym of one field never takes
 * the column of another field's canonical header. The first matching column wins; a second one
 * is an extra column.
 */
export function mapHeaders(sheet: SheetSpec, headerRow: readonly unknown[]): HeaderMap {
  const headers = Array.from(headerRow, (cell) => readLabel(cell) ?? '');
  const keys = headers.map(normalizeKey);
  const taken = new Set<number>();
  const columns: Record<string, number> = {};

  const claim = (field: FieldSpec, names: readonly string[]): void => {
    if (field.key in columns) return;
    const wanted = new Set(names.map(normalizeKey));
    const index = keys.findIndex((key, i) => key !== '' && !taken.has(i) && wanted.has(key));
    if (index < 0) return;
    columns[field.key] = index;
    taken.add(index);
  };
  for (const field of sheet.fields) claim(field, [field.header]);
  for (const field of sheet.fields) claim(field, field.synonyms);

  return {
    sheet: sheet.name,
    columns,
    missing: sheet.fields.filter((field) => !(field.key in columns)),
    extras: headers.flatMap((header, index) => (taken.has(index) ? [] : [{ index, header }])),
    headerRow: headers,
  };
}

/** mapHeaders, throwing when a schema column is missing (every sheet but `Listes`); optional columns may be. */
export function requireHeaders(sheet: SheetSpec, headerRow: readonly unknown[]): HeaderMap {
  const map = mapHeaders(sheet, headerRow);
  const first = map.missing.find((field) => field.optional !== true);
  if (first) throw WorkbookFormatError.missingColumn(sheet.name, first.header);
  return map;
}

/** How many rows from the top are searched for headers placed below a title. */
export const HEADER_SEARCH_ROWS = 10;

function matchedFields(sheet: SheetSpec, row: readonly unknown[] | undefined): number {
  return row ? Object.keys(mapHeaders(sheet, row).columns).length : 0;
}

/**
 * The sheet row (1-based) that holds the headers: 1, unless row 1 matches no header at all (a
 * title) and one of the next rows matches at least two (or every field of a smaller sheet).
 */
export function headerRowNumber(sheet: SheetSpec, rows: readonly (readonly unknown[] | undefined)[]): number {
  if (matchedFields(sheet, rows[0]) > 0) return 1;
  const enough = Math.min(2, sheet.fields.length);
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 1; i < last; i += 1) {
    if (matchedFields(sheet, rows[i]) >= enough) return i + 1;
  }
  return 1;
}
