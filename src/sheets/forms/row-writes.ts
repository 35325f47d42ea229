import type { TimeZone } from '../../domain/calendar-day';
import { encodeRow } from '../../domain/cell-output';
import type { HeaderMap } from '../../domain/header-map';
import type { FieldSpec } from '../../domain/workbook-schema';
import { appendRows, writeBlock } from '../table-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Appends records as rows of the sheet's own column order, in one setValues. Returns the first row written. */
export function appendRecords(
  sheet: Sheet,
  fields: readonly FieldSpec[],
  map: HeaderMap,
  records: readonly Record<string, unknown>[],
  timeZone: TimeZone,
): number {
  return appendRows(
    sheet,
    records.map((record) => encodeRow(fields, map, record, timeZone)),
  );
}

/**
 * Changes some fields of existing rows with one setValues over the smallest block holding every
 * touched cell: rows from the first to the last touched one, columns from the first to the last
 * touched field. The other cells of that block are written back exactly as they are: a formula
 * as its formula (read with one getFormulas), text with Sheets' leading apostrophe (so `3,5` or
 * `12/03/2026` typed as text stays text), any other value as read.
 */
export function updateRecords(
  sheet: Sheet,
  fields: readonly FieldSpec[],
  map: HeaderMap,
  table: readonly (readonly unknown[])[],
  updates: ReadonlyMap<number, Record<string, unknown>>,
  timeZone: TimeZone,
): void {
  if (updates.size === 0) return;
  const touchedOf = (patch: Record<string, unknown>): Set<number> =>
    new Set(Object.keys(patch).flatMap((key) => (map.columns[key] === undefined ? [] : [map.columns[key]!])));
  const touched = new Map([...updates].map(([index, patch]) => [index, touchedOf(patch)]));
  const allTouched = [...touched.values()].flatMap((columns) => [...columns]);
  if (allTouched.length === 0) return;
  const indexes = [...updates.keys()];
  const firstIndex = Math.min(...indexes);
  const lastIndex = Math.max(...indexes);
  const firstColumn = Math.min(...allTouched);
  const lastColumn = Math.max(...allTouched);
  const width = lastColumn - firstColumn + 1;
  // Table index 0 is the header row: index i is sheet row i + 1.
  const formulas =
    lastIndex > firstIndex || width > touched.get(firstIndex)!.size
      ? sheet.getRange(firstIndex + 1, firstColumn + 1, lastIndex - firstIndex + 1, width).getFormulas()
      : [];
  const block: unknown[][] = [];
  for (let index = firstIndex; index <= lastIndex; index++) {
    const patch = updates.get(index);
    const columns = touched.get(index) ?? new Set<number>();
    const encoded = patch ? encodeRow(fields, map, patch, timeZone, table[index] ?? []) : [];
    const row: unknown[] = [];
    for (let column = firstColumn; column <= lastColumn; column++) {
      row.push(
        columns.has(column)
          ? encoded[column]
          : untouchedCell(table[index]?.[column], formulas[index - firstIndex]?.[column - firstColumn] ?? ''),
      );
    }
    block.push(row);
  }
  writeBlock(sheet, firstIndex + 1, firstColumn + 1, block);
}

/** A cell inside the written block that the update does not change, written back unchanged. */
function untouchedCell(value: unknown, formula: string): unknown {
  if (formula !== '') return formula;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  return value;
}
