/**
 * Cell storage of one sheet: reading, writing, growing and shrinking the grid, with Google's
 * bounds errors. Pure functions over SheetModel, no call counting.
 */
import { AppsScriptException } from '../runtime-context';
import type { CellAttributes, CellModel, CellValue, GridArea, SheetModel } from './spreadsheet-model';

/** The value of a cell ('' when empty or never written). */
export function valueAt(sheet: SheetModel, row: number, column: number): CellValue {
  return sheet.values[row - 1]?.[column - 1] ?? '';
}

/** The formula, number format, note, validation and style of a cell; undefined when it has none. */
export function attributesAt(sheet: SheetModel, row: number, column: number): CellAttributes | undefined {
  return sheet.attributes[row - 1]?.[column - 1];
}

/**
 * Writes a value. A missing row is created `rowLength` long when the caller is about to fill it up
 * to there: a row grown cell by cell would hold room for 17 cells or more, and a large sheet has
 * 100,000 rows.
 */
export function setValueAt(sheet: SheetModel, row: number, column: number, value: CellValue, rowLength = 0): void {
  let line = sheet.values[row - 1];
  if (!line) {
    line = rowLength > 0 ? new Array<CellValue>(rowLength) : [];
    sheet.values[row - 1] = line;
  }
  line[column - 1] = value;
}

/**
 * Attributes many cells share as one frozen object (the .xlsx reader gives every cell of one cell
 * format the same one: a million rows of dates would otherwise hold a million copies). Frozen, so
 * a change made to one cell in place fails loudly instead of reaching the others.
 */
export function sharedAttributes(attributes: CellAttributes): CellAttributes {
  return Object.freeze(attributes);
}

/**
 * Changes the attributes of a cell (created when missing; a shared object is copied first, so
 * only this cell changes). Attributes left with no field set are removed, so the sparse store only
 * holds cells that have something.
 */
export function updateAttributes(sheet: SheetModel, row: number, column: number, change: (attributes: CellAttributes) => void): void {
  const line = sheet.attributes[row - 1];
  const existing = line?.[column - 1];
  const owned = existing !== undefined && !Object.isFrozen(existing);
  const attributes: CellAttributes = owned ? existing : { ...existing };
  change(attributes);
  const empty = isEmptyAttributes(attributes);
  if (owned) {
    if (empty) line![column - 1] = undefined;
    return;
  }
  if (empty) {
    if (existing !== undefined) line![column - 1] = undefined;
    return;
  }
  setAttributesAt(sheet, row, column, attributes);
}

/** Stores `attributes` as the cell's, as they are (a shared object stays shared): for the .xlsx reader. */
export function setAttributesAt(sheet: SheetModel, row: number, column: number, attributes: CellAttributes): void {
  let line = sheet.attributes[row - 1];
  if (line === undefined) {
    line = [];
    sheet.attributes[row - 1] = line;
  }
  line[column - 1] = attributes;
}

/** As updateAttributes, but never creates attributes: for changes that only remove fields. */
export function removeAttributes(sheet: SheetModel, row: number, column: number, change: (attributes: CellAttributes) => void): void {
  if (attributesAt(sheet, row, column)) updateAttributes(sheet, row, column, change);
}

function isEmptyAttributes(attributes: CellAttributes): boolean {
  return (
    attributes.formula === undefined &&
    attributes.live === undefined &&
    attributes.numberFormat === undefined &&
    attributes.note === undefined &&
    attributes.validation === undefined &&
    attributes.style === undefined &&
    attributes.hyperlink === undefined &&
    attributes.errorValue === undefined
  );
}

/** Removes a cell's formula (and its being computed at read time). */
export function removeFormula(attributes: CellAttributes): void {
  delete attributes.formula;
  delete attributes.live;
}

/** Writes a value and sets or removes its formula: what typing or setValues does to a cell. */
export function writeInput(sheet: SheetModel, row: number, column: number, input: { value: CellValue; formula: string | null }, rowLength = 0): void {
  setValueAt(sheet, row, column, input.value, rowLength);
  const formula = input.formula;
  const before = attributesAt(sheet, row, column);
  if (before?.errorValue) {
    updateAttributes(sheet, row, column, (a) => {
      delete a.errorValue;
    });
  }
  if (formula === null) {
    if (before?.formula !== undefined) {
      updateAttributes(sheet, row, column, removeFormula);
    }
  } else {
    updateAttributes(sheet, row, column, (a) => {
      a.formula = formula;
      a.live = true;
    });
    sheet.liveFormulas = true;
  }
}

/**
 * The cell as one new object (a copy: changing it changes nothing), undefined when nothing was ever
 * stored there. For the .xlsx writer and tests; the fakes read valueAt and attributesAt.
 */
export function cellAt(sheet: SheetModel, row: number, column: number): CellModel | undefined {
  const value = sheet.values[row - 1]?.[column - 1];
  const attributes = attributesAt(sheet, row, column);
  if (value === undefined && attributes === undefined) return undefined;
  return { value: value ?? '', ...attributes };
}

/** Stores a whole cell (value and attributes), replacing what was there: the .xlsx reader's and tests' writer. */
export function putCell(sheet: SheetModel, row: number, column: number, cell: CellModel): void {
  const { value, ...attributes } = cell;
  setValueAt(sheet, row, column, value);
  if (attributesAt(sheet, row, column)) sheet.attributes[row - 1]![column - 1] = undefined;
  if (!isEmptyAttributes(attributes)) updateAttributes(sheet, row, column, (a) => Object.assign(a, attributes));
}

/** Rows 1..usedRowCount may hold something (values or attributes); the rows below hold nothing. */
export function usedRowCount(sheet: SheetModel): number {
  return Math.max(sheet.values.length, sheet.attributes.length);
}

/** The cells of a row as cellAt gives them; a cell with nothing stored is a hole. */
export function cellRow(sheet: SheetModel, row: number): (CellModel | undefined)[] {
  const length = Math.max(sheet.values[row - 1]?.length ?? 0, sheet.attributes[row - 1]?.length ?? 0);
  const line = new Array<CellModel | undefined>(length);
  for (let c = 1; c <= length; c += 1) {
    const cell = cellAt(sheet, row, c);
    if (cell) line[c - 1] = cell;
  }
  return line;
}

/** Every row of cellRow, rows 1..usedRowCount: a copy of the sheet as one object per cell, for tests. */
export function cellRows(sheet: SheetModel): (CellModel | undefined)[][] {
  return Array.from({ length: usedRowCount(sheet) }, (_, i) => cellRow(sheet, i + 1));
}

function rowHasContent(sheet: SheetModel, r: number, fromColumn = 1): boolean {
  const values = sheet.values[r - 1];
  if (values) {
    for (let c = values.length; c >= fromColumn; c -= 1) {
      const value = values[c - 1];
      if (value !== undefined && value !== '') return true;
    }
  }
  const attributes = sheet.attributes[r - 1];
  return attributes?.some((a) => a?.formula !== undefined) ?? false;
}

/**
 * Calls `visit` for each stored row (holes skipped). One cell at row 1,048,576 leaves a million
 * holes before it: forEach and for…of still step through each of them, for…in visits only the
 * stored rows. For…in makes a string per row, so dense arrays keep forEach: a sample of slots
 * tells the two apart.
 */
export function forEachStoredRow<T>(rows: readonly (T | undefined)[], visit: (row: T, index: number) => void): void {
  const length = rows.length;
  let stored = 0;
  for (let i = 0; i < 32; i += 1) if (rows[Math.floor((i * length) / 32)] !== undefined) stored += 1;
  if (length > 4096 && stored < 8) {
    for (const key in rows) {
      const row = rows[key as unknown as number];
      if (row !== undefined) visit(row, Number(key));
    }
  } else {
    rows.forEach((row, i) => {
      if (row !== undefined) visit(row, i);
    });
  }
}

/** The numbers (1-based, ascending) of the rows holding values or attributes: the rows a writer visits. */
export function storedRowNumbers(sheet: SheetModel): number[] {
  const stored = new Uint8Array(usedRowCount(sheet));
  const mark = (_row: unknown, index: number) => {
    stored[index] = 1;
  };
  forEachStoredRow(sheet.values, mark);
  forEachStoredRow(sheet.attributes, mark);
  const numbers: number[] = [];
  for (let i = 0; i < stored.length; i += 1) if (stored[i] === 1) numbers.push(i + 1);
  return numbers;
}

/** What getLastRow, getLastColumn and Ctrl+arrow count as a cell with data: a value, or a formula. */
function hasContent(sheet: SheetModel, row: number, column: number): boolean {
  const value = sheet.values[row - 1]?.[column - 1];
  return (value !== undefined && value !== '') || sheet.attributes[row - 1]?.[column - 1]?.formula !== undefined;
}

/** Rows looked at one by one before only the stored rows are: dense sheets end the search sooner. */
const DIRECT_SCAN_ROWS = 4096;

/**
 * The nearest row above (step -1) or below (step 1) `row` with data in `column`, or null. A cell far
 * down leaves a million holes in the row arrays: past the first rows, only the rows that exist are
 * visited (for…in skips holes).
 */
function nearestRowWithContent(sheet: SheetModel, row: number, column: number, step: 1 | -1): number | null {
  const used = usedRowCount(sheet);
  let r = row + step;
  for (let n = 0; n < DIRECT_SCAN_ROWS; n += 1, r += step) {
    if (r < 1 || r > used) return null;
    if (hasContent(sheet, r, column)) return r;
  }
  let best: number | null = null;
  const consider = (_row: unknown, index: number) => {
    const candidate = index + 1;
    const beyond = step < 0 ? candidate <= r && (best === null || candidate > best) : candidate >= r && (best === null || candidate < best);
    if (beyond && hasContent(sheet, candidate, column)) best = candidate;
  };
  forEachStoredRow(sheet.values, consider);
  forEachStoredRow(sheet.attributes, consider);
  return best;
}

function nearestColumnWithContent(sheet: SheetModel, row: number, column: number, step: 1 | -1): number | null {
  for (let c = column + step; c >= 1 && c <= sheet.maxColumns; c += step) if (hasContent(sheet, row, c)) return c;
  return null;
}

/**
 * Range.getNextDataCell (Ctrl+arrow): from a cell with data whose neighbour has data too, the last
 * cell of that run; otherwise the next cell with data; the sheet's edge when there is none.
 */
export function nextDataCell(sheet: SheetModel, row: number, column: number, direction: 'UP' | 'DOWN' | 'PREVIOUS' | 'NEXT'): { row: number; column: number } {
  const vertical = direction === 'UP' || direction === 'DOWN';
  const step = direction === 'UP' || direction === 'PREVIOUS' ? -1 : 1;
  const edge = step < 0 ? 1 : vertical ? sheet.maxRows : sheet.maxColumns;
  const at = (n: number) => (vertical ? hasContent(sheet, n, column) : hasContent(sheet, row, n));
  let n = vertical ? row : column;
  if (n !== edge && at(n) && at(n + step)) {
    while (n !== edge && at(n + step)) n += step;
  } else if (n !== edge) {
    n = (vertical ? nearestRowWithContent(sheet, n, column, step) : nearestColumnWithContent(sheet, row, n, step)) ?? edge;
  }
  return vertical ? { row: n, column } : { row, column: n };
}

export function lastRowWithContent(sheet: SheetModel): number {
  for (let r = usedRowCount(sheet); r >= 1; r -= 1) {
    if (rowHasContent(sheet, r)) return r;
  }
  return 0;
}

export function lastColumnWithContent(sheet: SheetModel): number {
  let last = 0;
  forEachStoredRow(sheet.values, (values) => {
    for (let c = values.length; c > last; c -= 1) {
      const value = values[c - 1];
      if (value !== undefined && value !== '') {
        last = c;
        break;
      }
    }
  });
  forEachStoredRow(sheet.attributes, (attributes) => {
    for (let c = attributes.length; c > last; c -= 1) {
      if (attributes[c - 1]?.formula !== undefined) {
        last = c;
        break;
      }
    }
  });
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
  if (sheet.values.length >= beforeRow) {
    sheet.values.splice(beforeRow - 1, 0, ...Array.from({ length: howMany }, () => [] as CellValue[]));
  }
  if (sheet.attributes.length >= beforeRow) sheet.attributes.splice(beforeRow - 1, 0, ...new Array<(CellAttributes | undefined)[]>(howMany));
  sheet.maxRows += howMany;
  shiftAreas(sheet, 'row', beforeRow, howMany);
}

export function insertColumns(sheet: SheetModel, beforeColumn: number, howMany: number): void {
  for (const values of sheet.values) {
    if (values && values.length >= beforeColumn) values.splice(beforeColumn - 1, 0, ...new Array<CellValue>(howMany));
  }
  for (const attributes of sheet.attributes) {
    if (attributes && attributes.length >= beforeColumn) attributes.splice(beforeColumn - 1, 0, ...new Array<undefined>(howMany));
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
  sheet.values.splice(row - 1, howMany);
  sheet.attributes.splice(row - 1, howMany);
  sheet.maxRows -= howMany;
  removeFromAreas(sheet, 'row', row, howMany);
}

export function deleteColumns(sheet: SheetModel, column: number, howMany: number): void {
  checkDeletion(column, howMany, sheet.maxColumns, 'columns');
  for (const values of sheet.values) if (values) values.splice(column - 1, howMany);
  for (const attributes of sheet.attributes) if (attributes) attributes.splice(column - 1, howMany);
  const widths: Record<number, number> = {};
  for (const [key, px] of Object.entries(sheet.columnWidths)) {
    const c = Number(key);
    if (c < column) widths[c] = px;
    else if (c >= column + howMany) widths[c - howMany] = px;
  }
  sheet.columnWidths = widths;
  sheet.maxColumns -= howMany;
  removeFromAreas(sheet, 'column', column, howMany);
}

function checkDeletion(start: number, howMany: number, max: number, what: 'rows' | 'columns'): void {
  if (!Number.isInteger(start) || !Number.isInteger(howMany) || start < 1 || howMany < 1 || start + howMany - 1 > max) {
    throw new AppsScriptException(`Those ${what} are out of bounds.`);
  }
  if (start === 1 && howMany === max) throw new AppsScriptException(`You can't delete all the ${what} on the sheet.`);
}

/** Moves protected ranges and merges that sit at or after `from` (they follow their cells as in Sheets). */
/**
 * Deleting rows or columns moves the merges and protected ranges after them back and shrinks
 * those that overlap them, as Sheets does; a protected range whose cells are all deleted goes.
 */
function removeFromAreas(sheet: SheetModel, axis: 'row' | 'column', from: number, howMany: number): void {
  const size = axis === 'row' ? 'numRows' : 'numColumns';
  const last = from + howMany - 1;
  const clip = (area: GridArea): boolean => {
    const start = area[axis];
    const end = start + area[size] - 1;
    const before = Math.max(0, Math.min(last, start - 1) - from + 1);
    const inside = Math.max(0, Math.min(last, end) - Math.max(from, start) + 1);
    area[axis] = start - before;
    area[size] -= inside;
    return area[size] > 0;
  };
  sheet.merges = sheet.merges.filter(clip);
  sheet.protections = sheet.protections.filter((p) => p.area === null || clip(p.area));
}

function shiftAreas(sheet: SheetModel, axis: 'row' | 'column', from: number, delta: number): void {
  const areas = [...sheet.merges, ...sheet.protections.flatMap((p) => (p.area ? [p.area] : []))];
  for (const area of areas) {
    if (area[axis] >= from) area[axis] = Math.max(1, area[axis] + delta);
  }
}
