import { type RawTables, readWorkbook, type SkippableSheet } from '../domain/read-workbook';
import type { WorkbookData } from '../domain/records';
import { SHEET, WORKBOOK_SCHEMA } from '../domain/workbook-schema';
import { sheetFinder } from './sheet-lookup';
import type { SheetCalendar } from './spreadsheet-calendar';
import { readTable } from './table-io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Every source sheet read with one getValues each (the Journal is never needed for reading),
 * except the `skip`ped ones.
 */
export function readRawTables(ss: Spreadsheet, skip: readonly SkippableSheet[] = []): RawTables {
  const find = sheetFinder(ss);
  const tables: RawTables = {};
  for (const spec of WORKBOOK_SCHEMA) {
    if (spec.name === SHEET.journal || (skip as readonly string[]).includes(spec.name)) continue;
    const sheet = find(spec.name);
    if (sheet) tables[spec.name] = readTable(sheet);
  }
  return tables;
}

/**
 * The whole workbook, typed, with its data issues, for what only reads it (checks, summaries):
 * headers found below a title are read there and reported. Throws WorkbookFormatError for a
 * missing sheet or header.
 */
export function loadWorkbookData(ss: Spreadsheet, calendar: SheetCalendar): WorkbookData {
  return readWorkbook(readRawTables(ss), { ...calendar, headersBelowTitle: 'read' });
}
