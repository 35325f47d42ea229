/** Range: a rectangle of one sheet, 1-based. Reads and writes go straight to the SheetModel. */
import type { CallKind } from '../call-log';
import { AppsScriptException } from '../runtime-context';
import { formatA1 } from './a1-notation';
import { describeType, signatureError, storedInput } from './cell-input';
import { FakeDataValidation } from './data-validation';
import { addDeveloperMetadata, FakeDeveloperMetadataFinder, type FakeDeveloperMetadata, metadataAt } from './developer-metadata';
import { defaultFormatFor, displayValue } from './display-format';
import type { FakeSheet } from './fake-sheet';
import { createProtection, FakeProtection } from './protection';
import { cellAt, ensureCell, forEachCellOf } from './sheet-grid';
import type { CellModel, CellStyleModel, DeveloperMetadataLocationModel, GridArea, SheetModel } from './spreadsheet-model';
import type { SpreadsheetSession } from './spreadsheet-session';

type StyleKey = keyof CellStyleModel;

export class FakeRange {
  constructor(
    private readonly session: SpreadsheetSession,
    private readonly sheet: SheetModel,
    private readonly area: GridArea,
  ) {}

  /** For the other fakes (validation, charts, protections): where this range is. */
  location(): { sheet: SheetModel; area: GridArea } {
    return { sheet: this.sheet, area: { ...this.area } };
  }

  private rec(method: string, kind: CallKind): void {
    this.session.record(`Range.${method}`, kind, this.sheet);
  }

  private get cellCount(): number {
    return this.area.numRows * this.area.numColumns;
  }

  /**
   * A realm 2-D array of one value per cell. The arrays are created in the realm at their final
   * length and filled in place: a copy per row (realmArray) costs more than the cells themselves
   * on sheets of 100,000 rows.
   */
  private grid<T>(project: (cell: CellModel | undefined) => T): T[][] {
    const { row, column, numRows, numColumns } = this.area;
    const RealmArray = this.session.ctx.realm.Array;
    const out: T[][] = new RealmArray<T[]>(numRows);
    for (let i = 0; i < numRows; i += 1) {
      const cells = this.sheet.cells[row - 1 + i];
      const line: T[] = new RealmArray<T>(numColumns);
      for (let j = 0; j < numColumns; j += 1) line[j] = project(cells?.[column - 1 + j]);
      out[i] = line;
    }
    return out;
  }

  /** grid() specialised for getValues, the call that reads whole sheets: no callback per cell. */
  private valueGrid(): unknown[][] {
    const { row, column, numRows, numColumns } = this.area;
    const { Array: RealmArray, Date: RealmDate } = this.session.ctx.realm;
    const rows = this.sheet.cells;
    const out: unknown[][] = new RealmArray<unknown[]>(numRows);
    for (let i = 0; i < numRows; i += 1) {
      const cells = rows[row - 1 + i];
      const line: unknown[] = new RealmArray<unknown>(numColumns);
      for (let j = 0; j < numColumns; j += 1) {
        const value = cells?.[column - 1 + j]?.value ?? '';
        // As SpreadsheetSession.realmValue: a Date is handed over as a new Date of the realm.
        line[j] = value instanceof Date ? new RealmDate(value.getTime()) : value;
      }
      out[i] = line;
    }
    return out;
  }

  private topLeft(): CellModel | undefined {
    return cellAt(this.sheet, this.area.row, this.area.column);
  }

  /** Google's shape checks for every set…s(2-D array) method. */
  private checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw signatureError(`Range.${method}`, Array.isArray(data) ? 'Object[]' : describeType(data));
    }
    if (data.length !== this.area.numRows) {
      throw new AppsScriptException(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.area.numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== this.area.numColumns) {
        throw new AppsScriptException(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.area.numColumns}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private fill(apply: (cell: CellModel) => void): this {
    const rowLength = this.area.column + this.area.numColumns - 1;
    forEachCellOf(this.area, (r, c) => apply(ensureCell(this.sheet, r, c, rowLength)));
    return this;
  }

  private fillEach<T>(data: T[][], apply: (cell: CellModel, value: T) => void): this {
    const rowLength = this.area.column + this.area.numColumns - 1;
    forEachCellOf(this.area, (r, c, i, j) => apply(ensureCell(this.sheet, r, c, rowLength), data[i]![j]!));
    return this;
  }

  private setStyle(key: StyleKey, value: unknown): void {
    this.fill((cell) => applyStyle(cell, key, value));
  }

  // ---- geometry -------------------------------------------------------------------------

  getRow(): number {
    this.rec('getRow', 'other');
    return this.area.row;
  }

  getColumn(): number {
    this.rec('getColumn', 'other');
    return this.area.column;
  }

  getNumRows(): number {
    this.rec('getNumRows', 'other');
    return this.area.numRows;
  }

  getNumColumns(): number {
    this.rec('getNumColumns', 'other');
    return this.area.numColumns;
  }

  getLastRow(): number {
    this.rec('getLastRow', 'other');
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    this.rec('getLastColumn', 'other');
    return this.area.column + this.area.numColumns - 1;
  }

  getA1Notation(): string {
    this.rec('getA1Notation', 'other');
    const { row, column, numRows, numColumns } = this.area;
    return formatA1(row, column, numRows, numColumns);
  }

  getSheet(): FakeSheet {
    this.rec('getSheet', 'other');
    return this.session.sheet(this.sheet);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.rec('offset', 'other');
    return this.session.range(this.sheet, {
      row: this.area.row + rowOffset,
      column: this.area.column + columnOffset,
      numRows: numRows ?? this.area.numRows,
      numColumns: numColumns ?? this.area.numColumns,
    });
  }

  getCell(row: number, column: number): FakeRange {
    this.rec('getCell', 'other');
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns) {
      throw new AppsScriptException('Cell reference out of range');
    }
    return this.session.range(this.sheet, { row: this.area.row + row - 1, column: this.area.column + column - 1, numRows: 1, numColumns: 1 });
  }

  // ---- values ---------------------------------------------------------------------------

  getValues(): unknown[][] {
    this.rec('getValues', 'read');
    this.session.ctx.calls.cellsRead += this.cellCount;
    return this.valueGrid();
  }

  getValue(): unknown {
    this.rec('getValue', 'read');
    this.session.ctx.calls.cellsRead += 1;
    return this.session.realmValue(this.topLeft()?.value ?? '');
  }

  /** Validates every value before writing any, so a rejected call leaves the sheet untouched. */
  setValues(values: unknown[][]): this {
    this.rec('setValues', 'write');
    const data = this.checkShape(values, 'setValues');
    const inputs = data.map((line, i) =>
      line.map((raw, j) => {
        const format = cellAt(this.sheet, this.area.row + i, this.area.column + j)?.numberFormat;
        return storedInput(raw, format, this.session.timeZone, 'Range.setValues');
      }),
    );
    this.session.ctx.calls.cellsWritten += this.cellCount;
    return this.fillEach(inputs, writeInput);
  }

  setValue(value: unknown): this {
    this.rec('setValue', 'write');
    // Checked once up front (the format may differ per cell, the acceptance does not).
    storedInput(value, undefined, this.session.timeZone, 'Range.setValue');
    this.session.ctx.calls.cellsWritten += this.cellCount;
    return this.fill((cell) => writeInput(cell, storedInput(value, cell.numberFormat, this.session.timeZone, 'Range.setValue')));
  }

  getDisplayValues(): string[][] {
    this.rec('getDisplayValues', 'read');
    this.session.ctx.calls.cellsRead += this.cellCount;
    return this.grid((cell) => (cell ? displayValue(cell.value, cell.numberFormat, this.session.timeZone) : ''));
  }

  getDisplayValue(): string {
    this.rec('getDisplayValue', 'read');
    this.session.ctx.calls.cellsRead += 1;
    const cell = this.topLeft();
    return cell ? displayValue(cell.value, cell.numberFormat, this.session.timeZone) : '';
  }

  /** Formulas are stored, never evaluated: getValues gives '' for a formula written here. */
  getFormulas(): string[][] {
    this.rec('getFormulas', 'read');
    this.session.ctx.calls.cellsRead += this.cellCount;
    return this.grid((cell) => cell?.formula ?? '');
  }

  getFormula(): string {
    this.rec('getFormula', 'read');
    return this.topLeft()?.formula ?? '';
  }

  setFormula(formula: string): this {
    this.rec('setFormula', 'write');
    const text = String(formula);
    this.session.ctx.calls.cellsWritten += this.cellCount;
    return this.fill((cell) => writeInput(cell, { value: '', formula: text.startsWith('=') ? text : `=${text}` }));
  }

  // ---- number formats -------------------------------------------------------------------

  getNumberFormat(): string {
    this.rec('getNumberFormat', 'read');
    const cell = this.topLeft();
    return cell?.numberFormat ?? defaultFormatFor(cell?.value ?? '', this.session.timeZone);
  }

  getNumberFormats(): string[][] {
    this.rec('getNumberFormats', 'read');
    return this.grid((cell) => cell?.numberFormat ?? defaultFormatFor(cell?.value ?? '', this.session.timeZone));
  }

  setNumberFormat(numberFormat: string): this {
    this.rec('setNumberFormat', 'write');
    const format = String(numberFormat);
    return this.fill((cell) => {
      cell.numberFormat = format;
    });
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.rec('setNumberFormats', 'write');
    return this.fillEach(this.checkShape(numberFormats, 'setNumberFormats'), (cell, format) => {
      cell.numberFormat = String(format);
    });
  }

  // ---- data validation ------------------------------------------------------------------

  setDataValidation(rule: FakeDataValidation | null): this {
    this.rec('setDataValidation', 'write');
    const data = validationData(rule, 'Range.setDataValidation');
    return this.fill((cell) => setValidation(cell, data));
  }

  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this.rec('setDataValidations', 'write');
    const data = this.checkShape(rules, 'setDataValidations').map((line) => line.map((r) => validationData(r, 'Range.setDataValidations')));
    return this.fillEach(data, setValidation);
  }

  getDataValidation(): FakeDataValidation | null {
    this.rec('getDataValidation', 'read');
    const validation = this.topLeft()?.validation;
    return validation ? new FakeDataValidation(this.session, validation) : null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.rec('getDataValidations', 'read');
    return this.grid((cell) => (cell?.validation ? new FakeDataValidation(this.session, cell.validation) : null));
  }

  clearDataValidations(): this {
    this.rec('clearDataValidations', 'write');
    return this.fill((cell) => {
      delete cell.validation;
    });
  }

  // ---- notes ----------------------------------------------------------------------------

  setNote(note: string | null): this {
    this.rec('setNote', 'write');
    return this.fill((cell) => setNote(cell, note));
  }

  setNotes(notes: (string | null)[][]): this {
    this.rec('setNotes', 'write');
    return this.fillEach(this.checkShape(notes, 'setNotes') as (string | null)[][], setNote);
  }

  getNote(): string {
    this.rec('getNote', 'read');
    return this.topLeft()?.note ?? '';
  }

  getNotes(): string[][] {
    this.rec('getNotes', 'read');
    return this.grid((cell) => cell?.note ?? '');
  }

  clearNote(): this {
    this.rec('clearNote', 'write');
    return this.fill((cell) => setNote(cell, null));
  }

  // ---- styling --------------------------------------------------------------------------

  setFontWeight(fontWeight: string | null): this {
    this.rec('setFontWeight', 'write');
    this.setStyle('fontWeight', fontWeight);
    return this;
  }

  setFontWeights(fontWeights: (string | null)[][]): this {
    this.rec('setFontWeights', 'write');
    return this.fillEach(this.checkShape(fontWeights, 'setFontWeights'), (cell, w) => applyStyle(cell, 'fontWeight', w));
  }

  getFontWeight(): string {
    this.rec('getFontWeight', 'read');
    return this.topLeft()?.style?.fontWeight ?? 'normal';
  }

  setFontStyle(fontStyle: string | null): this {
    this.rec('setFontStyle', 'write');
    this.setStyle('fontStyle', fontStyle);
    return this;
  }

  setFontSize(size: number): this {
    this.rec('setFontSize', 'write');
    this.setStyle('fontSize', size);
    return this;
  }

  setFontColor(color: string | null): this {
    this.rec('setFontColor', 'write');
    this.setStyle('fontColor', color);
    return this;
  }

  setBackground(color: string | null): this {
    this.rec('setBackground', 'write');
    this.setStyle('background', color);
    return this;
  }

  setBackgrounds(colors: (string | null)[][]): this {
    this.rec('setBackgrounds', 'write');
    return this.fillEach(this.checkShape(colors, 'setBackgrounds'), (cell, color) => applyStyle(cell, 'background', color));
  }

  getBackground(): string {
    this.rec('getBackground', 'read');
    return this.topLeft()?.style?.background ?? '#ffffff';
  }

  setHorizontalAlignment(alignment: string | null): this {
    this.rec('setHorizontalAlignment', 'write');
    this.setStyle('horizontalAlignment', alignment);
    return this;
  }

  setWrap(isWrapEnabled: boolean): this {
    this.rec('setWrap', 'write');
    this.setStyle('wrap', isWrapEnabled === true);
    return this;
  }

  /** Recorded as one style name per cell (the six sides are not modelled one by one). */
  setBorder(...args: unknown[]): this {
    this.rec('setBorder', 'write');
    const sides = args.slice(0, 6);
    const style = args[7] === undefined || args[7] === null ? 'SOLID' : String(args[7]);
    this.setStyle('border', sides.some((s) => s === true) ? style : null);
    return this;
  }

  /** Keeps the top-left value and clears the others, as Sheets does. */
  merge(): this {
    this.rec('merge', 'write');
    forEachCellOf(this.area, (r, c, i, j) => {
      const cell = cellAt(this.sheet, r, c);
      if ((i > 0 || j > 0) && cell) writeInput(cell, { value: '', formula: null });
    });
    this.sheet.merges.push({ ...this.area });
    return this;
  }

  breakApart(): this {
    this.rec('breakApart', 'write');
    const a = this.area;
    this.sheet.merges = this.sheet.merges.filter(
      (m) => m.row + m.numRows <= a.row || a.row + a.numRows <= m.row || m.column + m.numColumns <= a.column || a.column + a.numColumns <= m.column,
    );
    return this;
  }

  // ---- clearing -------------------------------------------------------------------------

  /** clear() removes contents and formats; the options pick parts like Google's clear(options). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): this {
    this.rec('clear', 'write');
    const o = options ?? {};
    const picked = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    return this.fill((cell) => {
      if (!picked || o.contentsOnly) writeInput(cell, { value: '', formula: null });
      if (!picked || o.formatOnly) clearFormat(cell);
      if (o.validationsOnly) delete cell.validation;
      if (o.commentsOnly) delete cell.note;
    });
  }

  clearContent(): this {
    this.rec('clearContent', 'write');
    return this.fill((cell) => writeInput(cell, { value: '', formula: null }));
  }

  clearFormat(): this {
    this.rec('clearFormat', 'write');
    return this.fill(clearFormat);
  }

  // ---- protection, activation, metadata -------------------------------------------------

  protect(): FakeProtection {
    this.rec('protect', 'write');
    return new FakeProtection(this.session, this.sheet, createProtection(this.session, this.sheet, this.area));
  }

  activate(): this {
    this.rec('activate', 'other');
    this.session.model.activeSheetName = this.sheet.name;
    return this;
  }

  /** Whole rows or whole columns only, like Google. */
  private dimensionLocation(): DeveloperMetadataLocationModel | null {
    const { row, column, numRows, numColumns } = this.area;
    if (column === 1 && numColumns === this.sheet.maxColumns) return { type: 'ROW', sheetId: this.sheet.sheetId, start: row, count: numRows };
    if (row === 1 && numRows === this.sheet.maxRows) return { type: 'COLUMN', sheetId: this.sheet.sheetId, start: column, count: numColumns };
    return null;
  }

  addDeveloperMetadata(...args: unknown[]): this {
    this.rec('addDeveloperMetadata', 'write');
    const location = this.dimensionLocation();
    if (!location) {
      throw new AppsScriptException(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    addDeveloperMetadata(this.session, location, 'Range.addDeveloperMetadata', args);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.rec('getDeveloperMetadata', 'read');
    const location = this.dimensionLocation();
    return this.session.realmArray(location ? metadataAt(this.session, location) : []);
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder', 'other');
    const { row, column, numRows, numColumns } = this.area;
    const scope: DeveloperMetadataLocationModel = this.dimensionLocation() ??
      (numRows <= numColumns
        ? { type: 'ROW', sheetId: this.sheet.sheetId, start: row, count: numRows }
        : { type: 'COLUMN', sheetId: this.sheet.sheetId, start: column, count: numColumns });
    return new FakeDeveloperMetadataFinder(this.session, scope);
  }
}

function writeInput(cell: CellModel, input: { value: CellModel['value']; formula: string | null }): void {
  cell.value = input.value;
  if (input.formula === null) delete cell.formula;
  else cell.formula = input.formula;
}

function validationData(rule: unknown, method: string): CellModel['validation'] | null {
  if (rule === null || rule === undefined) return null;
  if (!(rule instanceof FakeDataValidation)) throw signatureError(method, describeType(rule));
  return rule.data;
}

function setValidation(cell: CellModel, data: CellModel['validation'] | null): void {
  if (data) cell.validation = structuredClone(data);
  else delete cell.validation;
}

function setNote(cell: CellModel, note: unknown): void {
  if (note === null || note === undefined || note === '') delete cell.note;
  else cell.note = String(note);
}

function applyStyle(cell: CellModel, key: StyleKey, value: unknown): void {
  const style: Record<string, unknown> = { ...(cell.style ?? {}) };
  if (value === null || value === undefined) delete style[key];
  else style[key] = value;
  if (Object.keys(style).length === 0) delete cell.style;
  else cell.style = style as CellStyleModel;
}

function clearFormat(cell: CellModel): void {
  delete cell.numberFormat;
  delete cell.style;
}
