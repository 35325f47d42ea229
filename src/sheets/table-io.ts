import { HEADER_SEARCH_ROWS } from '../domain/header-map';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The last column (1-based) holding something in any of `rows`; 0 when all are blank. */
function lastFilledColumn(rows: readonly (readonly unknown[])[]): number {
  let last = 0;
  for (const row of rows) {
    for (let c = row.length; c > last; c -= 1) {
      const v = row[c - 1];
      if (v !== '' && v !== null && v !== undefined) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/**
 * A sheet's table, header row first: its rows up to the last one with content, as wide as its
 * headers (those of row 1, or of a row below a title). A stray value far to the right of the
 * headers (a cell at XFD1) is never read: it would make every row 16,384 cells wide.
 */
export function readTable(sheet: Sheet): unknown[][] {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return [];
  const topRows = Math.min(lastRow, HEADER_SEARCH_ROWS);
  const top = sheet.getRange(1, 1, topRows, lastColumn).getValues();
  const width = lastFilledColumn(top);
  if (width === 0) return sheet.getRange(1, 1, lastRow, 1).getValues();
  if (lastRow === topRows) return width === lastColumn ? top : top.map((row) => row.slice(0, width));
  return sheet.getRange(1, 1, lastRow, width).getValues();
}

/** The header row only (empty when the sheet is empty). */
export function readHeaderRow(sheet: Sheet): unknown[] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return [];
  return sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? [];
}

/** Grows the grid so that `rows` × `columns` fits (Sheets refuses ranges outside the grid). */
export function ensureGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Writes a block at (row, column) in one call, growing the grid first when needed. */
export function writeBlock(sheet: Sheet, row: number, column: number, values: unknown[][]): void {
  if (values.length === 0) return;
  const width = values[0]!.length;
  if (width === 0) return;
  ensureGrid(sheet, row + values.length - 1, column + width - 1);
  sheet.getRange(row, column, values.length, width).setValues(values);
}

/** Appends rows after the last row with content, in one write call. Returns the first row written. */
export function appendRows(sheet: Sheet, rows: unknown[][]): number {
  const first = sheet.getLastRow() + 1;
  writeBlock(sheet, first, 1, rows);
  return first;
}
