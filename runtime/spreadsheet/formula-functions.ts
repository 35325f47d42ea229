/**
 * The Sheets functions the runtime computes, under their English names (read in every locale)
 * and, for a French spreadsheet, their French names. Anything else is #NAME?, as an unknown
 * function is in Sheets: a formula using a real function missing here reads as #NAME? in the
 * runtime, never as a made-up value.
 */
import {
  type Argument,
  compare,
  DIV0,
  dateOfSerial,
  flatten,
  type FormulaError,
  type FormulaFunction,
  type FormulaWorkbook,
  isError,
  isRange,
  type Scalar,
  scalarOf,
  serialOf,
  toBoolean,
  toNumber,
  toText,
  VALUE,
  type Value,
  WRONG_ARGUMENT_COUNT,
} from './formula-evaluator';
import { wallClockOf } from './zoned-time';

type Numbers = number[] | FormulaError;

/**
 * The numbers of the arguments as SUM, MIN, AVERAGE… take them: in a range only numbers (and
 * dates) count; an argument given directly is converted (TRUE is 1, "3" is 3, other text #VALUE!).
 */
function numbersOf(args: Argument[], workbook: FormulaWorkbook): Numbers {
  const out: number[] = [];
  for (const { value, fromRange } of flatten(args)) {
    if (isError(value)) return value;
    if (fromRange) {
      if (typeof value === 'number') out.push(value);
      else if (value instanceof Date) out.push(serialOf(value, workbook.timeZone));
      continue;
    }
    if (value === null) continue;
    const n = toNumber(value, workbook);
    if (isError(n)) return n;
    out.push(n);
  }
  return out;
}

function aggregate(reduce: (numbers: number[]) => Value): FormulaFunction {
  return (args, workbook) => {
    const numbers = numbersOf(args, workbook);
    return isError(numbers) ? numbers : reduce(numbers);
  };
}

function numberArg(arg: Argument | undefined, workbook: FormulaWorkbook, fallback?: number): number | FormulaError {
  if (arg === undefined) return fallback ?? WRONG_ARGUMENT_COUNT;
  const v = arg();
  if (v === null && fallback !== undefined) return fallback;
  return toNumber(v, workbook);
}

function textArg(arg: Argument | undefined, workbook: FormulaWorkbook): string | FormulaError {
  return arg === undefined ? WRONG_ARGUMENT_COUNT : toText(arg(), workbook);
}

/** Sheets rounds half away from zero. */
function roundTo(x: number, digits: number, mode: 'nearest' | 'up' | 'down'): number {
  const factor = 10 ** Math.trunc(digits);
  const scaled = Math.abs(x) * factor;
  const fixed = Number(scaled.toPrecision(15));
  const rounded = mode === 'nearest' ? Math.round(fixed) : mode === 'up' ? Math.ceil(fixed) : Math.floor(fixed);
  return (Math.sign(x) * rounded) / factor;
}

function round(mode: 'nearest' | 'up' | 'down'): FormulaFunction {
  return (args, workbook) => {
    if (args.length < 1 || args.length > 2) return WRONG_ARGUMENT_COUNT;
    const x = numberArg(args[0], workbook);
    const digits = numberArg(args[1], workbook, 0);
    if (isError(x)) return x;
    if (isError(digits)) return digits;
    return roundTo(x, digits, mode);
  };
}

/** COUNTIF's criterion: `>5`, `<>Sorti`, `=`, `Oui`, `A*`, or a number. */
function criterionMatcher(criterion: Scalar, workbook: FormulaWorkbook): (value: Scalar) => boolean {
  if (typeof criterion === 'number' || typeof criterion === 'boolean' || criterion instanceof Date) {
    return (value) => value !== null && typeof value !== 'string' && !isError(value) && compare(value, criterion, workbook) === 0;
  }
  const text = criterion === null || isError(criterion) ? '' : criterion;
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(text)!;
  const op = m[1] ?? '=';
  const operandText = m[2]!;
  const asNumber = toNumber(operandText, workbook);
  const numeric = operandText.trim() !== '' && !isError(asNumber);
  if (numeric) {
    const n = asNumber as number;
    return (value) => {
      if (typeof value !== 'number' && !(value instanceof Date)) return op === '<>';
      const c = compare(value, n, workbook);
      return test(op, c);
    };
  }
  if (op === '=' || op === '<>') {
    const pattern = wildcard(operandText);
    return (value) => {
      const matched = operandText === '' ? value === null || value === '' : typeof value === 'string' && pattern.test(value);
      return op === '=' ? matched : !matched;
    };
  }
  return (value) => typeof value === 'string' && test(op, compare(value, operandText, workbook));
}

function test(op: string, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** `*` any text, `?` one character, `~*` a real star; the whole text, ignoring case. */
function wildcard(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i]!;
    if (ch === '~' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[i + 1]!);
      i += 1;
    } else if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cellsOf(value: Value): Scalar[] {
  return isRange(value) ? value.rows.flat() : [value];
}

function countIf(args: Argument[], workbook: FormulaWorkbook): Value {
  if (args.length !== 2) return WRONG_ARGUMENT_COUNT;
  const cells = cellsOf(args[0]!());
  const criterion = scalarOf(args[1]!());
  if (isError(criterion)) return criterion;
  const matches = criterionMatcher(criterion, workbook);
  return cells.filter(matches).length;
}

function sumIf(args: Argument[], workbook: FormulaWorkbook): Value {
  if (args.length < 2 || args.length > 3) return WRONG_ARGUMENT_COUNT;
  const tested = args[0]!();
  const cells = cellsOf(tested);
  const criterion = scalarOf(args[1]!());
  if (isError(criterion)) return criterion;
  const summed = args[2] ? cellsOf(args[2]()) : cells;
  const matches = criterionMatcher(criterion, workbook);
  let total = 0;
  cells.forEach((cell, i) => {
    const v = summed[i];
    if (matches(cell) && typeof v === 'number') total += v;
  });
  return total;
}

function ifFunction(args: Argument[], workbook: FormulaWorkbook): Value {
  if (args.length < 2 || args.length > 3) return WRONG_ARGUMENT_COUNT;
  const condition = toBoolean(args[0]!(), workbook);
  if (isError(condition)) return condition;
  if (condition) return args[1]!() ?? 0;
  return args[2] ? args[2]() : false;
}

function logical(combine: (values: boolean[]) => boolean): FormulaFunction {
  return (args, workbook) => {
    if (args.length === 0) return WRONG_ARGUMENT_COUNT;
    const values: boolean[] = [];
    for (const { value, fromRange } of flatten(args)) {
      if (isError(value)) return value;
      if (fromRange && (value === null || typeof value === 'string')) continue;
      const b = toBoolean(value, workbook);
      if (isError(b)) return b;
      values.push(b);
    }
    return values.length === 0 ? VALUE : combine(values);
  };
}

function concatenate(args: Argument[], workbook: FormulaWorkbook): Value {
  let out = '';
  for (const { value } of flatten(args)) {
    const text = toText(value, workbook);
    if (isError(text)) return text;
    out += text;
  }
  return out;
}

function text(transform: (s: string, args: Argument[], workbook: FormulaWorkbook) => Value): FormulaFunction {
  return (args, workbook) => {
    const s = textArg(args[0], workbook);
    return isError(s) ? s : transform(s, args, workbook);
  };
}

function dateParts(pick: (w: ReturnType<typeof wallClockOf>) => number): FormulaFunction {
  return (args, workbook) => {
    if (args.length !== 1) return WRONG_ARGUMENT_COUNT;
    const n = numberArg(args[0], workbook);
    if (isError(n)) return n;
    return pick(wallClockOf(dateOfSerial(n, workbook.timeZone), workbook.timeZone));
  };
}

function today(_args: Argument[], workbook: FormulaWorkbook): Value {
  return dateOfSerial(Math.floor(serialOf(workbook.now(), workbook.timeZone)), workbook.timeZone);
}

function date(args: Argument[], workbook: FormulaWorkbook): Value {
  if (args.length !== 3) return WRONG_ARGUMENT_COUNT;
  const parts = args.map((a) => numberArg(a, workbook));
  const error = parts.find(isError);
  if (error) return error;
  const [y, m, d] = (parts as number[]).map(Math.trunc) as [number, number, number];
  const year = y < 1900 ? y + 1900 : y;
  const utc = Date.UTC(year, m - 1, d);
  return dateOfSerial((utc - Date.UTC(1899, 11, 30)) / 86_400_000, workbook.timeZone);
}

function isKind(test: (value: Scalar) => boolean): FormulaFunction {
  return (args) => (args.length === 1 ? test(scalarOf(args[0]!())) : WRONG_ARGUMENT_COUNT);
}

function ifError(args: Argument[]): Value {
  if (args.length < 1 || args.length > 2) return WRONG_ARGUMENT_COUNT;
  const value = scalarOf(args[0]!());
  if (!isError(value)) return value;
  return args[1] ? args[1]() : '';
}

/** The cell shows the label (the URL when there is none); the link itself is not a value. */
function hyperlink(args: Argument[], workbook: FormulaWorkbook): Value {
  if (args.length < 1 || args.length > 2) return WRONG_ARGUMENT_COUNT;
  const url = textArg(args[0], workbook);
  if (isError(url)) return url;
  if (!args[1]) return url;
  return scalarOf(args[1]());
}

/** English name, French name (null when the same or none), implementation. */
const TABLE: [string, string | null, FormulaFunction][] = [
  ['SUM', 'SOMME', aggregate((ns) => ns.reduce((a, b) => a + b, 0))],
  ['COUNT', 'NB', (args, workbook) => flatten(args).filter(({ value, fromRange }) => typeof value === 'number' || value instanceof Date || (!fromRange && value !== null && !isError(value) && !isError(toNumber(value, workbook)))).length],
  ['COUNTA', 'NBVAL', (args) => flatten(args).filter(({ value }) => value !== null).length],
  ['COUNTBLANK', 'NB.VIDE', (args) => flatten(args).filter(({ value }) => value === null || value === '').length],
  ['COUNTIF', 'NB.SI', countIf],
  ['SUMIF', 'SOMME.SI', sumIf],
  ['IF', 'SI', ifFunction],
  ['AND', 'ET', logical((vs) => vs.every(Boolean))],
  ['OR', 'OU', logical((vs) => vs.some(Boolean))],
  ['NOT', 'NON', (args, workbook) => (args.length === 1 ? ((b) => (isError(b) ? b : !b))(toBoolean(args[0]!(), workbook)) : WRONG_ARGUMENT_COUNT)],
  ['TRUE', 'VRAI', () => true],
  ['FALSE', 'FAUX', () => false],
  ['MIN', null, aggregate((ns) => (ns.length === 0 ? 0 : Math.min(...ns)))],
  ['MAX', null, aggregate((ns) => (ns.length === 0 ? 0 : Math.max(...ns)))],
  ['AVERAGE', 'MOYENNE', aggregate((ns) => (ns.length === 0 ? DIV0 : ns.reduce((a, b) => a + b, 0) / ns.length))],
  ['ROUND', 'ARRONDI', round('nearest')],
  ['ROUNDUP', 'ARRONDI.SUP', round('up')],
  ['ROUNDDOWN', 'ARRONDI.INF', round('down')],
  ['INT', 'ENT', (args, workbook) => ((n) => (isError(n) ? n : Math.floor(n)))(numberArg(args[0], workbook))],
  ['ABS', null, (args, workbook) => ((n) => (isError(n) ? n : Math.abs(n)))(numberArg(args[0], workbook))],
  [
    'MOD',
    null,
    (args, workbook) => {
      const [a, b] = [numberArg(args[0], workbook), numberArg(args[1], workbook)];
      if (isError(a)) return a;
      if (isError(b)) return b;
      return b === 0 ? DIV0 : a - b * Math.floor(a / b);
    },
  ],
  ['CONCATENATE', 'CONCATENER', concatenate],
  ['CONCAT', null, (args, workbook) => (args.length === 2 ? concatenate(args, workbook) : WRONG_ARGUMENT_COUNT)],
  ['LEN', 'NBCAR', text((s) => s.length)],
  ['UPPER', 'MAJUSCULE', text((s) => s.toUpperCase())],
  ['LOWER', 'MINUSCULE', text((s) => s.toLowerCase())],
  ['TRIM', 'SUPPRESPACE', text((s) => s.trim().replace(/ {2,}/g, ' '))],
  ['LEFT', 'GAUCHE', text((s, args, workbook) => ((n) => (isError(n) ? n : n < 0 ? VALUE : s.slice(0, n)))(numberArg(args[1], workbook, 1)))],
  ['RIGHT', 'DROITE', text((s, args, workbook) => ((n) => (isError(n) ? n : n < 0 ? VALUE : n === 0 ? '' : s.slice(-n)))(numberArg(args[1], workbook, 1)))],
  [
    'MID',
    'STXT',
    text((s, args, workbook) => {
      const [start, length] = [numberArg(args[1], workbook), numberArg(args[2], workbook)];
      if (isError(start)) return start;
      if (isError(length)) return length;
      return start < 1 || length < 0 ? VALUE : s.substr(start - 1, length);
    }),
  ],
  ['TODAY', 'AUJOURDHUI', today],
  ['NOW', 'MAINTENANT', (_args, workbook) => workbook.now()],
  ['DATE', null, date],
  ['YEAR', 'ANNEE', dateParts((w) => w.year)],
  ['MONTH', 'MOIS', dateParts((w) => w.month)],
  ['DAY', 'JOUR', dateParts((w) => w.day)],
  ['IFERROR', 'SIERREUR', ifError],
  ['ISERROR', 'ESTERREUR', isKind((v) => isError(v))],
  ['ISBLANK', 'ESTVIDE', isKind((v) => v === null)],
  ['ISNUMBER', 'ESTNUM', isKind((v) => typeof v === 'number' || v instanceof Date)],
  ['ISTEXT', 'ESTTEXTE', isKind((v) => typeof v === 'string')],
  ['HYPERLINK', 'LIEN_HYPERTEXTE', hyperlink],
];

/** The functions a spreadsheet of this kind of locale reads, by upper-case name. */
export function formulaFunctions(french: boolean): ReadonlyMap<string, FormulaFunction> {
  return french ? FRENCH : ENGLISH;
}

const ENGLISH = new Map(TABLE.map(([name, , fn]) => [name, fn]));
const FRENCH = new Map([...ENGLISH, ...TABLE.flatMap(([, french, fn]) => (french ? [[french, fn] as const] : []))]);
