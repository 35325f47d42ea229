import { HEADER_SEARCH_ROWS } from '../domain/header-map';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const PLAIN_TEXT = '@';

const isMarkedText = (value: unknown): value is string => typeof value === 'string' && value.startsWith("'");

/**
 * Parcours encodes every string it writes as typed input: a leading apostrophe marks text Sheets
 * would otherwise read as a number, date, formula… (domain/cell-output.ts). A plain-text cell (`@`)
 * reads nothing, and whether it drops that apostrophe or keeps it as a character is documented
 * nowhere (the Diagnostic asks the real Sheet): in such a cell the marker is removed before
 * writing, so the text stored is exactly the text typed either way. `formats` is the number
 * formats of the cells, read only when some string carries the marker.
 */
export function withoutMarkersInPlainText(values: unknown[][], formats: () => readonly (readonly string[])[]): unknown[][] {
  if (!values.some((row) => row.some(isMarkedText))) return values;
  const read = formats();
  return values.map((row, r) => row.map((value, c) => (isMarkedText(value) && read[r]?.[c] === PLAIN_TEXT ? value.slice(1) : value)));
}

/** `range.setValues(values)` with the marker rule above: one more call, getNumberFormats, only when needed. */
export function setValuesAsTyped(range: Range, values: unknown[][]): void {
  range.setValues(withoutMarkersInPlainText(values, () => range.getNumberFormats()));
}

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
 * Headers are searched this far right. A Parcours table has a few dozen columns; a value at XFD1
 * (column 16,384) is a stray keystroke, not a header, and would make every row that wide.
 */
const MAX_TABLE_COLUMNS = 1024;

/** The last row (1-based) of `rows` holding something in its first `width` cells; 0 when none. */
function lastFilledRow(rows: readonly (readonly unknown[])[], width: number): number {
  for (let r = rows.length; r >= 1; r -= 1) {
    if (lastFilledColumn([rows[r - 1]!.slice(0, width)]) > 0) return r;
  }
  return 0;
}

/**
 * The last row holding something in columns 1..width, when the sheet's last row (`lastRow`) may
 * owe its place to a cell right of them. The row `lastRow` is read first (one call): most often
 * the table reaches it. Otherwise each column's last cell is found as Ctrl+↑ finds it
 * (getNextDataCell), so a stray value at XFD1048576 costs two calls per column, not a read of a
 * million rows.
 */
function lastRowWithin(sheet: Sheet, lastRow: number, width: number, top: readonly (readonly unknown[])[]): number {
  const bottom = sheet.getRange(lastRow, 1, 1, width).getValues();
  if (lastFilledColumn(bottom) > 0) return lastRow;
  let last = lastFilledRow(top, width);
  for (let c = 1; c <= width; c += 1) {
    const row = sheet.getRange(lastRow, c).getNextDataCell(SpreadsheetApp.Direction.UP).getRow();
    // Row 1, the edge, is also where Ctrl+↑ stops on an empty column: the top rows tell those apart.
    if (row > top.length) last = Math.max(last, row);
  }
  return last;
}

/**
 * A sheet's table, header row first: its rows up to the last one with content, as wide as its
 * headers (those of row 1, or of a row below a title). A stray value far right of the headers or
 * far below them (a cell at XFD1048576) is never read: it would make every row 16,384 cells wide,
 * or the table a million rows long.
 */
export function readTable(sheet: Sheet): unknown[][] {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return [];
  const topRows = Math.min(lastRow, HEADER_SEARCH_ROWS);
  const top = sheet.getRange(1, 1, topRows, Math.min(lastColumn, MAX_TABLE_COLUMNS)).getValues();
  const width = Math.max(lastFilledColumn(top), 1);
  // With nothing right of the headers, the sheet's last row is the table's.
  const rows = width === lastColumn || lastRow === topRows ? lastRow : lastRowWithin(sheet, lastRow, width, top);
  if (rows <= topRows) return top.slice(0, Math.max(rows, 1)).map((row) => (width === lastColumn ? row : row.slice(0, width)));
  return sheet.getRange(1, 1, rows, width).getValues();
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
  setValuesAsTyped(sheet.getRange(row, column, values.length, width), values);
}

/** Appends rows after the last row with content, in one write call. Returns the first row written. */
export function appendRows(sheet: Sheet, rows: unknown[][]): number {
  const first = sheet.getLastRow() + 1;
  writeBlock(sheet, first, 1, rows);
  return first;
}
