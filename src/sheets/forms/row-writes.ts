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
): number {
  return appendRows(
    sheet,
    records.map((record) => encodeRow(fields, map, record)),
  );
}

/**
 * Changes some fields of existing rows with one setValues over the smallest block holding every
 * touched cell: rows from the first to the last touched one, columns from the first to the last
 * touched field. Cells of that block that are not touched are written back as read.
 */
export function updateRecords(
  sheet: Sheet,
  fields: readonly FieldSpec[],
  map: HeaderMap,
  table: readonly (readonly unknown[])[],
  updates: ReadonlyMap<number, Record<string, unknown>>,
): void {
  if (updates.size === 0) return;
  const indexes = [...updates.keys()];
  const firstIndex = Math.min(...indexes);
  const lastIndex = Math.max(...indexes);
  const touchedColumns = [...updates.values()].flatMap((patch) =>
    Object.keys(patch).flatMap((key) => (map.columns[key] === undefined ? [] : [map.columns[key]!])),
  );
  if (touchedColumns.length === 0) return;
  const firstColumn = Math.min(...touchedColumns);
  const lastColumn = Math.max(...touchedColumns);
  const block: unknown[][] = [];
  for (let index = firstIndex; index <= lastIndex; index++) {
    const row = encodeRow(fields, map, updates.get(index) ?? {}, table[index] ?? []);
    block.push(row.slice(firstColumn, lastColumn + 1));
  }
  // Table index 0 is the header row: index i is sheet row i + 1.
  writeBlock(sheet, firstIndex + 1, firstColumn + 1, block);
}
