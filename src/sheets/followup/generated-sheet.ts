import { freeSheetName } from '../../followup/data-check-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer metadata marking a sheet Parcours generated (its value says which one). */
export const GENERATED_KEY = 'parcours:generated';

/**
 * The sheet Parcours generated for `kind`, emptied, or a new one. A sheet is recognised by its
 * developer metadata only, never by its name: a person's sheet called `name` is left alone and the
 * new sheet gets another name.
 */
export function regeneratedSheet(ss: Spreadsheet, kind: string, name: string, sheets: Sheet[]): { sheet: Sheet; created: boolean } {
  const marked = ss.createDeveloperMetadataFinder().withKey(GENERATED_KEY).withValue(kind).find();
  const existing = marked.map((m) => m.getLocation().getSheet()).find((s): s is Sheet => s !== null);
  if (existing) {
    existing.clearContents();
    return { sheet: existing, created: false };
  }
  const sheet = ss.insertSheet(freeSheetName(name, sheets.map((s) => s.getName())), ss.getNumSheets());
  sheet.addDeveloperMetadata(GENERATED_KEY, kind);
  sheet.setFrozenRows(1);
  return { sheet, created: true };
}
