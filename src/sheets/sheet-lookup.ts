import { findSheetName } from '../domain/read-workbook';
import type { SheetName } from '../domain/workbook-schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Finds sheets by name, ignoring case, accents and punctuation (`Presences` = `Présences`). */
export type SheetFinder = (wanted: SheetName) => Sheet | null;

/** Lists the sheets and their names once, then answers every lookup from that list. */
export function sheetFinder(ss: Spreadsheet, sheets: Sheet[] = ss.getSheets()): SheetFinder {
  const names = sheets.map((sheet) => sheet.getName());
  return (wanted) => {
    const name = findSheetName(names, wanted);
    return name === null ? null : (sheets[names.indexOf(name)] ?? null);
  };
}

export function findSheet(ss: Spreadsheet, wanted: SheetName, sheets?: Sheet[]): Sheet | null {
  return sheetFinder(ss, sheets)(wanted);
}
