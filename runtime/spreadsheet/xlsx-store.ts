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
import { cellRow, forEachStoredRow, storedRowNumbers } from './sheet-grid';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model';
import { FormulaReader } from './workbook-formulas';
import { writeCellToExcel } from './xlsx-cells';
import { KeptTables, writeConditionalFormats } from './xlsx-kept-parts';
import { INLINE_LISTS_SHEET, InlineLists, writeValidations } from './xlsx-validations';

export { METADATA_SHEET, SHEET_INFO_SHEET };
const METADATA_HEADERS = ['Feuille', 'Type', 'Ligne ou colonne', 'Clé', 'Valeur', 'Visibilité', 'Nombre'];
const SHEET_INFO_HEADERS = ['Feuille', 'Lignes', 'Colonnes', 'Protections'];

/** Google's column width in px → Excel's width in characters of the default font. */
const pxToExcelWidth = (px: number): number => (px - 5) / 7;

/** Parts of ExcelJS's worksheet that its type declarations leave out. */
interface WorksheetInternals {
  sheetProtection: { sheet?: boolean } | null;
  /** The row number of the writer's first pending row, and the pending rows. */
  _rowZero: number;
  _rows: unknown[];
}

/**
 * The streaming writer's row `r`, without the gap before it: its pending rows are an array from
 * `_rowZero`, and committing shifts them out one by one, so a row a million rows below the last
 * one committed (a cell at XFD1048576) would cost a million shifts of a million-slot array. With
 * nothing pending, the array simply starts at `r`.
 */
function streamRow(worksheet: ExcelJS.Worksheet, r: number): ExcelJS.Row {
  const writer = internals(worksheet);
  if (writer._rows.length === 0 && r > writer._rowZero) writer._rowZero = r;
  return worksheet.getRow(r);
}

const internals = (worksheet: ExcelJS.Worksheet): WorksheetInternals => worksheet as unknown as WorksheetInternals;

// ---- load --------------------------------------------------------------------------------

export async function loadXlsx(path: string, options: ReadXlsxOptions = {}): Promise<SpreadsheetModel> {
  return readXlsx(await readFile(path), basename(path, extname(path)), options);
}

// ---- save --------------------------------------------------------------------------------

/**
 * Writes the model with ExcelJS's streaming writer: each row is handed to the zip stream and
 * dropped, so a sheet of a million rows never exists twice in memory (the model, and ExcelJS's
 * own model of it). What one cell turns into is xlsx-cells' writeCellToExcel; what a sheet
 * carries besides its cells (widths, frozen panes, merges, protection) is writeWorksheet's.
 */
/** What the command line decides about a file that Sheets' model does not hold. */
export interface XlsxSaveOptions {
  /** Sheets set to print on A4 portrait, one page wide (the funder summaries). */
  printOnePageWide?: (sheet: SheetModel) => boolean;
}

/** Google Sheets' default column width (px): what a column with no width of its own shows. */
const DEFAULT_COLUMN_WIDTH_PX = 100;

export async function saveXlsx(model: SpreadsheetModel, path: string, options: XlsxSaveOptions = {}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Parcours';
  const lists = new InlineLists();
  // A formula entered here is saved with the value it computes now, as Sheets' own export does.
  const formulas = new FormulaReader(model, () => new Date());
  const tables = new KeptTables(workbook);
  for (const sheet of model.sheets) {
    await writeWorksheet(workbook, sheet, model.timeZone, { lists, tables, onePageWide: options.printOnePageWide?.(sheet) ?? false, formulas });
  }
  if (lists.rows().length > 0) writeHiddenSheet(workbook, INLINE_LISTS_SHEET, lists.rows());
  writeHiddenSheet(workbook, SHEET_INFO_SHEET, [SHEET_INFO_HEADERS, ...sheetInfoRows(model)]);
  writeHiddenSheet(workbook, METADATA_SHEET, [METADATA_HEADERS, ...metadataRows(model)]);
  await workbook.commit();
}

/**
 * One sheet alone in a new file, to send as it is (`report --bilan`): its cells, formats, merges
 * and widths, and nothing else — no other sheet, hidden or not, no developer metadata, no
 * validation or defined name pointing elsewhere.
 */
export async function saveSheetAloneXlsx(sheet: SheetModel, timeZone: string, path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Parcours';
  const alone = { ...sheet, hidden: false, protections: [], tables: [], conditionalFormats: [] };
  await writeWorksheet(workbook, alone, timeZone, { lists: null, tables: null, onePageWide: true, formulas: null });
  await workbook.commit();
}

type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** A date shown as `dd/mm/yyyy` needs about its format's length plus padding, in characters. */
function dateWidthChars(numberFormat: string | undefined): number {
  return (numberFormat ?? 'dd/mm/yyyy').replace(/[\\"[\]]/g, '').length + 2;
}

/**
 * Every used column gets a width (Google's 100 px when it has none, wider for a date-time):
 * without one Excel shows 8.43 characters and a date as ###.
 */
function columnWidthsChars(sheet: SheetModel): Map<number, number> {
  const widths = new Map<number, number>();
  let used = 0;
  forEachStoredRow(sheet.values, (row, r) => {
    used = Math.max(used, row.length);
    row.forEach((value, c) => {
      if (value instanceof Date) {
        const need = dateWidthChars(sheet.attributes[r]?.[c]?.numberFormat);
        widths.set(c + 1, Math.max(widths.get(c + 1) ?? 0, need));
      }
    });
  });
  for (let c = 1; c <= used; c += 1) {
    widths.set(c, Math.max(pxToExcelWidth(sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH_PX), widths.get(c) ?? 0));
  }
  for (const [column, px] of Object.entries(sheet.columnWidths)) {
    if (!widths.has(Number(column))) widths.set(Number(column), pxToExcelWidth(px));
  }
  return widths;
}

/**
 * Print settings, given when the sheet is created: the streaming writer writes `<sheetPr>`
 * (where Excel reads fitToPage) as it opens the sheet. A4 is paperSize 9; fitToWidth 1 with
 * fitToHeight 0 is one page wide, as many pages long as needed.
 */
function pageSetupOf(sheet: SheetModel, onePageWide: boolean): Partial<ExcelJS.PageSetup> | null {
  const print = onePageWide ? { orientation: 'portrait' as const, onePageWide: true } : sheet.print;
  if (!print) return null;
  return { paperSize: 9, orientation: print.orientation, ...(print.onePageWide ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}) };
}

async function writeWorksheet(
  workbook: StreamWorkbook,
  sheet: SheetModel,
  timeZone: string,
  how: { lists: InlineLists | null; tables: KeptTables | null; onePageWide: boolean; formulas: FormulaReader | null },
): Promise<void> {
  const pageSetup = pageSetupOf(sheet, how.onePageWide);
  const worksheet = workbook.addWorksheet(sheet.name, {
    ...(pageSetup ? { pageSetup } : {}),
    state: sheet.hidden ? 'hidden' : 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: `FF${sheet.tabColor.slice(1).toUpperCase()}` } } } : {}),
    views:
      sheet.frozenRows > 0 || sheet.frozenColumns > 0
        ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
  });
  // Widths go before the first row: the streaming writer writes <cols> ahead of the cells.
  for (const [column, width] of columnWidthsChars(sheet)) worksheet.getColumn(column).width = width;
  // Merges before the rows: the streaming writer marks the merged cells of rows not yet committed.
  for (const m of sheet.merges) worksheet.mergeCells(m.row, m.column, m.row + m.numRows - 1, m.column + m.numColumns - 1);
  if (how.lists) writeValidations(worksheet, sheet, how.lists);
  for (const r of storedRowNumbers(sheet)) {
    const row = streamRow(worksheet, r);
    cellRow(sheet, r).forEach((cell, c) => {
      // A cell holding only a validation is written with its range (xlsx-validations.ts).
      if (!cell || (cell.value === '' && !cell.formula && !cell.numberFormat && !cell.note && !cell.style)) return;
      if (cell.live && how.formulas) cell.value = how.formulas.cellValue(sheet, r, c + 1);
      writeCellToExcel(row.getCell(c + 1), cell, timeZone);
    });
    row.commit();
  }
  // Kept as the file had them (xlsx-kept-parts.ts): the rows are written, the rest goes at the end.
  if (sheet.conditionalFormats) await writeConditionalFormats(worksheet, sheet.conditionalFormats);
  how.tables?.write(worksheet, sheet);
  const locked = sheet.protections.some((p) => p.type === 'SHEET' && !p.warningOnly);
  if (locked) internals(worksheet).sheetProtection = { sheet: true };
  worksheet.commit();
}

/** One of Parcours' own `veryHidden` sheets, a plain table. */
function writeHiddenSheet(workbook: StreamWorkbook, name: string, rows: readonly (readonly unknown[])[]): void {
  const worksheet = workbook.addWorksheet(name, { state: 'veryHidden' });
  for (const row of rows) worksheet.addRow(row as unknown[]).commit();
  worksheet.commit();
}

function sheetInfoRows(model: SpreadsheetModel): unknown[][] {
  return model.sheets.map((sheet) => [
    sheet.name,
    sheet.maxRows,
    sheet.maxColumns,
    sheet.protections.length > 0 ? JSON.stringify(sheet.protections) : '',
  ]);
}

function metadataRows(model: SpreadsheetModel): unknown[][] {
  return model.developerMetadata.flatMap((m) => {
    const location = m.location;
    const sheetName = location.type === 'SPREADSHEET' ? '' : (model.sheets.find((s) => s.sheetId === location.sheetId)?.name ?? null);
    if (sheetName === null) return [];
    const dimension = location.type === 'ROW' || location.type === 'COLUMN' ? location : null;
    return [[sheetName, location.type, dimension?.start ?? '', m.key, m.value, m.visibility, dimension?.count ?? '']];
  });
}
