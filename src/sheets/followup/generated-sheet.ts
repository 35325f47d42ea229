import { freeSheetName } from '../../followup/data-check-rows';
import { GENERATED_SHEET_KEY, markGenerated } from '../generated-sheet-marker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The sheet Parcours generated for `kind`, emptied, or a new one. A sheet is recognised by its
 * developer metadata only, never by its name: a person's sheet called `name` is left alone and the
 * new sheet gets another name.
 */
export function regeneratedSheet(ss: Spreadsheet, kind: string, name: string, sheets: Sheet[]): { sheet: Sheet; created: boolean } {
  const marked = ss.createDeveloperMetadataFinder().withKey(GENERATED_SHEET_KEY).withValue(kind).find();
  const existing = marked.map((m) => m.getLocation().getSheet()).find((s): s is Sheet => s !== null);
  if (existing) {
    existing.clearContents();
    return { sheet: existing, created: false };
  }
  const sheet = ss.insertSheet(freeSheetName(name, sheets.map((s) => s.getName())), ss.getNumSheets());
  markGenerated(sheet, kind);
  sheet.setFrozenRows(1);
  return { sheet, created: true };
}
