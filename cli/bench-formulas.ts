/**
 * `npm run bench`, formulas: what reading back formula cells costs in the local runtime, which
 * computes them at each read (runtime/spreadsheet/workbook-formulas.ts), against the same sheet
 * holding plain values. Figures only: Parcours itself writes few formulas (its links).
 */
import { performance } from 'node:perf_hooks';
import { createSpreadsheetModel } from '../runtime/spreadsheet/spreadsheet-model';
import type { ReportCliContext } from './report';

export const FORMULA_ROWS = 10_000;
const REPEATS = 5;

export interface FormulaReadFigures {
  formulas: number;
  /** Median of getValues over the rows' value, `=A*2` and `=SUM(A$1:A…)` columns. */
  computedMs: number;
  /** Median of getValues over the same values written as numbers. */
  plainMs: number;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export function formulaReadRun(ctx: ReportCliContext): FormulaReadFigures {
  const model = createSpreadsheetModel('Parcours — formules', ctx.timeZone());
  const app = ctx.openBundle(model).runtime.globals['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const withFormulas = ss.getSheets()[0]!;
  const plain = ss.insertSheet('Valeurs');
  for (const sheet of [withFormulas, plain]) sheet.insertRowsAfter(sheet.getMaxRows(), FORMULA_ROWS - sheet.getMaxRows());
  withFormulas
    .getRange(1, 1, FORMULA_ROWS, 3)
    .setValues(Array.from({ length: FORMULA_ROWS }, (_, i) => [i, `=A${i + 1}*2`, `=SUM(A$1:A${(i % 50) + 1})`]));
  plain.getRange(1, 1, FORMULA_ROWS, 3).setValues(Array.from({ length: FORMULA_ROWS }, (_, i) => [i, i * 2, ((i % 50) * ((i % 50) + 1)) / 2]));
  const timed = (sheet: GoogleAppsScript.Spreadsheet.Sheet): number => {
    const times: number[] = [];
    for (let run = 0; run < REPEATS; run += 1) {
      const start = performance.now();
      sheet.getRange(1, 1, FORMULA_ROWS, 3).getValues();
      times.push(performance.now() - start);
    }
    return median(times);
  };
  return { formulas: FORMULA_ROWS * 2, computedMs: timed(withFormulas), plainMs: timed(plain) };
}
