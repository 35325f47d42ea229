type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Developer metadata marking a sheet Parcours generated (its value says which kind: `bilan`,
 * a check sheet, the deadlines). Generated sheets are recognised by this mark only, never by
 * their name, so a person's sheet with the same name is never replaced.
 */
export const GENERATED_SHEET_KEY = 'parcours.generated';

export function markGenerated(sheet: Sheet, kind: string): void {
  sheet.addDeveloperMetadata(GENERATED_SHEET_KEY, kind);
}

export function isGeneratedSheet(sheet: Sheet, kind: string): boolean {
  return sheet.createDeveloperMetadataFinder().withKey(GENERATED_SHEET_KEY).withValue(kind).find().length > 0;
}
