/**
 * Formulas written with `Range.setFormula` in a fr_FR spreadsheet and the value each reads back,
 * as the local runtime computes them (runtime/spreadsheet/formula-*.ts, whose sources are cited in
 * formula-syntax.ts). Shared by the runtime's own test (tests/runtime-spreadsheet/formulas.test.ts)
 * and by the « Diagnostic », which writes the same formulas in the real Sheet's scratch sheet.
 */
import { cellLink } from '../followup/data-check-rows';

export type FormulaExpectation =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** Midnight today in the spreadsheet's zone. */
  | { kind: 'today' }
  /** An error value (#DIV/0!, #NAME?, #ERROR!…) as getValue gives it. */
  | { kind: 'error'; code: string };

export interface FormulaCase {
  /** `{A}` stands for the scratch cell holding the number 21 (so `=A1*2` is written with its real address). */
  formula: string;
  expected: FormulaExpectation;
  /** What the case checks, for the report. */
  note: string;
}

/** The cell the formula cases read (in the scratch sheet), written as 21 before the formulas. */
export const FORMULA_INPUT_CELL = 'D1';
export const FORMULA_INPUT_VALUE = 21;

/** The link « Vérifier les données » writes (the sheet id does not change its value). */
export const PARCOURS_LINK_FORMULA = cellLink(0, 'A1');

export const PARCOURS_LINK_CASE: FormulaCase = {
  formula: PARCOURS_LINK_FORMULA,
  expected: { kind: 'text', value: 'Ouvrir' },
  note: 'the link Parcours writes: English name, « ; » between the arguments; the cell shows its label',
};

export const FORMULA_CASES: readonly FormulaCase[] = [
  PARCOURS_LINK_CASE,
  { formula: '={A}*2', expected: { kind: 'number', value: 42 }, note: 'a reference, computed' },
  { formula: '=SUM({A};1)', expected: { kind: 'number', value: 22 }, note: 'English name, « ; » separator' },
  { formula: '=SOMME({A};1)', expected: { kind: 'number', value: 22 }, note: 'French name in a French locale' },
  { formula: '=SUM(1,5;1)', expected: { kind: 'number', value: 2.5 }, note: 'the comma is the decimal mark in fr_FR' },
  { formula: '=HYPERLINK("#gid=0","Ouvrir")', expected: { kind: 'error', code: '#ERROR!' }, note: 'a comma between arguments does not parse in fr_FR' },
  { formula: '=IF({A}>20;"oui";"non")', expected: { kind: 'text', value: 'oui' }, note: 'comparison and IF' },
  { formula: '=IFERROR(1/0;"x")', expected: { kind: 'text', value: 'x' }, note: 'IFERROR catches #DIV/0!' },
  { formula: '=1/0', expected: { kind: 'error', code: '#DIV/0!' }, note: 'division by zero' },
  { formula: '=FONCTIONINCONNUE(1)', expected: { kind: 'error', code: '#NAME?' }, note: 'unknown function' },
  { formula: '=TODAY()', expected: { kind: 'today' }, note: 'today, midnight in the spreadsheet’s zone' },
];

/** The formula as written: `{A}` replaced by the input cell's address. */
export function formulaFor(c: FormulaCase, inputA1: string = FORMULA_INPUT_CELL): string {
  return c.formula.replace(/\{A\}/g, inputA1);
}
