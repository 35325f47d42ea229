/** Sheet: one tab of the spreadsheet, over SheetModel. */
import type { CallKind } from '../call-log';
import { AppsScriptException } from '../runtime-context';
import { splitSheetReference } from './a1-notation';
import { signatureError, storedInput } from './cell-input';
import {
  addDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  type FakeDeveloperMetadata,
  metadataAt,
  shiftDimensionMetadata,
} from './developer-metadata';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './embedded-chart';
import type { FakeRange } from './fake-range';
import type { FakeSpreadsheet } from './fake-spreadsheet';
import { createProtection, FakeProtection } from './protection';
import * as grid from './sheet-grid';
import { type CellAttributes, DEFAULT_COLUMN_WIDTH, nextIdAmong, type SheetModel } from './spreadsheet-model';
import type { SpreadsheetSession } from './spreadsheet-session';

function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new AppsScriptException(`Invalid argument: ${what}`);
  }
  return value;
}

export class FakeSheet {
  constructor(
    private readonly session: SpreadsheetSession,
    private readonly sheet: SheetModel,
  ) {}

  /** For the other fakes: the model behind this sheet. */
  model(): SheetModel {
    return this.sheet;
  }

  private rec(method: string, kind: CallKind): void {
    this.session.record(`Sheet.${method}`, kind, this.sheet);
  }

  getName(): string {
    this.rec('getName', 'read');
    return this.sheet.name;
  }

  setName(name: string): this {
    this.rec('setName', 'write');
    const newName = String(name);
    if (newName.trim() === '') throw new AppsScriptException('Invalid argument: name');
    const other = this.session.sheetByName(newName);
    if (other && other !== this.sheet) {
      throw new AppsScriptException(`A sheet with the name "${newName}" already exists. Please enter another name.`);
    }
    if (this.session.model.activeSheetName === this.sheet.name) this.session.model.activeSheetName = newName;
    this.sheet.name = newName;
    return this;
  }

  getSheetId(): number {
    this.rec('getSheetId', 'read');
    return this.sheet.sheetId;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.rec('getIndex', 'read');
    return this.session.model.sheets.indexOf(this.sheet) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.rec('getParent', 'other');
    return this.session.spreadsheet();
  }

  getRange(...args: unknown[]): FakeRange {
    this.rec('getRange', 'other');
    if (typeof args[0] === 'string') {
      // A sheet prefix in the reference is ignored: the range is always on this sheet.
      const { area } = this.session.areaOfReference(splitSheetReference(args[0]).rangeA1, this.sheet);
      return this.session.range(this.sheet, area);
    }
    if (args.length < 2 || args.some((a) => typeof a !== 'number')) {
      throw signatureError('Sheet.getRange', args.map((a) => typeof a).join(','));
    }
    const [row, column, numRows = 1, numColumns = 1] = args as number[];
    return this.session.range(this.sheet, { row: row!, column: column!, numRows, numColumns });
  }

  getDataRange(): FakeRange {
    this.rec('getDataRange', 'read');
    return this.session.range(this.sheet, {
      row: 1,
      column: 1,
      numRows: Math.max(grid.lastRowWithContent(this.sheet), 1),
      numColumns: Math.max(grid.lastColumnWithContent(this.sheet), 1),
    });
  }

  getLastRow(): number {
    this.rec('getLastRow', 'read');
    return grid.lastRowWithContent(this.sheet);
  }

  getLastColumn(): number {
    this.rec('getLastColumn', 'read');
    return grid.lastColumnWithContent(this.sheet);
  }

  getMaxRows(): number {
    this.rec('getMaxRows', 'read');
    return this.sheet.maxRows;
  }

  getMaxColumns(): number {
    this.rec('getMaxColumns', 'read');
    return this.sheet.maxColumns;
  }

  private checkPosition(position: unknown, max: number, what: 'rows' | 'columns'): number {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 1 || position > max) {
      throw new AppsScriptException(`Those ${what} are out of bounds.`);
    }
    return position;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.rec('insertRowsAfter', 'write');
    this.insertRowsAt(this.checkPosition(afterPosition, this.sheet.maxRows, 'rows') + 1, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.rec('insertRowsBefore', 'write');
    this.insertRowsAt(this.checkPosition(beforePosition, this.sheet.maxRows, 'rows'), howMany);
    return this;
  }

  private insertRowsAt(row: number, howMany: number): void {
    const n = checkCount(howMany, 'howMany');
    if (n === 0) return;
    this.session.requireCellRoom(n * this.sheet.maxColumns);
    grid.insertRows(this.sheet, row, n);
    shiftDimensionMetadata(this.session, this.sheet.sheetId, 'ROW', row, n);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.rec('insertColumnsAfter', 'write');
    this.insertColumnsAt(this.checkPosition(afterPosition, this.sheet.maxColumns, 'columns') + 1, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.rec('insertColumnsBefore', 'write');
    this.insertColumnsAt(this.checkPosition(beforePosition, this.sheet.maxColumns, 'columns'), howMany);
    return this;
  }

  private insertColumnsAt(column: number, howMany: number): void {
    const n = checkCount(howMany, 'howMany');
    if (n === 0) return;
    this.session.requireCellRoom(n * this.sheet.maxRows);
    grid.insertColumns(this.sheet, column, n);
    shiftDimensionMetadata(this.session, this.sheet.sheetId, 'COLUMN', column, n);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.rec('deleteRows', 'write');
    grid.deleteRows(this.sheet, rowPosition, howMany);
    shiftDimensionMetadata(this.session, this.sheet.sheetId, 'ROW', rowPosition, -howMany);
  }

  deleteRow(rowPosition: number): this {
    this.rec('deleteRow', 'write');
    grid.deleteRows(this.sheet, rowPosition, 1);
    shiftDimensionMetadata(this.session, this.sheet.sheetId, 'ROW', rowPosition, -1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.rec('deleteColumns', 'write');
    grid.deleteColumns(this.sheet, columnPosition, howMany);
    shiftDimensionMetadata(this.session, this.sheet.sheetId, 'COLUMN', columnPosition, -howMany);
  }

  /** Writes after the last row with content, growing the grid by one row when it is full. */
  appendRow(rowContents: unknown[]): this {
    this.rec('appendRow', 'write');
    if (!Array.isArray(rowContents) || rowContents.length === 0) throw signatureError('Sheet.appendRow', typeof rowContents);
    const row = grid.lastRowWithContent(this.sheet) + 1;
    const inputs = rowContents.map((raw, j) =>
      storedInput(raw, grid.attributesAt(this.sheet, row, j + 1)?.numberFormat, this.session, 'Sheet.appendRow'),
    );
    const rows = Math.max(row, this.sheet.maxRows);
    const columns = Math.max(inputs.length, this.sheet.maxColumns);
    this.session.requireCellRoom(rows * columns - this.sheet.maxRows * this.sheet.maxColumns);
    this.sheet.maxRows = rows;
    this.sheet.maxColumns = columns;
    inputs.forEach((input, j) => {
      grid.writeInput(this.sheet, row, j + 1, input);
    });
    this.session.ctx.calls.cellsWritten += inputs.length;
    return this;
  }

  /** Contents and formats; notes and validation rules stay. */
  clear(): this {
    this.rec('clear', 'write');
    this.clearStored((a) => {
      grid.removeFormula(a);
      delete a.numberFormat;
      delete a.style;
    });
    return this;
  }

  clearContents(): this {
    this.rec('clearContents', 'write');
    this.clearStored(grid.removeFormula);
    return this;
  }

  /** Empties every stored value (kept as '', the cells stay stored) and applies `change` to every cell's attributes. */
  private clearStored(change: (attributes: CellAttributes) => void): void {
    for (const values of this.sheet.values) values?.fill('');
    this.sheet.attributes.forEach((attributes, r) => {
      attributes?.forEach((a, c) => {
        if (a) grid.removeAttributes(this.sheet, r + 1, c + 1, change);
      });
    });
  }

  setFrozenRows(rows: number): void {
    this.rec('setFrozenRows', 'write');
    this.sheet.frozenRows = checkCount(rows, 'rows');
  }

  getFrozenRows(): number {
    this.rec('getFrozenRows', 'read');
    return this.sheet.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.rec('setFrozenColumns', 'write');
    this.sheet.frozenColumns = checkCount(columns, 'columns');
  }

  getFrozenColumns(): number {
    this.rec('getFrozenColumns', 'read');
    return this.sheet.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.rec('setColumnWidth', 'write');
    this.checkPosition(columnPosition, this.sheet.maxColumns, 'columns');
    this.sheet.columnWidths[columnPosition] = checkCount(width, 'width');
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.rec('setColumnWidths', 'write');
    for (let c = startColumn; c < startColumn + numColumns; c += 1) {
      this.checkPosition(c, this.sheet.maxColumns, 'columns');
      this.sheet.columnWidths[c] = checkCount(width, 'width');
    }
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.rec('getColumnWidth', 'read');
    this.checkPosition(columnPosition, this.sheet.maxColumns, 'columns');
    return this.sheet.columnWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** An estimate from the longest display text (about 7 px per character, like Arial 10). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.rec('autoResizeColumns', 'write');
    for (let c = startColumn; c < startColumn + numColumns; c += 1) {
      this.checkPosition(c, this.sheet.maxColumns, 'columns');
      let longest = 0;
      for (const values of this.sheet.values) {
        const value = values?.[c - 1];
        if (value !== undefined && value !== '') longest = Math.max(longest, String(value instanceof Date ? '00/00/0000' : value).length);
      }
      this.sheet.columnWidths[c] = Math.max(30, longest * 7 + 10);
    }
    return this;
  }

  protect(): FakeProtection {
    this.rec('protect', 'write');
    const existing = this.sheet.protections.find((p) => p.type === 'SHEET');
    return new FakeProtection(this.session, this.sheet, existing ?? createProtection(this.session, this.sheet, null));
  }

  getProtections(type: string): FakeProtection[] {
    this.rec('getProtections', 'read');
    const wanted = String(type);
    if (wanted !== 'SHEET' && wanted !== 'RANGE') throw signatureError('Sheet.getProtections', typeof type);
    return this.session.realmArray(
      this.sheet.protections.filter((p) => p.type === wanted).map((p) => new FakeProtection(this.session, this.sheet, p)),
    );
  }

  addDeveloperMetadata(...args: unknown[]): this {
    this.rec('addDeveloperMetadata', 'write');
    addDeveloperMetadata(this.session, { type: 'SHEET', sheetId: this.sheet.sheetId }, 'Sheet.addDeveloperMetadata', args);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.rec('getDeveloperMetadata', 'read');
    return this.session.realmArray(metadataAt(this.session, { type: 'SHEET', sheetId: this.sheet.sheetId }));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder', 'other');
    return new FakeDeveloperMetadataFinder(this.session, { type: 'SHEET', sheetId: this.sheet.sheetId });
  }

  activate(): this {
    this.rec('activate', 'other');
    this.session.model.activeSheetName = this.sheet.name;
    this.sheet.hidden = false;
    return this;
  }

  hideSheet(): this {
    this.rec('hideSheet', 'write');
    const visible = this.session.model.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.sheet) throw new AppsScriptException("You can't hide all the sheets in a document.");
    this.sheet.hidden = true;
    // Sheets moves the focus off a tab it hides.
    if (this.session.activeSheet() === this.sheet) {
      this.session.model.activeSheetName = visible.find((s) => s !== this.sheet)?.name ?? null;
    }
    return this;
  }

  showSheet(): this {
    this.rec('showSheet', 'write');
    this.sheet.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.rec('isSheetHidden', 'read');
    return this.sheet.hidden;
  }

  setTabColor(color: string | null): this {
    this.rec('setTabColor', 'write');
    this.sheet.tabColor = color === null || color === undefined ? null : String(color);
    return this;
  }

  getTabColor(): string | null {
    this.rec('getTabColor', 'read');
    return this.sheet.tabColor;
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.rec('newChart', 'other');
    return new FakeEmbeddedChartBuilder(this.session, null);
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.rec('insertChart', 'write');
    if (!(chart instanceof FakeEmbeddedChart)) throw signatureError('Sheet.insertChart', typeof chart);
    const ids = this.session.model.sheets.flatMap((s) => s.charts.map((c) => c.id));
    chart.data.id = nextIdAmong(ids);
    this.sheet.charts.push(structuredClone(chart.data));
  }

  updateChart(chart: FakeEmbeddedChart): void {
    this.rec('updateChart', 'write');
    if (!(chart instanceof FakeEmbeddedChart)) throw signatureError('Sheet.updateChart', typeof chart);
    const index = this.sheet.charts.findIndex((c) => c.id === chart.data.id);
    if (index < 0) throw new AppsScriptException('The chart does not exist on this sheet.');
    this.sheet.charts[index] = structuredClone(chart.data);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.rec('getCharts', 'read');
    return this.session.realmArray(this.sheet.charts.map((c) => new FakeEmbeddedChart(this.session, structuredClone(c))));
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.rec('removeChart', 'write');
    if (!(chart instanceof FakeEmbeddedChart)) throw signatureError('Sheet.removeChart', typeof chart);
    this.sheet.charts = this.sheet.charts.filter((c) => c.id !== chart.data.id);
  }
}
