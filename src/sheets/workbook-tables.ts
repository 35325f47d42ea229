import { type RawTables, readWorkbook } from '../domain/read-workbook';
import type { WorkbookData } from '../domain/records';
import { SHEET, WORKBOOK_SCHEMA } from '../domain/workbook-schema';
import { sheetFinder } from './sheet-lookup';
import { readTable } from './table-io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every source sheet read with one getValues each (the Journal is never needed for reading). */
export function readRawTables(ss: Spreadsheet): RawTables {
  const find = sheetFinder(ss);
  const tables: RawTables = {};
  for (const spec of WORKBOOK_SCHEMA) {
    if (spec.name === SHEET.journal) continue;
    const sheet = find(spec.name);
    if (sheet) tables[spec.name] = readTable(sheet);
  }
  return tables;
}

/** The whole workbook, typed, with its data issues. Throws WorkbookFormatError for a missing sheet or header. */
export function loadWorkbookData(ss: Spreadsheet, today: string): WorkbookData {
  return readWorkbook(readRawTables(ss), { today });
}
