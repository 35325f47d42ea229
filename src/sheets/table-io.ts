type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The whole used area of a sheet, header row first, in one service call pair. */
export function readTable(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
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
