/**
 * An .xlsx file read into a SpreadsheetModel without a library model of it: the package's parts
 * found through their relationships (absolute targets included), shared strings, cell formats,
 * then each worksheet scanned once. What Parcours keeps in its own hidden sheets (`_parcours_…`)
 * is applied to the sheets it describes.
 */
import {
  createSheetModel,
  createSpreadsheetModel,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
  type CellValue,
  type DeveloperMetadataLocationModel,
  type DeveloperMetadataModel,
  type ProtectionModel,
  type SheetModel,
  type SpreadsheetModel,
} from '../spreadsheet/spreadsheet-model';
import { updateAttributes } from '../spreadsheet/sheet-grid';
import { validationFromExcel } from '../spreadsheet/xlsx-cells';
import { INLINE_LISTS_SHEET, inlineListsFromRows } from '../spreadsheet/xlsx-validations';
import type ExcelJS from 'exceljs';
import { instantOfUtcFields, instantOfWallClock } from '../spreadsheet/zoned-time';
import { cellAddress, readComments, readSheetData, readSheetLayout, type SheetReadContext } from './sheet-xml';
import { XlsxFormatError, XlsxPackage } from './xlsx-package';
import { readConditionalFormats, readDifferentialFormats, readTablePart } from './tables-and-formats';
import { readCellFormats } from './xlsx-styles';
import { elementPrefix, elements, firstElement, runText } from './xml-text';

export const METADATA_SHEET = '_parcours_metadata';
export const SHEET_INFO_SHEET = '_parcours_sheets';

export const excelWidthToPx = (width: number): number => Math.round(width * 7 + 5);

const DAY_MS = 86_400_000;
/** 1970-01-01 as a serial of the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/** Serial → instant, each whole day computed once (a sheet of 100,000 rows has a few hundred days). */
function dateReader(timeZone: string, date1904: boolean): (serial: number) => Date {
  const days = new Map<number, number>();
  const shift = date1904 ? 1462 : 0;
  return (serial) => {
    const s = serial + shift;
    if (Number.isInteger(s)) {
      let ms = days.get(s);
      if (ms === undefined) {
        const wall = new Date((s - UNIX_EPOCH_SERIAL) * DAY_MS);
        ms = instantOfWallClock(
          { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 },
          timeZone,
        ).getTime();
        days.set(s, ms);
      }
      return new Date(ms);
    }
    return instantOfUtcFields(new Date(Math.round((s - UNIX_EPOCH_SERIAL) * DAY_MS)), timeZone);
  };
}

function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const p = elementPrefix(xml, 'sst');
  const out: string[] = [];
  for (const si of elements(xml, `${p}si`)) out.push(runText(si.inner, p));
  return out;
}

export interface ReadXlsxOptions {
  /** The spreadsheet's zone: date cells are wall-clock times in it (default Europe/Paris). */
  timeZone?: string;
}

export function readXlsx(bytes: Buffer, name: string, options: ReadXlsxOptions = {}): SpreadsheetModel {
  const pkg = new XlsxPackage(bytes);
  const workbookPart = pkg.related('', 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === null) throw new XlsxFormatError('ce fichier n’est pas un classeur .xlsx (aucun classeur dans l’archive)');
  const model = createSpreadsheetModel(name);
  if (options.timeZone) model.timeZone = options.timeZone;
  model.sheets = [];
  const wp = elementPrefix(workbookXml, 'workbook');
  const date1904Flag = firstElement(workbookXml, `${wp}workbookPr`)?.attributes.date1904;
  const date1904 = date1904Flag === '1' || date1904Flag === 'true';
  const rels = pkg.relationships(workbookPart);
  const stylesXml = pkg.text(rels.find((r) => r.type.endsWith('/styles'))?.target ?? 'xl/styles.xml');
  const differentialFormats = readDifferentialFormats(stylesXml);
  const ctx: SheetReadContext = {
    sharedStrings: readSharedStrings(pkg.text(rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml')),
    formats: readCellFormats(stylesXml),
    dateOf: dateReader(model.timeZone, date1904),
  };
  const entries = [...elements(firstElement(workbookXml, `${wp}sheets`)?.inner ?? '', `${wp}sheet`)].flatMap((entry) => {
    const part = rels.find((r) => r.id === entry.attributes.id && r.type.endsWith('/worksheet'));
    // Chartsheets and dialog sheets hold no cells.
    return part ? [{ name: entry.attributes.name ?? '', state: entry.attributes.state, part: part.target }] : [];
  });
  // Parcours' own hidden sheets first: grid sizes decide how far validations reach.
  const hiddenRows = (name: string): CellValue[][] => {
    const entry = entries.find((e) => e.name === name);
    const xml = entry ? pkg.text(entry.part) : null;
    if (xml === null) return [];
    const sheet = createSheetModel(0, name);
    readSheetData(xml, sheet, ctx);
    return rowsOf(sheet);
  };
  const info = hiddenRows(SHEET_INFO_SHEET);
  const metadata = hiddenRows(METADATA_SHEET);
  const inlineLists = inlineListsFromRows(hiddenRows(INLINE_LISTS_SHEET));
  for (const entry of entries) {
    if (entry.name === SHEET_INFO_SHEET || entry.name === METADATA_SHEET || entry.name === INLINE_LISTS_SHEET) continue;
    const xml = pkg.text(entry.part);
    if (xml === null) continue;
    const sheetName = entry.name || `Feuille ${model.sheets.length + 1}`;
    const sheet = createSheetModel(model.sheets.length, sheetName);
    sheet.hidden = entry.state === 'hidden' || entry.state === 'veryHidden';
    const extent = readSheetData(xml, sheet, ctx);
    sheet.maxRows = Math.max(DEFAULT_MAX_ROWS, extent.lastRow);
    sheet.maxColumns = Math.max(DEFAULT_MAX_COLUMNS, extent.lastColumn);
    const infoRow = info.slice(1).find((row) => textOf(row[0]) === sheetName);
    if (infoRow) applyGridSize(infoRow, sheet);
    const sheetRels = pkg.relationships(entry.part);
    readSheetLayout(
      xml,
      sheet,
      extent,
      (id) => sheetRels.find((r) => r.id === id)?.target ?? null,
      excelWidthToPx,
      (dv) => validationFromExcel(dv as unknown as ExcelJS.DataValidation, sheetName, inlineLists),
    );
    const protections = infoRow ? textOf(infoRow[3]) : '';
    if (protections !== '') sheet.protections = JSON.parse(protections) as ProtectionModel[];
    const tables = sheetRels.flatMap((r) => {
      const part = r.type.endsWith('/table') ? pkg.text(r.target) : null;
      const table = part === null ? null : readTablePart(part);
      return table ? [table] : [];
    });
    if (tables.length > 0) sheet.tables = tables;
    const conditionalFormats = readConditionalFormats(xml.slice(extent.dataEnd), elementPrefix(xml, 'worksheet'), differentialFormats);
    if (conditionalFormats.length > 0) sheet.conditionalFormats = conditionalFormats;
    const comments = sheetRels.find((r) => r.type.endsWith('/comments'));
    const commentsXml = comments ? pkg.text(comments.target) : null;
    if (commentsXml !== null) applyNotes(sheet, readComments(commentsXml));
    clearMergedAway(sheet);
    model.sheets.push(sheet);
  }
  if (model.sheets.length === 0) model.sheets.push(createSheetModel(0, 'Feuille 1'));
  model.nextSheetId = model.sheets.length;
  model.developerMetadata = readMetadata(metadata, model);
  return model;
}

function applyNotes(sheet: SheetModel, notes: Map<string, string>): void {
  for (const [ref, note] of notes) {
    const at = cellAddress(ref);
    if (!at) continue;
    updateAttributes(sheet, at.row, at.column, (cell) => {
      cell.note = note;
    });
  }
}

/** Cells hidden under a merge repeat nothing: only the top-left cell of a merge keeps its content. */
function clearMergedAway(sheet: SheetModel): void {
  for (const m of sheet.merges) {
    for (let r = m.row; r < m.row + m.numRows; r += 1) {
      const values = sheet.values[r - 1];
      const attributes = sheet.attributes[r - 1];
      for (let c = m.column; c < m.column + m.numColumns; c += 1) {
        if (r === m.row && c === m.column) continue;
        if (values && values[c - 1] !== undefined) values[c - 1] = '';
        if (attributes?.[c - 1]) attributes[c - 1] = undefined;
      }
    }
  }
}

function rowsOf(sheet: SheetModel): CellValue[][] {
  return Array.from({ length: sheet.values.length }, (_, i) => sheet.values[i] ?? []);
}

function textOf(value: CellValue | undefined): string {
  if (value === undefined || value === '') return '';
  return value instanceof Date ? value.toISOString() : String(value);
}

/** The grid size Parcours noted for the sheet (a row of `_parcours_sheets`), never smaller than its cells. */
function applyGridSize(row: CellValue[], sheet: SheetModel): void {
  const maxRows = Number(row[1]);
  const maxColumns = Number(row[2]);
  if (Number.isInteger(maxRows) && maxRows >= sheet.maxRows) sheet.maxRows = maxRows;
  if (Number.isInteger(maxColumns) && maxColumns >= sheet.maxColumns) sheet.maxColumns = maxColumns;
}

function readMetadata(rows: CellValue[][], model: SpreadsheetModel): DeveloperMetadataModel[] {
  const out: DeveloperMetadataModel[] = [];
  for (const row of rows.slice(1)) {
    const cell = (i: number) => textOf(row[i - 1]);
    const type = cell(2);
    let location: DeveloperMetadataLocationModel;
    if (type === 'SPREADSHEET') location = { type };
    else {
      const sheet = model.sheets.find((s) => s.name === cell(1));
      if (!sheet) continue;
      if (type === 'SHEET') location = { type, sheetId: sheet.sheetId };
      else if (type === 'ROW' || type === 'COLUMN') {
        location = { type, sheetId: sheet.sheetId, start: Number(cell(3)), count: Number(cell(7) || '1') };
      } else continue;
    }
    const visibility = cell(6) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    const value = row[4];
    out.push({ id: out.length + 1, key: cell(4), value: value === undefined || value === '' ? null : textOf(value), visibility, location });
  }
  return out;
}
