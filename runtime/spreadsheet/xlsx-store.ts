/**
 * Loads and saves a SpreadsheetModel as .xlsx (the format Google Sheets imports and exports).
 * What .xlsx cannot hold is kept in two `veryHidden` sheets that never appear in the model:
 * `_parcours_metadata` (developer metadata) and `_parcours_sheets` (grid size and protections
 * of each sheet). Charts are not saved.
 */
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { columnNumber } from './a1-notation';
import { cellRow, putCell, updateAttributes, usedRowCount } from './sheet-grid';
import {
  createSheetModel,
  createSpreadsheetModel,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
  type DeveloperMetadataLocationModel,
  type DeveloperMetadataModel,
  type ProtectionModel,
  type SheetModel,
  type SpreadsheetModel,
} from './spreadsheet-model';
import { cellFromExcel, validationFromExcel, writeCellToExcel } from './xlsx-cells';

export const METADATA_SHEET = '_parcours_metadata';
export const SHEET_INFO_SHEET = '_parcours_sheets';
const METADATA_HEADERS = ['Feuille', 'Type', 'Ligne ou colonne', 'Clé', 'Valeur', 'Visibilité', 'Nombre'];
const SHEET_INFO_HEADERS = ['Feuille', 'Lignes', 'Colonnes', 'Protections'];

/** Google's column width in px ↔ Excel's width in characters of the default font. */
const pxToExcelWidth = (px: number): number => (px - 5) / 7;
const excelWidthToPx = (width: number): number => Math.round(width * 7 + 5);

function argbToHex(argb: string | undefined): string | null {
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toLowerCase()}` : null;
}

/** Parts of ExcelJS's worksheet that its type declarations leave out. */
interface WorksheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  sheetProtection: { sheet?: boolean } | null;
}

const internals = (worksheet: ExcelJS.Worksheet): WorksheetInternals => worksheet as unknown as WorksheetInternals;

function decodeAddress(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  return m ? { row: Number(m[2]), column: columnNumber(m[1]!) } : null;
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

// ---- load --------------------------------------------------------------------------------

export async function loadXlsx(path: string): Promise<SpreadsheetModel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const model = createSpreadsheetModel(basename(path, extname(path)));
  model.sheets = [];
  let metadataSheet: ExcelJS.Worksheet | null = null;
  let infoSheet: ExcelJS.Worksheet | null = null;
  for (const worksheet of workbook.worksheets) {
    if (worksheet.name === METADATA_SHEET) metadataSheet = worksheet;
    else if (worksheet.name === SHEET_INFO_SHEET) infoSheet = worksheet;
    else model.sheets.push(sheetFromWorksheet(worksheet, model.sheets.length, model.timeZone));
  }
  if (model.sheets.length === 0) model.sheets.push(createSheetModel(0, 'Feuille 1'));
  model.nextSheetId = model.sheets.length;
  if (infoSheet) readSheetInfo(infoSheet, model);
  if (metadataSheet) model.developerMetadata = readMetadata(metadataSheet, model);
  return model;
}

function sheetFromWorksheet(worksheet: ExcelJS.Worksheet, sheetId: number, timeZone: string): SheetModel {
  const sheet = createSheetModel(sheetId, worksheet.name);
  let lastRow = 0;
  let lastColumn = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // merged-away cells repeat the master's value
      const model = cellFromExcel(cell, timeZone);
      if (!model) return;
      putCell(sheet, rowNumber, columnNumber, model);
      lastRow = Math.max(lastRow, rowNumber);
      lastColumn = Math.max(lastColumn, columnNumber);
    });
  });
  for (const [address, dv] of Object.entries(internals(worksheet).dataValidations.model)) {
    const at = decodeAddress(address);
    const validation = dv ? validationFromExcel(dv, worksheet.name) : null;
    if (!at || !validation) continue;
    updateAttributes(sheet, at.row, at.column, (a) => {
      a.validation = validation;
    });
    lastRow = Math.max(lastRow, at.row);
    lastColumn = Math.max(lastColumn, at.column);
  }
  sheet.maxRows = Math.max(DEFAULT_MAX_ROWS, worksheet.rowCount, lastRow);
  sheet.maxColumns = Math.max(DEFAULT_MAX_COLUMNS, worksheet.columnCount, lastColumn);
  const view = worksheet.views?.[0];
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  (worksheet.columns ?? []).forEach((column, index) => {
    if (column?.width !== undefined) sheet.columnWidths[index + 1] = excelWidthToPx(column.width);
  });
  sheet.hidden = worksheet.state !== 'visible';
  sheet.tabColor = argbToHex(worksheet.properties.tabColor?.argb);
  for (const range of worksheet.model.merges as string[]) {
    const [start, end] = range.split(':').map(decodeAddress);
    if (start && end) {
      sheet.merges.push({ row: start.row, column: start.column, numRows: end.row - start.row + 1, numColumns: end.column - start.column + 1 });
    }
  }
  // Without our info sheet, Excel's own sheet protection is the only protection we can know of.
  if (internals(worksheet).sheetProtection?.sheet) {
    sheet.protections.push({ id: sheetId + 1, type: 'SHEET', area: null, description: '', warningOnly: false, editors: [], domainEdit: false });
  }
  return sheet;
}

function readSheetInfo(worksheet: ExcelJS.Worksheet, model: SpreadsheetModel): void {
  worksheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const sheet = model.sheets.find((s) => s.name === textOf(row.getCell(1).value));
    if (!sheet) return;
    const maxRows = Number(row.getCell(2).value);
    const maxColumns = Number(row.getCell(3).value);
    if (Number.isInteger(maxRows) && maxRows >= sheet.maxRows) sheet.maxRows = maxRows;
    if (Number.isInteger(maxColumns) && maxColumns >= sheet.maxColumns) sheet.maxColumns = maxColumns;
    const protections = textOf(row.getCell(4).value);
    if (protections !== '') sheet.protections = JSON.parse(protections) as ProtectionModel[];
  });
}

function readMetadata(worksheet: ExcelJS.Worksheet, model: SpreadsheetModel): DeveloperMetadataModel[] {
  const out: DeveloperMetadataModel[] = [];
  worksheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cell = (i: number) => textOf(row.getCell(i).value);
    const type = cell(2);
    let location: DeveloperMetadataLocationModel;
    if (type === 'SPREADSHEET') location = { type };
    else {
      const sheet = model.sheets.find((s) => s.name === cell(1));
      if (!sheet) return;
      if (type === 'SHEET') location = { type, sheetId: sheet.sheetId };
      else if (type === 'ROW' || type === 'COLUMN') {
        location = { type, sheetId: sheet.sheetId, start: Number(cell(3)), count: Number(cell(7) || '1') };
      } else return;
    }
    const visibility = cell(6) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    const value = row.getCell(5).value;
    out.push({ id: out.length + 1, key: cell(4), value: value === null ? null : textOf(value), visibility, location });
  });
  return out;
}

// ---- save --------------------------------------------------------------------------------

export async function saveXlsx(model: SpreadsheetModel, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of model.sheets) writeWorksheet(workbook, sheet, model.timeZone);
  writeSheetInfo(workbook, model);
  writeMetadata(workbook, model);
  await workbook.xlsx.writeFile(path);
}

function writeWorksheet(workbook: ExcelJS.Workbook, sheet: SheetModel, timeZone: string): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: `FF${sheet.tabColor.slice(1).toUpperCase()}` } } } : {}),
    views:
      sheet.frozenRows > 0 || sheet.frozenColumns > 0
        ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
  });
  for (let r = 1; r <= usedRowCount(sheet); r += 1) {
    cellRow(sheet, r).forEach((cell, c) => {
      if (cell) writeCellToExcel(worksheet.getCell(r, c + 1), cell, timeZone);
    });
  }
  for (const [column, px] of Object.entries(sheet.columnWidths)) worksheet.getColumn(Number(column)).width = pxToExcelWidth(px);
  for (const m of sheet.merges) worksheet.mergeCellsWithoutStyle(m.row, m.column, m.row + m.numRows - 1, m.column + m.numColumns - 1);
  const locked = sheet.protections.some((p) => p.type === 'SHEET' && !p.warningOnly);
  if (locked) internals(worksheet).sheetProtection = { sheet: true };
}

function writeSheetInfo(workbook: ExcelJS.Workbook, model: SpreadsheetModel): void {
  const worksheet = workbook.addWorksheet(SHEET_INFO_SHEET, { state: 'veryHidden' });
  worksheet.addRow(SHEET_INFO_HEADERS);
  for (const sheet of model.sheets) {
    worksheet.addRow([sheet.name, sheet.maxRows, sheet.maxColumns, sheet.protections.length > 0 ? JSON.stringify(sheet.protections) : '']);
  }
}

function writeMetadata(workbook: ExcelJS.Workbook, model: SpreadsheetModel): void {
  const worksheet = workbook.addWorksheet(METADATA_SHEET, { state: 'veryHidden' });
  worksheet.addRow(METADATA_HEADERS);
  for (const m of model.developerMetadata) {
    const location = m.location;
    const sheetName = location.type === 'SPREADSHEET' ? '' : (model.sheets.find((s) => s.sheetId === location.sheetId)?.name ?? null);
    if (sheetName === null) continue;
    const dimension = location.type === 'ROW' || location.type === 'COLUMN' ? location : null;
    worksheet.addRow([sheetName, location.type, dimension?.start ?? '', m.key, m.value, m.visibility, dimension?.count ?? '']);
  }
}
