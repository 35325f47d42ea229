/**
 * Computes a formula's syntax tree (formula-syntax.ts) the way Sheets does for the functions and
 * operators in formula-functions.ts: values, coercions, comparisons, errors. The workbook is
 * reached through FormulaWorkbook (workbook-formulas.ts), so this file knows no sheet model.
 */
import { type AreaReference, type FormulaLocale, type FormulaNode, FormulaSyntaxError, parseFormula } from './formula-syntax';
import { instantOfUtcFields, utcFieldsOfInstant } from './zoned-time';

export type ErrorCode = '#DIV/0!' | '#NAME?' | '#REF!' | '#VALUE!' | '#N/A' | '#NUM!' | '#ERROR!';

/** An error value: propagates through operators and functions, caught by IFERROR. */
export class FormulaError {
  constructor(readonly code: ErrorCode) {}
}

/** One value: null is an empty cell (not the text ""). Dates are instants, shown in the spreadsheet's zone. */
export type Scalar = number | string | boolean | Date | null | FormulaError;

/** A reference's cells, row by row. */
export interface RangeValue {
  kind: 'range';
  rows: Scalar[][];
}

export type Value = Scalar | RangeValue;

/** What a formula may reach: cells (computed when they hold a formula) and the spreadsheet's settings. */
export interface FormulaWorkbook {
  readonly locale: FormulaLocale;
  readonly timeZone: string;
  now(): Date;
  /** The cells of a reference; a FormulaError (#REF!) when its sheet is unknown or it leaves the grid. */
  read(ref: AreaReference): Scalar[][] | FormulaError;
}

/** Evaluates an argument only when the function asks for it (IF, IFERROR, AND… skip the others). */
export type Argument = () => Value;

export type FormulaFunction = (args: Argument[], workbook: FormulaWorkbook) => Value;

export function isRange(value: Value): value is RangeValue {
  return typeof value === 'object' && value !== null && (value as RangeValue).kind === 'range';
}

export function isError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

export const DIV0 = new FormulaError('#DIV/0!');
export const VALUE = new FormulaError('#VALUE!');
export const NAME = new FormulaError('#NAME?');
export const REF = new FormulaError('#REF!');
export const NUM = new FormulaError('#NUM!');
export const PARSE = new FormulaError('#ERROR!');
/** Too few or too many arguments: Sheets' « Wrong number of arguments to IF », #N/A. */
export const WRONG_ARGUMENT_COUNT = new FormulaError('#N/A');

// ---- dates as serial numbers -------------------------------------------------------------

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Days since 30/12/1899 of the wall-clock time in the zone: Sheets' number for a date. */
export function serialOf(date: Date, timeZone: string): number {
  return (utcFieldsOfInstant(date, timeZone).getTime() - EPOCH) / DAY_MS;
}

export function dateOfSerial(serial: number, timeZone: string): Date {
  return instantOfUtcFields(new Date(EPOCH + Math.round(serial * DAY_MS)), timeZone);
}

// ---- coercions ---------------------------------------------------------------------------

/** A range where one value is expected: its single cell, else #VALUE! (array results are not modelled). */
export function scalarOf(value: Value): Scalar {
  if (!isRange(value)) return value;
  return value.rows.length === 1 && value.rows[0]!.length === 1 ? value.rows[0]![0]! : VALUE;
}

/** Text read as a number the way typed text is (`3,5` in a decimal-comma locale, `50%`); null when it is not one. */
function numberOfText(text: string, workbook: FormulaWorkbook): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalised = workbook.locale.decimalComma ? trimmed.replace(/[\u00a0\u202f ]/g, '').replace(',', '.') : trimmed.replace(/,/g, '');
  const percent = normalised.endsWith('%');
  const n = Number(percent ? normalised.slice(0, -1) : normalised);
  if (!Number.isFinite(n) || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(normalised)) return null;
  return percent ? n / 100 : n;
}

export function toNumber(value: Value, workbook: FormulaWorkbook): number | FormulaError {
  const v = scalarOf(value);
  if (v === null) return 0;
  if (isError(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return serialOf(v, workbook.timeZone);
  return numberOfText(v, workbook) ?? VALUE;
}

export function toBoolean(value: Value, workbook: FormulaWorkbook): boolean | FormulaError {
  const v = scalarOf(value);
  if (v === null) return false;
  if (isError(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const upper = v.trim().toUpperCase();
    if (upper === 'TRUE' || (workbook.locale.french && upper === 'VRAI')) return true;
    if (upper === 'FALSE' || (workbook.locale.french && upper === 'FAUX')) return false;
    return VALUE;
  }
  const n = toNumber(v, workbook);
  return isError(n) ? n : n !== 0;
}

/** A number as Sheets writes it in text (`&`, CONCATENATE): the locale's decimal mark, no grouping. */
export function numberText(n: number, workbook: FormulaWorkbook): string {
  const text = String(Number(n.toPrecision(15)));
  return workbook.locale.decimalComma ? text.replace('.', ',') : text;
}

export function toText(value: Value, workbook: FormulaWorkbook): string | FormulaError {
  const v = scalarOf(value);
  if (v === null) return '';
  if (isError(v)) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return numberText(v instanceof Date ? serialOf(v, workbook.timeZone) : v, workbook);
}

/** Every cell of every argument, ranges flattened, in order. */
export function flatten(args: Argument[]): { value: Scalar; fromRange: boolean }[] {
  const out: { value: Scalar; fromRange: boolean }[] = [];
  for (const arg of args) {
    const v = arg();
    if (isRange(v)) for (const row of v.rows) for (const cell of row) out.push({ value: cell, fromRange: true });
    else out.push({ value: v, fromRange: false });
  }
  return out;
}

// ---- comparison --------------------------------------------------------------------------

/** Sheets' order across types: numbers (and dates) < text < booleans; text ignores case. */
export function compare(a: Scalar, b: Scalar, workbook: FormulaWorkbook): number {
  const left = a === null ? emptyLike(b) : a;
  const right = b === null ? emptyLike(a) : b;
  const rank = (v: Scalar): number => (typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0);
  const [ra, rb] = [rank(left), rank(right)];
  if (ra !== rb) return ra - rb;
  if (typeof left === 'string' && typeof right === 'string') {
    const [x, y] = [left.toLowerCase(), right.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toNumber(left, workbook) as number;
  const y = toNumber(right, workbook) as number;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An empty cell compared with something is 0, "" or FALSE, whichever matches it. */
function emptyLike(other: Scalar): Scalar {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}

// ---- evaluation --------------------------------------------------------------------------

export function evaluateNode(node: FormulaNode, workbook: FormulaWorkbook, functions: ReadonlyMap<string, FormulaFunction>): Value {
  const evaluate = (n: FormulaNode): Value => evaluateNode(n, workbook, functions);
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return node.value;
    case 'empty':
      return null;
    case 'name':
      return NAME;
    case 'reference': {
      const rows = workbook.read(node.ref);
      return isError(rows) ? rows : { kind: 'range', rows };
    }
    case 'call': {
      const fn = functions.get(node.name);
      if (!fn) return NAME;
      return fn(
        node.args.map((a) => () => evaluate(a)),
        workbook,
      );
    }
    case 'unary': {
      const n = toNumber(evaluate(node.operand), workbook);
      if (isError(n)) return n;
      return node.op === '-' ? -n : n;
    }
    case 'percent': {
      const n = toNumber(evaluate(node.operand), workbook);
      return isError(n) ? n : n / 100;
    }
    case 'binary':
      return binary(node.op, scalarOf(evaluate(node.left)), scalarOf(evaluate(node.right)), workbook);
  }
}

function binary(op: string, a: Scalar, b: Scalar, workbook: FormulaWorkbook): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case '&': {
      const [x, y] = [toText(a, workbook), toText(b, workbook)];
      return isError(x) ? x : isError(y) ? y : x + y;
    }
    case '=':
      return compare(a, b, workbook) === 0;
    case '<>':
      return compare(a, b, workbook) !== 0;
    case '<':
      return compare(a, b, workbook) < 0;
    case '>':
      return compare(a, b, workbook) > 0;
    case '<=':
      return compare(a, b, workbook) <= 0;
    case '>=':
      return compare(a, b, workbook) >= 0;
  }
  const x = toNumber(a, workbook);
  const y = toNumber(b, workbook);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case '+':
    case '-': {
      const n = op === '+' ? x + y : x - y;
      // A date plus or minus days stays a date; a date minus a date is a number of days.
      const dated = (a instanceof Date) !== (b instanceof Date) && (op === '+' || a instanceof Date);
      return dated ? dateOfSerial(n, workbook.timeZone) : n;
    }
    case '*':
      return x * y;
    case '/':
      return y === 0 ? DIV0 : x / y;
    case '^': {
      const n = x ** y;
      return Number.isFinite(n) ? n : NUM;
    }
    default:
      return VALUE;
  }
}

/**
 * Syntax trees by locale and text: a column of formulas is mostly a few texts (a filled-down
 * formula differs by its row only), and every read computes them again. Bounded; null: no parse.
 */
const PARSED_LIMIT = 20_000;
const parsed = new Map<string, FormulaNode | null>();

function syntaxTree(formula: string, locale: FormulaWorkbook['locale']): FormulaNode | null {
  const key = `${locale.decimalComma ? ',' : '.'}${locale.french ? 'fr' : ''}|${formula}`;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  let tree: FormulaNode | null;
  try {
    tree = parseFormula(formula, locale);
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    tree = null;
  }
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(key, tree);
  return tree;
}

/** A whole formula's value; a formula that does not parse is #ERROR!, as Sheets shows it. */
export function evaluateFormula(formula: string, workbook: FormulaWorkbook, functions: ReadonlyMap<string, FormulaFunction>): Scalar {
  const tree = syntaxTree(formula, workbook.locale);
  if (tree === null) return PARSE;
  const value = scalarTopLeft(evaluateNode(tree, workbook, functions));
  if (typeof value === 'number' && !Number.isFinite(value)) return NUM;
  return value;
}

/** A formula whose result is a range shows its top-left cell (Sheets spills the rest beside it; not modelled). */
function scalarTopLeft(value: Value): Scalar {
  if (!isRange(value)) return value;
  return value.rows[0]?.[0] ?? null;
}
