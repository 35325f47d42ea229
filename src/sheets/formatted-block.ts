import { ensureGrid } from './table-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A generated sheet's content from A1: values and their formats, cell by cell. */
export interface FormattedBlock {
  values: unknown[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: string[][];
}

/**
 * Writes a generated sheet (summary, fiche) from A1 with a fixed number of calls. The values go
 * first, into cells with the automatic format (a new or cleared sheet), where a leading
 * apostrophe is always read as the text marker; the plain-text and date formats come after.
 */
export function writeFormattedBlock(sheet: Sheet, block: FormattedBlock, width: number): Range {
  const rows = block.values.length;
  ensureGrid(sheet, rows, width);
  const range = sheet.getRange(1, 1, rows, width);
  range.setValues(block.values);
  range.setNumberFormats(block.numberFormats);
  range.setFontWeights(block.fontWeights);
  range.setBackgrounds(block.backgrounds);
  return range;
}
