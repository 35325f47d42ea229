/**
 * Formula cells read back computed, as in Sheets: a formula entered in this runtime (by a script's
 * setFormula/setValues or a person typing) is evaluated at read time, so its value follows later
 * writes. A formula read from an .xlsx keeps the value that file cached (another program computed
 * it, with functions the runtime may not have); Sheets would recompute it.
 *
 * A read creates one FormulaReader: each formula is computed once per read, a formula that reaches
 * itself is #REF! (Sheets: « Circular dependency detected »), and a sheet where no formula was
 * ever entered is read as stored, with no evaluation at all.
 */
import { type ErrorCode, evaluateFormula, FormulaError, type FormulaWorkbook, REF, type Scalar } from './formula-evaluator';
import { formulaFunctions } from './formula-functions';
import { type AreaReference, formulaLocaleOf } from './formula-syntax';
import { attributesAt, usedRowCount, valueAt } from './sheet-grid';
import { type CellValue, DEFAULT_LOCALE, type SheetModel, type SpreadsheetModel } from './spreadsheet-model';

const ERROR_CODES = new Set<string>(['#DIV/0!', '#NAME?', '#REF!', '#VALUE!', '#N/A', '#NUM!', '#ERROR!', '#NULL!']);

/** A formula of this sheet may need computing: one was entered here since the sheet was created or loaded. */
export function mayHoldLiveFormulas(sheet: SheetModel): boolean {
  return sheet.liveFormulas === true;
}

const IN_PROGRESS = Symbol('in progress');

export class FormulaReader {
  private readonly computed = new Map<SheetModel, Map<number, Scalar | typeof IN_PROGRESS>>();
  /** What a formula of each sheet sees (its own sheet is the one of unqualified references). */
  private readonly workbooks = new Map<SheetModel, FormulaWorkbook>();
  private readonly locale;
  private readonly functions;

  constructor(
    private readonly model: SpreadsheetModel,
    private readonly now: () => Date,
  ) {
    this.locale = formulaLocaleOf(model.locale ?? DEFAULT_LOCALE);
    this.functions = formulaFunctions(this.locale.french);
  }

  /** What getValues gives for the cell: the stored value, or the formula's value when it is computed here. */
  cellValue(sheet: SheetModel, row: number, column: number): CellValue {
    const attributes = attributesAt(sheet, row, column);
    if (attributes?.formula === undefined || attributes.live !== true) return valueAt(sheet, row, column);
    const value = this.formulaValue(sheet, row, column, attributes.formula);
    if (value === null) return '';
    if (value instanceof FormulaError) return value.code;
    return value;
  }

  private formulaValue(sheet: SheetModel, row: number, column: number, formula: string): Scalar {
    let cells = this.computed.get(sheet);
    if (!cells) {
      cells = new Map();
      this.computed.set(sheet, cells);
    }
    // Rows and columns of a sheet stay under 10 million cells: row × 20,000 + column is unique.
    const key = row * 20_000 + column;
    const known = cells.get(key);
    if (known === IN_PROGRESS) return REF;
    if (known !== undefined) return known;
    cells.set(key, IN_PROGRESS);
    const value = evaluateFormula(formula, this.workbookFrom(sheet), this.functions);
    cells.set(key, value);
    return value;
  }

  /** The cell as a formula sees it: empty is null, an error value read from a file is an error. */
  private scalarAt(sheet: SheetModel, row: number, column: number): Scalar {
    const attributes = attributesAt(sheet, row, column);
    if (attributes?.formula !== undefined && attributes.live === true) return this.formulaValue(sheet, row, column, attributes.formula);
    const value = valueAt(sheet, row, column);
    if (value === '') return null;
    const error = attributes?.formula !== undefined || attributes?.errorValue === true;
    if (typeof value === 'string' && error && ERROR_CODES.has(value)) return new FormulaError(value as ErrorCode);
    return value;
  }

  private workbookFrom(sheet: SheetModel): FormulaWorkbook {
    let workbook = this.workbooks.get(sheet);
    if (!workbook) {
      workbook = { locale: this.locale, timeZone: this.model.timeZone, now: this.now, read: (ref) => this.read(ref, sheet) };
      this.workbooks.set(sheet, workbook);
    }
    return workbook;
  }

  private read(ref: AreaReference, from: SheetModel): Scalar[][] | FormulaError {
    const sheet = ref.sheet === null ? from : findSheet(this.model, ref.sheet);
    if (!sheet) return REF;
    const startRow = ref.startRow ?? 1;
    const startColumn = ref.startColumn ?? 1;
    // An open end stops at the grid's edge; rows below the last stored one are empty, so not read.
    const endRow = ref.endRow ?? Math.max(startRow, Math.min(sheet.maxRows, usedRowCount(sheet)));
    const endColumn = ref.endColumn ?? sheet.maxColumns;
    if (endRow > sheet.maxRows || endColumn > sheet.maxColumns) return REF;
    const rows: Scalar[][] = [];
    for (let r = startRow; r <= endRow; r += 1) {
      const line: Scalar[] = [];
      for (let c = startColumn; c <= endColumn; c += 1) line.push(this.scalarAt(sheet, r, c));
      rows.push(line);
    }
    return rows;
  }
}

/** Sheet names in formulas ignore case, as in Sheets. */
function findSheet(model: SpreadsheetModel, name: string): SheetModel | undefined {
  return model.sheets.find((s) => s.name === name) ?? model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
