/**
 * The stored state of one simulated Google spreadsheet: plain data only (no behaviour, no call
 * counting), so the .xlsx store can read and write it and tests can inspect it directly.
 */

/** '' is an empty cell. Dates are instants (what Sheets hands to Apps Script). */
export type CellValue = string | number | boolean | Date;

export type DataValidationRule =
  | { criteria: 'VALUE_IN_LIST'; values: string[]; showDropdown: boolean }
  /** `rangeA1` is sheet-qualified, e.g. `'Listes'!A2:A1000`. */
  | { criteria: 'VALUE_IN_RANGE'; rangeA1: string; showDropdown: boolean }
  | { criteria: 'DATE_IS_VALID_DATE' }
  | { criteria: 'NUMBER_BETWEEN'; min: number; max: number }
  | { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO'; min: number }
  | { criteria: 'CHECKBOX' };

export interface DataValidationModel {
  rule: DataValidationRule;
  /** Google's default is true: invalid input only gets a warning. */
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellStyleModel {
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  fontSize?: number;
  background?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
  border?: string;
}

/** What a cell may hold besides its value; most cells hold none of it. */
export interface CellAttributes {
  /** `=…` when the cell holds a formula; the value is then the cached result ('' when never computed). */
  formula?: string;
  /**
   * The formula was entered here (a script or a person, in this runtime): its value is computed at
   * each read (workbook-formulas.ts). Without it, the value is the one an .xlsx file cached.
   */
  live?: true;
  numberFormat?: string;
  note?: string;
  validation?: DataValidationModel;
  style?: CellStyleModel;
  /** A link on the cell (a URL, or `#Sheet!A1` inside the workbook), as an .xlsx holds it. */
  hyperlink?: string;
  /**
   * The value (`#DIV/0!`, `#N/A`…) is an error an .xlsx holds as one (`t="e"`), not a text that
   * looks like it: written back as an error. Any later write of a value removes it.
   */
  errorValue?: true;
}

/** One cell as a single object: the .xlsx store's unit and what tests inspect (see sheet-grid's cellAt). */
export interface CellModel extends CellAttributes {
  value: CellValue;
}

export type ProtectionTypeName = 'SHEET' | 'RANGE';

export interface ProtectionModel {
  id: number;
  type: ProtectionTypeName;
  /** For RANGE protections: the protected cells (1-based). */
  area: GridArea | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ChartModel {
  id: number;
  chartType: string;
  /** Sheet-qualified A1 ranges. */
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetModel {
  sheetId: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /**
   * The cells, stored in two parts so that a sheet of 100,000 rows is not millions of objects
   * (every major garbage collection would mark them all):
   * - `values[row - 1][column - 1]`: one dense array of plain values (strings, numbers, booleans,
   *   Dates) per row. A missing row or a hole reads as '' (an empty cell).
   * - `attributes[row - 1][column - 1]`: the formula, number format, note, validation and style,
   *   in arrays as sparse as the values' (a missing row or a hole: none). An attributes object is
   *   never left empty, so a plain cell costs one array slot and nothing more.
   * Both follow inserted and deleted rows and columns together. Read and write them through
   * sheet-grid (valueAt, attributesAt, setValueAt, updateAttributes, cellAt, putCell).
   */
  values: CellValue[][];
  attributes: (CellAttributes | undefined)[][];
  frozenRows: number;
  frozenColumns: number;
  /** Pixel widths of the columns whose width was set (1-based column → px). */
  columnWidths: Record<number, number>;
  hidden: boolean;
  tabColor: string | null;
  merges: GridArea[];
  protections: ProtectionModel[];
  /** Kept in memory only: an .xlsx file cannot hold Google charts. */
  charts: ChartModel[];
  /**
   * Print setup for the .xlsx only: Apps Script has no page-setup API (in Sheets a person picks it
   * in Fichier › Imprimer), so the command line sets it on the sheets it prints (the fiche).
   */
  print?: { paper: 'A4'; orientation: 'portrait'; onePageWide: boolean };
  /** A formula was entered in this sheet here: reads look for cells to compute (none otherwise). */
  liveFormulas?: true;
  /**
   * Excel tables and conditional formats of an .xlsx file, kept to be written back as read: the
   * runtime's SpreadsheetApp neither shows nor changes them (Apps Script has no table API).
   */
  tables?: XlsxTableModel[];
  conditionalFormats?: XlsxConditionalFormatModel[];
}

/** An Excel table (`xl/tables/tableN.xml`): where it is and how it looks. */
export interface XlsxTableModel {
  name: string;
  displayName: string;
  /** `A1:F6`, header row included. */
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
  autoFilter: boolean;
  /** The column names, left to right; the header cells' text when written back (Excel requires them equal). */
  columns: string[];
  /** `<tableStyleInfo>`'s attributes (name, showRowStripes…), null when the table has none. */
  style: Record<string, string> | null;
}

/**
 * One `<conditionalFormatting>` element as the file holds it (namespace prefix removed), and the
 * differential formats (`<dxf>` of styles.xml) its rules name by `dxfId`, by that id.
 */
export interface XlsxConditionalFormatModel {
  xml: string;
  differentialFormats: Record<string, string>;
}

export type DeveloperMetadataVisibilityName = 'DOCUMENT' | 'PROJECT';

export type DeveloperMetadataLocationModel =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  /** Whole rows (or columns) `start`..`start + count - 1` of a sheet. */
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; count: number };

export interface DeveloperMetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: DeveloperMetadataVisibilityName;
  location: DeveloperMetadataLocationModel;
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  /** Fichier › Paramètres › Paramètres régionaux; absent: DEFAULT_LOCALE. */
  locale?: string;
  sheets: SheetModel[];
  developerMetadata: DeveloperMetadataModel[];
  nextSheetId: number;
  activeSheetName: string | null;
}

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_SHEET_NAME = 'Feuille 1';
/** The zone of a new spreadsheet here, and of an .xlsx read without `--timezone`. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** The locale of the spreadsheets Parcours is made for; a model may set another (`locale`). */
export const DEFAULT_LOCALE = 'fr_FR';

export function createSheetModel(sheetId: number, name: string): SheetModel {
  return {
    sheetId,
    name,
    maxRows: DEFAULT_MAX_ROWS,
    maxColumns: DEFAULT_MAX_COLUMNS,
    values: [],
    attributes: [],
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: {},
    hidden: false,
    tabColor: null,
    merges: [],
    protections: [],
    charts: [],
  };
}

let spreadsheetCounter = 0;

function newSpreadsheetId(): string {
  spreadsheetCounter += 1;
  const random = Math.random().toString(36).slice(2, 12);
  return `local-${Date.now().toString(36)}-${spreadsheetCounter}-${random}`;
}

/** A new spreadsheet as Google creates it: one empty 1000×26 sheet named 'Feuille 1'. */
export function createSpreadsheetModel(name = 'Feuille de calcul sans titre', timeZone = DEFAULT_TIME_ZONE): SpreadsheetModel {
  return {
    id: newSpreadsheetId(),
    name,
    timeZone,
    sheets: [createSheetModel(0, DEFAULT_SHEET_NAME)],
    developerMetadata: [],
    nextSheetId: 1,
    activeSheetName: null,
  };
}

/** Largest id in use + 1, for metadata, protections and charts (ids are not stored as counters). */
export function nextIdAmong(ids: Iterable<number>): number {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  return max + 1;
}
