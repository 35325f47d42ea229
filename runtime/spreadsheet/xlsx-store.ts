/**
 * Loads and saves a SpreadsheetModel as .xlsx (the format Google Sheets imports and exports).
 * What .xlsx cannot hold is kept in two `veryHidden` sheets that never appear in the model:
 * `_parcours_metadata` (developer metadata) and `_parcours_sheets` (grid size and protections
 * of each sheet). Charts are not saved.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { METADATA_SHEET, type ReadXlsxOptions, readXlsx, SHEET_INFO_SHEET } from '../xlsx/xlsx-reader';
import { cellRow, usedRowCount } from './sheet-grid';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model';
import { writeCellToExcel } from './xlsx-cells';

export { METADATA_SHEET, SHEET_INFO_SHEET };
const METADATA_HEADERS = ['Feuille', 'Type', 'Ligne ou colonne', 'Clé', 'Valeur', 'Visibilité', 'Nombre'];
const SHEET_INFO_HEADERS = ['Feuille', 'Lignes', 'Colonnes', 'Protections'];

/** Google's column width in px → Excel's width in characters of the default font. */
const pxToExcelWidth = (px: number): number => (px - 5) / 7;

/** Parts of ExcelJS's worksheet that its type declarations leave out. */
interface WorksheetInternals {
  sheetProtection: { sheet?: boolean } | null;
}

const internals = (worksheet: ExcelJS.Worksheet): WorksheetInternals => worksheet as unknown as WorksheetInternals;

// ---- load --------------------------------------------------------------------------------

export async function loadXlsx(path: string, options: ReadXlsxOptions = {}): Promise<SpreadsheetModel> {
  return readXlsx(await readFile(path), basename(path, extname(path)), options);
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
  if (sheet.print) {
    // paperSize 9 is A4; fitToWidth 1 with fitToHeight 0: one page wide, as many pages long as needed.
    worksheet.pageSetup = {
      ...worksheet.pageSetup,
      paperSize: 9,
      orientation: sheet.print.orientation,
      ...(sheet.print.onePageWide ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    };
  }
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
