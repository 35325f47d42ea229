/**
 * Data validations between the model (one rule per cell, as Sheets keeps them) and .xlsx, in a
 * form Excel and LibreOffice read right:
 * - each rule is written once, over the rectangle of cells that share it. ExcelJS's own merge
 *   (dataValidations' optimiseDataValidations) sorts addresses as text, so `C10` comes before
 *   `C2` and one column's rule is written twice, over overlapping ranges; we give it ranges
 *   ourselves;
 * - a whole-column rule (from the first data row down to row 1000 or further, as setup sets it)
 *   runs down to the last row of the grid: rows added below keep it, as Sheets' insertRowsAfter
 *   does (it would otherwise stop where the grid ended when the rule was set, row 1000);
 * - a dropdown whose items hold a comma or a quote, or run over Excel's 255 characters, cannot be
 *   an inline list (`"3 (CAP, BEP)"` splits in two items): its items go to a column of the
 *   veryHidden sheet `_parcours_lists` and the rule references that range. Reading the file
 *   back turns the reference into the inline list again.
 */
import type ExcelJS from 'exceljs';
import { columnLetters, formatA1 } from './a1-notation';
import { type DataValidationModel, DEFAULT_MAX_ROWS, type SheetModel } from './spreadsheet-model';
import { validationToExcel } from './xlsx-cells';

export const INLINE_LISTS_SHEET = '_parcours_lists';
const EXCEL_INLINE_LIST_MAX = 255;

interface DataValidationsInternals {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** The lists written to `_parcours_lists`, one column each, shared by every sheet of a workbook. */
export class InlineLists {
  private readonly columns = new Map<string, string>();
  private readonly table: string[][] = [];

  /** `'_parcours_lists'!$B$1:$B$4`, the column that will hold `values`. */
  rangeFor(values: readonly string[]): string {
    const key = JSON.stringify(values);
    const known = this.columns.get(key);
    if (known) return known;
    const column = this.columns.size + 1;
    values.forEach((value, i) => {
      const row = this.table[i] ?? [];
      row[column - 1] = value;
      this.table[i] = row;
    });
    const letters = columnLetters(column);
    const range = `'${INLINE_LISTS_SHEET}'!$${letters}$1:$${letters}$${Math.max(1, values.length)}`;
    this.columns.set(key, range);
    return range;
  }

  /** The sheet's rows, to write once every sheet's rules are known. */
  rows(): string[][] {
    return this.table.map((row) => Array.from(row, (v) => v ?? ''));
  }
}

/** An inline list Excel would split or refuse. */
export function needsListRange(values: readonly string[]): boolean {
  return values.some((v) => v.includes(',') || v.includes('"')) || values.join(',').length + 2 > EXCEL_INLINE_LIST_MAX;
}

interface Run {
  key: string;
  validation: DataValidationModel;
  top: number;
  bottom: number;
}

/** Runs of identical rules, top to bottom, in one column. */
function columnRuns(sheet: SheetModel, column: number, keyOf: (v: DataValidationModel) => string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let row = 1; row <= sheet.attributes.length; row++) {
    const validation = sheet.attributes[row - 1]?.[column - 1]?.validation;
    const key = validation ? keyOf(validation) : null;
    if (current && key === current.key && row === current.bottom + 1) current.bottom = row;
    else if (validation && key) {
      current = { key, validation, top: row, bottom: row };
      runs.push(current);
    } else current = null;
  }
  return runs;
}

/** Writes every rule of `sheet` once per rectangle of cells sharing it. */
export function writeValidations(worksheet: ExcelJS.Worksheet, sheet: SheetModel, lists: InlineLists): void {
  const keys = new Map<DataValidationModel, string>();
  const keyOf = (v: DataValidationModel): string => {
    let key = keys.get(v);
    if (key === undefined) {
      key = JSON.stringify(v);
      keys.set(v, key);
    }
    return key;
  };
  const width = sheet.attributes.reduce((max, line) => Math.max(max, line?.length ?? 0), 0);
  const firstDataRow = sheet.frozenRows > 0 ? sheet.frozenRows + 1 : 2;
  // Column by column; a column whose runs equal the previous column's widens its rectangles.
  const rectangles: { run: Run; left: number; right: number }[] = [];
  let previous: { runs: Run[]; rectangles: typeof rectangles } | null = null;
  for (let column = 1; column <= width; column++) {
    const runs = columnRuns(sheet, column, keyOf);
    const last = runs[runs.length - 1];
    // A whole-column rule (set on a grid of at least 1000 rows) reaches the rows added since.
    if (last && last.top === firstDataRow && last.bottom >= DEFAULT_MAX_ROWS && last.bottom < sheet.maxRows) last.bottom = sheet.maxRows;
    const same =
      previous !== null &&
      previous.runs.length === runs.length &&
      runs.every((r, i) => r.key === previous!.runs[i]!.key && r.top === previous!.runs[i]!.top && r.bottom === previous!.runs[i]!.bottom);
    if (same) {
      for (const rectangle of previous!.rectangles) rectangle.right = column;
      continue;
    }
    const added = runs.map((run) => ({ run, left: column, right: column }));
    rectangles.push(...added);
    previous = { runs, rectangles: added };
  }
  const target = worksheet as unknown as DataValidationsInternals;
  for (const { run, left, right } of rectangles) {
    const address = formatA1(run.top, left, run.bottom - run.top + 1, right - left + 1);
    target.dataValidations.add(address, excelValidation(run.validation, lists));
  }
}

function excelValidation(validation: DataValidationModel, lists: InlineLists): ExcelJS.DataValidation {
  const rule = validation.rule;
  if (rule.criteria === 'VALUE_IN_LIST' && needsListRange(rule.values)) {
    return { ...validationToExcel(validation), formulae: [lists.rangeFor(rule.values)] };
  }
  return validationToExcel(validation);
}

/** Reading back: `_parcours_lists`' columns (its rows as read) by the reference a rule uses, to restore inline lists. */
export function inlineListsFromRows(rows: readonly (readonly unknown[])[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  for (let c = 0; c < width; c++) {
    const values: string[] = [];
    for (const row of rows) {
      const value = row[c];
      if (value === undefined || value === null || value === '') break;
      values.push(String(value));
    }
    const letters = columnLetters(c + 1);
    lists.set(`'${INLINE_LISTS_SHEET}'!${letters}1:${letters}${values.length}`, values);
  }
  return lists;
}
