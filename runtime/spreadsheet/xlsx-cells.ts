/**
 * One cell from the model to ExcelJS for writing (dates as wall-clock time in the workbook's zone),
 * and data validations both ways. Reading cells is runtime/xlsx's own reader.
 */
import type ExcelJS from 'exceljs';
import { UNCOMPUTED_FORMULA_VALUE } from '../xlsx/sheet-xml';
import { splitSheetReference } from './a1-notation';
import type { CellModel, CellStyleModel, CellValue, DataValidationModel } from './spreadsheet-model';
import { utcFieldsOfInstant } from './zoned-time';

// ---- load --------------------------------------------------------------------------------

type ExcelPlain = string | number | boolean | Date | null | undefined;

/** ExcelJS's validation of one cell → ours; null for kinds the add-in never sets. */
export function validationFromExcel(
  dv: ExcelJS.DataValidation,
  sheetName: string,
  inlineLists: ReadonlyMap<string, string[]> = new Map(),
): DataValidationModel | null {
  const allowInvalid = !dv.showErrorMessage || dv.errorStyle === 'warning' || dv.errorStyle === 'information';
  const helpText = dv.prompt ?? null;
  const formulae = (dv.formulae ?? []) as unknown[];
  const first = formulae[0];
  switch (dv.type) {
    case 'list': {
      if (typeof first !== 'string') return null;
      if (first.startsWith('"')) {
        const values = splitExplicitList(first);
        if (values.length === 2 && values[0] === 'TRUE' && values[1] === 'FALSE') {
          return { rule: { criteria: 'CHECKBOX' }, allowInvalid, helpText };
        }
        return { rule: { criteria: 'VALUE_IN_LIST', values, showDropdown: true }, allowInvalid, helpText };
      }
      const reference = first.replace(/\$/g, '');
      const inline = inlineLists.get(reference);
      if (inline) return { rule: { criteria: 'VALUE_IN_LIST', values: inline, showDropdown: true }, allowInvalid, helpText };
      const { sheetName: named } = splitSheetReference(reference);
      const rangeA1 = named === null ? `'${sheetName.replace(/'/g, "''")}'!${reference}` : reference;
      return { rule: { criteria: 'VALUE_IN_RANGE', rangeA1, showDropdown: true }, allowInvalid, helpText };
    }
    case 'date':
      return { rule: { criteria: 'DATE_IS_VALID_DATE' }, allowInvalid, helpText };
    case 'decimal':
    case 'whole': {
      const min = Number(first);
      if (!Number.isFinite(min)) return null;
      if (dv.operator === 'between' || dv.operator === undefined) {
        const max = Number(formulae[1]);
        return Number.isFinite(max) ? { rule: { criteria: 'NUMBER_BETWEEN', min, max }, allowInvalid, helpText } : null;
      }
      if (dv.operator === 'greaterThanOrEqual') return { rule: { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', min }, allowInvalid, helpText };
      return null;
    }
    default:
      return null;
  }
}

/** `"a,b,""c"""` → ['a', 'b', '"c"'] (Excel's explicit list: comma separated inside one quoted string). */
function splitExplicitList(formula: string): string[] {
  const inner = formula.slice(1, formula.endsWith('"') ? -1 : undefined).replace(/""/g, '"');
  return inner.split(',');
}

// ---- save --------------------------------------------------------------------------------

export const DEFAULT_XLSX_DATE_FORMAT = 'dd/mm/yyyy';
export const DEFAULT_XLSX_DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

function excelValue(value: CellValue, timeZone: string): ExcelPlain {
  if (value === '') return null;
  if (value instanceof Date) return utcFieldsOfInstant(value, timeZone);
  return value;
}

/**
 * The error values an .xlsx may hold (ECMA-376 §18.18.31): what was read as one (`errorValue`), or
 * what a formula entered here computes, is written back as one when it is one of these; anything
 * else stays text.
 */
const XLSX_ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

function errorOf(cell: CellModel): ExcelJS.CellErrorValue | null {
  // A formula entered here and computed to an error is one too.
  const mayBeError = cell.errorValue === true || (cell.live === true && cell.formula !== undefined);
  if (!mayBeError || typeof cell.value !== 'string' || !XLSX_ERROR_VALUES.has(cell.value)) return null;
  return { error: cell.value as ExcelJS.CellErrorValue['error'] };
}

export function writeCellToExcel(target: ExcelJS.Cell, cell: CellModel, timeZone: string): void {
  const error = errorOf(cell);
  if (cell.formula) {
    // A formula read without its computed value is written back without one, as it came.
    const result = error ?? (cell.value === UNCOMPUTED_FORMULA_VALUE ? null : excelValue(cell.value, timeZone));
    target.value = result === null ? { formula: cell.formula.slice(1) } : ({ formula: cell.formula.slice(1), result } as ExcelJS.CellFormulaValue);
  } else if (error) {
    target.value = error;
  } else if (cell.hyperlink) {
    target.value = { text: String(excelValue(cell.value, timeZone) ?? ''), hyperlink: cell.hyperlink };
  } else {
    // A string is always written as text: '=…' typed by a person never becomes a formula.
    target.value = excelValue(cell.value, timeZone) ?? null;
  }
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
  else if (cell.value instanceof Date) {
    const w = utcFieldsOfInstant(cell.value, timeZone);
    const midnight = w.getUTCHours() === 0 && w.getUTCMinutes() === 0 && w.getUTCSeconds() === 0;
    target.numFmt = midnight ? DEFAULT_XLSX_DATE_FORMAT : DEFAULT_XLSX_DATE_TIME_FORMAT;
  }
  if (cell.note) target.note = cell.note;
  if (cell.style) writeStyle(target, cell.style);
  // Validations are written per range by xlsx-validations.ts, not per cell.
}

function argbOf(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const hex = /^#([0-9a-fA-F]{6})$/.exec(color);
  return hex ? `FF${hex[1]!.toUpperCase()}` : undefined;
}

function writeStyle(target: ExcelJS.Cell, style: CellStyleModel): void {
  const font: Partial<ExcelJS.Font> = {};
  if (style.fontWeight === 'bold') font.bold = true;
  if (style.fontStyle === 'italic') font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  const fontArgb = argbOf(style.fontColor);
  if (fontArgb) font.color = { argb: fontArgb };
  if (Object.keys(font).length > 0) target.font = font;
  const backgroundArgb = argbOf(style.background);
  if (backgroundArgb) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: backgroundArgb } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  const horizontal = style.horizontalAlignment;
  if (horizontal === 'left' || horizontal === 'center' || horizontal === 'right') alignment.horizontal = horizontal;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) target.alignment = alignment;
  if (style.border) {
    const side: Partial<ExcelJS.Border> = { style: 'thin' };
    target.border = { top: side, left: side, bottom: side, right: side };
  }
}

export function validationToExcel(validation: DataValidationModel): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: validation.allowInvalid ? 'warning' : 'stop',
    ...(validation.helpText ? { showInputMessage: true, prompt: validation.helpText } : {}),
  } as const;
  const rule = validation.rule;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return { ...common, type: 'list', formulae: [`"${rule.values.map((v) => v.replace(/"/g, '""')).join(',')}"`] };
    case 'CHECKBOX':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'VALUE_IN_RANGE':
      return { ...common, type: 'list', formulae: [absoluteReference(rule.rangeA1)] };
    case 'DATE_IS_VALID_DATE':
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'NUMBER_BETWEEN':
      return { ...common, type: 'decimal', operator: 'between', formulae: [rule.min, rule.max] };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.min] };
  }
}

/** `'Listes'!A2:A100` → `'Listes'!$A$2:$A$100`, the form Excel writes. */
function absoluteReference(reference: string): string {
  const { sheetName, rangeA1 } = splitSheetReference(reference);
  const absolute = rangeA1.replace(/([A-Za-z]+)(\d+)/g, '$$$1$$$2');
  return sheetName === null ? absolute : `'${sheetName.replace(/'/g, "''")}'!${absolute}`;
}
