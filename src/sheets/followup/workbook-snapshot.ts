import type { SheetCalendar } from '../spreadsheet-calendar';
import { type HeaderMap, mapHeaders } from '../../domain/header-map';
import { findSheetName, type RawTables, readWorkbook } from '../../domain/read-workbook';
import type { WorkbookData } from '../../domain/records';
import { SHEET, type SheetName, sheetSpec, WORKBOOK_SCHEMA } from '../../domain/workbook-schema';
import { readTable } from '../table-io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The workbook read once (one getValues per sheet), with the sheets kept to write back. */
export interface WorkbookSnapshot {
  sheets: Sheet[];
  tables: RawTables;
  data: WorkbookData;
  sheetOf(name: SheetName): Sheet | null;
  /** Header map of a source sheet as read (null when absent). */
  mapOf(name: SheetName): HeaderMap | null;
}

/** Reads every source sheet; throws WorkbookFormatError (French) for a missing sheet or column. */
export function readSnapshot(ss: Spreadsheet, calendar: SheetCalendar): WorkbookSnapshot {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const sheetOf = (name: SheetName): Sheet | null => {
    const found = findSheetName(names, name);
    return found === null ? null : (sheets[names.indexOf(found)] ?? null);
  };
  const tables: RawTables = {};
  for (const spec of WORKBOOK_SCHEMA) {
    if (spec.name === SHEET.journal) continue;
    const sheet = sheetOf(spec.name);
    if (sheet) tables[spec.name] = readTable(sheet);
  }
  const data = readWorkbook(tables, calendar);
  const mapOf = (name: SheetName): HeaderMap | null => {
    const table = tables[name];
    return table ? mapHeaders(sheetSpec(name), table[0] ?? []) : null;
  };
  return { sheets, tables, data, sheetOf, mapOf };
}
