/**
 * Cell storage of one sheet: reading, writing, growing and shrinking the grid, with Google's
 * bounds errors. Pure functions over SheetModel, no call counting.
 */
import { AppsScriptException } from '../runtime-context';
import type { CellModel, GridArea, SheetModel } from './spreadsheet-model';

export function cellAt(sheet: SheetModel, row: number, column: number): CellModel | undefined {
  return sheet.cells[row - 1]?.[column - 1];
}

/**
 * The cell, created empty when missing (the grid array is sparse beyond the used area). A missing
 * row is created `rowLength` long when the caller is about to fill it up to there: a row grown
 * cell by cell would hold room for 17 cells or more, and a large sheet has 100,000 rows.
 */
export function ensureCell(sheet: SheetModel, row: number, column: number, rowLength = 0): CellModel {
  let cells = sheet.cells[row - 1];
  if (!cells) {
    cells = rowLength > 0 ? new Array<CellModel | undefined>(rowLength) : [];
    sheet.cells[row - 1] = cells;
  }
  let cell = cells[column - 1];
  if (!cell) {
    cell = { value: '' };
    cells[column - 1] = cell;
  }
  return cell;
}

export function hasContent(cell: CellModel | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== undefined);
}

export function lastRowWithContent(sheet: SheetModel): number {
  for (let r = sheet.cells.length; r >= 1; r -= 1) {
    const cells = sheet.cells[r - 1];
    if (cells?.some(hasContent)) return r;
  }
  return 0;
}

export function lastColumnWithContent(sheet: SheetModel): number {
  let last = 0;
  for (const cells of sheet.cells) {
    if (!cells) continue;
    for (let c = cells.length; c > last; c -= 1) {
      if (hasContent(cells[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** Google's checks for getRange(row, column, numRows, numColumns). */
export function checkArea(sheet: SheetModel, area: GridArea): void {
  const { row, column, numRows, numColumns } = area;
  for (const n of [row, column, numRows, numColumns]) {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new AppsScriptException('Range not found');
  }
  if (row < 1) throw new AppsScriptException('The starting row of the range is too small.');
  if (column < 1) throw new AppsScriptException('The starting column of the range is too small.');
  if (numRows < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
  if (column + numColumns - 1 > sheet.maxColumns) throw new AppsScriptException('Those columns are out of bounds.');
}

export function forEachCellOf(area: GridArea, visit: (row: number, column: number, i: number, j: number) => void): void {
  for (let i = 0; i < area.numRows; i += 1) {
    for (let j = 0; j < area.numColumns; j += 1) visit(area.row + i, area.column + j, i, j);
  }
}

export function insertRows(sheet: SheetModel, beforeRow: number, howMany: number): void {
  if (sheet.cells.length >= beforeRow) {
    sheet.cells.splice(beforeRow - 1, 0, ...Array.from({ length: howMany }, () => [] as (CellModel | undefined)[]));
  }
  sheet.maxRows += howMany;
  shiftAreas(sheet, 'row', beforeRow, howMany);
}

export function insertColumns(sheet: SheetModel, beforeColumn: number, howMany: number): void {
  for (const cells of sheet.cells) {
    if (cells && cells.length >= beforeColumn) cells.splice(beforeColumn - 1, 0, ...new Array<undefined>(howMany));
  }
  const widths: Record<number, number> = {};
  for (const [key, px] of Object.entries(sheet.columnWidths)) {
    const c = Number(key);
    widths[c >= beforeColumn ? c + howMany : c] = px;
  }
  sheet.columnWidths = widths;
  sheet.maxColumns += howMany;
  shiftAreas(sheet, 'column', beforeColumn, howMany);
}

export function deleteRows(sheet: SheetModel, row: number, howMany: number): void {
  checkDeletion(row, howMany, sheet.maxRows, 'rows');
  sheet.cells.splice(row - 1, howMany);
  sheet.maxRows -= howMany;
  shiftAreas(sheet, 'row', row + howMany, -howMany);
}

export function deleteColumns(sheet: SheetModel, column: number, howMany: number): void {
  checkDeletion(column, howMany, sheet.maxColumns, 'columns');
  for (const cells of sheet.cells) if (cells) cells.splice(column - 1, howMany);
  const widths: Record<number, number> = {};
  for (const [key, px] of Object.entries(sheet.columnWidths)) {
    const c = Number(key);
    if (c < column) widths[c] = px;
    else if (c >= column + howMany) widths[c - howMany] = px;
  }
  sheet.columnWidths = widths;
  sheet.maxColumns -= howMany;
  shiftAreas(sheet, 'column', column + howMany, -howMany);
}

function checkDeletion(start: number, howMany: number, max: number, what: 'rows' | 'columns'): void {
  if (!Number.isInteger(start) || !Number.isInteger(howMany) || start < 1 || howMany < 1 || start + howMany - 1 > max) {
    throw new AppsScriptException(`Those ${what} are out of bounds.`);
  }
  if (start === 1 && howMany === max) throw new AppsScriptException(`You can't delete all the ${what} on the sheet.`);
}

/** Moves protected ranges and merges that sit at or after `from` (they follow their cells as in Sheets). */
function shiftAreas(sheet: SheetModel, axis: 'row' | 'column', from: number, delta: number): void {
  const areas = [...sheet.merges, ...sheet.protections.flatMap((p) => (p.area ? [p.area] : []))];
  for (const area of areas) {
    if (area[axis] >= from) area[axis] = Math.max(1, area[axis] + delta);
  }
}
