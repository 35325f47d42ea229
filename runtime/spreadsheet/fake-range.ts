/** Range: a rectangle of one sheet, 1-based. Reads and writes go straight to the SheetModel. */
import type { CallKind } from '../call-log';
import { AppsScriptException } from '../runtime-context';
import { formatA1 } from './a1-notation';
import { describeType, signatureError, storedInput } from './cell-input';
import { FakeDataValidation } from './data-validation';
import { FormulaReader, mayHoldLiveFormulas } from './workbook-formulas';
import { addDeveloperMetadata, FakeDeveloperMetadataFinder, type FakeDeveloperMetadata, metadataAt } from './developer-metadata';
import { defaultFormatFor, displayValue } from './display-format';
import type { FakeSheet } from './fake-sheet';
import { createProtection, FakeProtection } from './protection';
import { attributesAt, forEachCellOf, nextDataCell, removeAttributes, updateAttributes, valueAt, writeInput } from './sheet-grid';
import type {
  CellAttributes,
  CellStyleModel,
  CellValue,
  DataValidationModel,
  DeveloperMetadataLocationModel,
  GridArea,
  SheetModel,
} from './spreadsheet-model';
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
  private grid<T>(project: (value: CellValue, attributes: CellAttributes | undefined) => T, computed = false): T[][] {
    const { row, column, numRows, numColumns } = this.area;
    const RealmArray = this.session.ctx.realm.Array;
    const formulas = computed ? this.formulaReader() : null;
    const out: T[][] = new RealmArray<T[]>(numRows);
    for (let i = 0; i < numRows; i += 1) {
      const values = this.sheet.values[row - 1 + i];
      const attributes = this.sheet.attributes[row - 1 + i];
      const line: T[] = new RealmArray<T>(numColumns);
      for (let j = 0; j < numColumns; j += 1) {
        const a = attributes?.[column - 1 + j];
        const value = formulas && a?.live ? formulas.cellValue(this.sheet, row + i, column + j) : (values?.[column - 1 + j] ?? '');
        line[j] = project(value, a);
      }
      out[i] = line;
    }
    return out;
  }

  /** One reader per read call when this sheet may hold formulas to compute; null otherwise (no cost). */
  private formulaReader(): FormulaReader | null {
    return mayHoldLiveFormulas(this.sheet) ? new FormulaReader(this.session.model, () => this.session.now()) : null;
  }

  /** Puts the computed value of each formula cell of the area into a grid of values (realm Dates). */
  private computeFormulas(out: unknown[][]): void {
    const formulas = this.formulaReader();
    if (!formulas) return;
    const { row, column, numRows, numColumns } = this.area;
    for (let i = 0; i < numRows; i += 1) {
      const attributes = this.sheet.attributes[row - 1 + i];
      if (!attributes) continue;
      for (let j = 0; j < numColumns; j += 1) {
        if (attributes[column - 1 + j]?.live) out[i]![j] = this.session.realmValue(formulas.cellValue(this.sheet, row + i, column + j));
      }
    }
  }

  /** grid() specialised for getValues, the call that reads whole sheets: no callback per cell. */
  private valueGrid(): unknown[][] {
    const { row, column, numRows, numColumns } = this.area;
    const { Array: RealmArray, Date: RealmDate } = this.session.ctx.realm;
    const rows = this.sheet.values;
    const out: unknown[][] = new RealmArray<unknown[]>(numRows);
    for (let i = 0; i < numRows; i += 1) {
      const values = rows[row - 1 + i];
      const line: unknown[] = new RealmArray<unknown>(numColumns);
      for (let j = 0; j < numColumns; j += 1) {
        const value = values?.[column - 1 + j] ?? '';
        // As SpreadsheetSession.realmValue: a Date is handed over as a new Date of the realm.
        line[j] = value instanceof Date ? new RealmDate(value.getTime()) : value;
      }
      out[i] = line;
    }
    this.computeFormulas(out);
    return out;
  }

  /** The top-left cell's value, its formula computed. */
  private topLeftValue(): CellValue {
    const { row, column } = this.area;
    return this.formulaReader()?.cellValue(this.sheet, row, column) ?? valueAt(this.sheet, row, column);
  }

  private topLeftAttributes(): CellAttributes | undefined {
    return attributesAt(this.sheet, this.area.row, this.area.column);
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

  /** Applies `apply` to every cell of the range (row, column, and the row length to create a missing row at). */
  private fill(apply: (row: number, column: number, rowLength: number) => void): this {
    const rowLength = this.area.column + this.area.numColumns - 1;
    forEachCellOf(this.area, (r, c) => apply(r, c, rowLength));
    return this;
  }

  private fillEach<T>(data: T[][], apply: (row: number, column: number, value: T, rowLength: number) => void): this {
    const rowLength = this.area.column + this.area.numColumns - 1;
    forEachCellOf(this.area, (r, c, i, j) => apply(r, c, data[i]![j]!, rowLength));
    return this;
  }

  private setStyle(key: StyleKey, value: unknown): void {
    this.fill((r, c) => applyStyle(this.sheet, r, c, key, value));
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

  /** Ctrl+arrow from the range's top-left cell (Sheets' own rule: see sheet-grid's nextDataCell). */
  getNextDataCell(direction: unknown): FakeRange {
    this.rec('getNextDataCell', 'read');
    if (direction !== 'UP' && direction !== 'DOWN' && direction !== 'PREVIOUS' && direction !== 'NEXT') {
      throw signatureError('Range.getNextDataCell', describeType(direction));
    }
    const cell = nextDataCell(this.sheet, this.area.row, this.area.column, direction);
    return this.session.range(this.sheet, { ...cell, numRows: 1, numColumns: 1 });
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
    return this.session.realmValue(this.topLeftValue());
  }

  /** Validates every value before writing any, so a rejected call leaves the sheet untouched. */
  setValues(values: unknown[][]): this {
    this.rec('setValues', 'write');
    const data = this.checkShape(values, 'setValues');
    const inputs = data.map((line, i) =>
      line.map((raw, j) => {
        const format = attributesAt(this.sheet, this.area.row + i, this.area.column + j)?.numberFormat;
        return storedInput(raw, format, this.session, 'Range.setValues');
      }),
    );
    this.session.ctx.calls.cellsWritten += this.cellCount;
    return this.fillEach(inputs, (r, c, input, rowLength) => writeInput(this.sheet, r, c, input, rowLength));
  }

  setValue(value: unknown): this {
    this.rec('setValue', 'write');
    // Checked once up front (the format may differ per cell, the acceptance does not).
    storedInput(value, undefined, this.session, 'Range.setValue');
    this.session.ctx.calls.cellsWritten += this.cellCount;
    return this.fill((r, c, rowLength) =>
      writeInput(this.sheet, r, c, storedInput(value, attributesAt(this.sheet, r, c)?.numberFormat, this.session, 'Range.setValue'), rowLength),
    );
  }

  getDisplayValues(): string[][] {
    this.rec('getDisplayValues', 'read');
    this.session.ctx.calls.cellsRead += this.cellCount;
    return this.grid((value, attributes) => displayValue(value, attributes?.numberFormat, this.session.timeZone), true);
  }

  getDisplayValue(): string {
    this.rec('getDisplayValue', 'read');
    this.session.ctx.calls.cellsRead += 1;
    return displayValue(this.topLeftValue(), this.topLeftAttributes()?.numberFormat, this.session.timeZone);
  }

  /** The formulas as written; getValues gives their computed values (workbook-formulas.ts). */
  getFormulas(): string[][] {
    this.rec('getFormulas', 'read');
    this.session.ctx.calls.cellsRead += this.cellCount;
    return this.grid((_value, attributes) => attributes?.formula ?? '');
  }

  getFormula(): string {
    this.rec('getFormula', 'read');
    return this.topLeftAttributes()?.formula ?? '';
  }

  setFormula(formula: string): this {
    this.rec('setFormula', 'write');
    this.session.ctx.calls.cellsWritten += this.cellCount;
    const input = formulaInput(formula);
    return this.fill((r, c, rowLength) => writeInput(this.sheet, r, c, input, rowLength));
  }

  /** One formula per cell; an empty string clears the cell, as in Apps Script. */
  setFormulas(formulas: string[][]): this {
    this.rec('setFormulas', 'write');
    const inputs = this.checkShape(formulas, 'setFormulas').map((line) => line.map((f) => (String(f) === '' ? { value: '', formula: null } : formulaInput(f))));
    this.session.ctx.calls.cellsWritten += this.cellCount;
    return this.fillEach(inputs, (r, c, input, rowLength) => writeInput(this.sheet, r, c, input, rowLength));
  }

  // ---- number formats -------------------------------------------------------------------

  getNumberFormat(): string {
    this.rec('getNumberFormat', 'read');
    return this.topLeftAttributes()?.numberFormat ?? defaultFormatFor(this.topLeftValue(), this.session.timeZone);
  }

  getNumberFormats(): string[][] {
    this.rec('getNumberFormats', 'read');
    return this.grid((value, attributes) => attributes?.numberFormat ?? defaultFormatFor(value, this.session.timeZone));
  }

  setNumberFormat(numberFormat: string): this {
    this.rec('setNumberFormat', 'write');
    const format = String(numberFormat);
    return this.fill((r, c) =>
      updateAttributes(this.sheet, r, c, (a) => {
        a.numberFormat = format;
      }),
    );
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.rec('setNumberFormats', 'write');
    return this.fillEach(this.checkShape(numberFormats, 'setNumberFormats'), (r, c, format) =>
      updateAttributes(this.sheet, r, c, (a) => {
        a.numberFormat = String(format);
      }),
    );
  }

  // ---- data validation ------------------------------------------------------------------

  setDataValidation(rule: FakeDataValidation | null): this {
    this.rec('setDataValidation', 'write');
    const data = validationData(rule, 'Range.setDataValidation');
    return this.fill((r, c) => setValidation(this.sheet, r, c, data));
  }

  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this.rec('setDataValidations', 'write');
    const data = this.checkShape(rules, 'setDataValidations').map((line) => line.map((r) => validationData(r, 'Range.setDataValidations')));
    return this.fillEach(data, (r, c, validation) => setValidation(this.sheet, r, c, validation));
  }

  getDataValidation(): FakeDataValidation | null {
    this.rec('getDataValidation', 'read');
    const validation = this.topLeftAttributes()?.validation;
    return validation ? new FakeDataValidation(this.session, validation) : null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.rec('getDataValidations', 'read');
    return this.grid((_value, attributes) => (attributes?.validation ? new FakeDataValidation(this.session, attributes.validation) : null));
  }

  clearDataValidations(): this {
    this.rec('clearDataValidations', 'write');
    return this.fill((r, c) =>
      removeAttributes(this.sheet, r, c, (a) => {
        delete a.validation;
      }),
    );
  }

  // ---- notes ----------------------------------------------------------------------------

  setNote(note: string | null): this {
    this.rec('setNote', 'write');
    return this.fill((r, c) => setNote(this.sheet, r, c, note));
  }

  setNotes(notes: (string | null)[][]): this {
    this.rec('setNotes', 'write');
    return this.fillEach(this.checkShape(notes, 'setNotes') as (string | null)[][], (r, c, note) => setNote(this.sheet, r, c, note));
  }

  getNote(): string {
    this.rec('getNote', 'read');
    return this.topLeftAttributes()?.note ?? '';
  }

  getNotes(): string[][] {
    this.rec('getNotes', 'read');
    return this.grid((_value, attributes) => attributes?.note ?? '');
  }

  clearNote(): this {
    this.rec('clearNote', 'write');
    return this.fill((r, c) => setNote(this.sheet, r, c, null));
  }

  // ---- styling --------------------------------------------------------------------------

  setFontWeight(fontWeight: string | null): this {
    this.rec('setFontWeight', 'write');
    this.setStyle('fontWeight', fontWeight);
    return this;
  }

  setFontWeights(fontWeights: (string | null)[][]): this {
    this.rec('setFontWeights', 'write');
    return this.fillEach(this.checkShape(fontWeights, 'setFontWeights'), (r, c, w) => applyStyle(this.sheet, r, c, 'fontWeight', w));
  }

  getFontWeight(): string {
    this.rec('getFontWeight', 'read');
    return this.topLeftAttributes()?.style?.fontWeight ?? 'normal';
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
    return this.fillEach(this.checkShape(colors, 'setBackgrounds'), (r, c, color) => applyStyle(this.sheet, r, c, 'background', color));
  }

  getBackground(): string {
    this.rec('getBackground', 'read');
    return this.topLeftAttributes()?.style?.background ?? '#ffffff';
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
      if ((i > 0 || j > 0) && isStored(this.sheet, r, c)) writeInput(this.sheet, r, c, { value: '', formula: null });
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
    return this.fill((r, c, rowLength) => {
      if (!picked || o.contentsOnly) writeInput(this.sheet, r, c, { value: '', formula: null }, rowLength);
      removeAttributes(this.sheet, r, c, (a) => {
        if (!picked || o.formatOnly) clearFormat(a);
        if (o.validationsOnly) delete a.validation;
        if (o.commentsOnly) delete a.note;
      });
    });
  }

  clearContent(): this {
    this.rec('clearContent', 'write');
    return this.fill((r, c, rowLength) => writeInput(this.sheet, r, c, { value: '', formula: null }, rowLength));
  }

  clearFormat(): this {
    this.rec('clearFormat', 'write');
    return this.fill((r, c) => removeAttributes(this.sheet, r, c, clearFormat));
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

function formulaInput(formula: unknown): { value: CellValue; formula: string } {
  const text = String(formula);
  return { value: '', formula: text.startsWith('=') ? text : `=${text}` };
}

/** Something was stored at this cell (a value, even '', or attributes). */
function isStored(sheet: SheetModel, row: number, column: number): boolean {
  return sheet.values[row - 1]?.[column - 1] !== undefined || attributesAt(sheet, row, column) !== undefined;
}

function validationData(rule: unknown, method: string): DataValidationModel | null {
  if (rule === null || rule === undefined) return null;
  if (!(rule instanceof FakeDataValidation)) throw signatureError(method, describeType(rule));
  return rule.data;
}

function setValidation(sheet: SheetModel, row: number, column: number, data: DataValidationModel | null): void {
  if (data) {
    updateAttributes(sheet, row, column, (a) => {
      a.validation = structuredClone(data);
    });
  } else {
    removeAttributes(sheet, row, column, (a) => {
      delete a.validation;
    });
  }
}

function setNote(sheet: SheetModel, row: number, column: number, note: unknown): void {
  if (note === null || note === undefined || note === '') {
    removeAttributes(sheet, row, column, (a) => {
      delete a.note;
    });
  } else {
    updateAttributes(sheet, row, column, (a) => {
      a.note = String(note);
    });
  }
}

function applyStyle(sheet: SheetModel, row: number, column: number, key: StyleKey, value: unknown): void {
  updateAttributes(sheet, row, column, (a) => {
    const style: Record<string, unknown> = { ...(a.style ?? {}) };
    if (value === null || value === undefined) delete style[key];
    else style[key] = value;
    if (Object.keys(style).length === 0) delete a.style;
    else a.style = style as CellStyleModel;
  });
}

function clearFormat(attributes: CellAttributes): void {
  delete attributes.numberFormat;
  delete attributes.style;
}
