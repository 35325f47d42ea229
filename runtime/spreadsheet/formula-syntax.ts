/**
 * Formulas as a Sheet of a given locale parses them: tokens, then a syntax tree. Only the
 * grammar lives here; formula-evaluator.ts computes the tree.
 *
 * The argument separator and the decimal mark follow the spreadsheet's locale, for the UI and for
 * Apps Script's setFormula / setValue('=…') alike (both read the text as typed input):
 * - a decimal-comma locale such as fr_FR separates arguments with `;` only; `,` is the decimal
 *   mark (`=SUM(1,5;2)` is 3.5) and a `,` between arguments is a parse error (#ERROR!). An Apps
 *   Script add-in writing `setFormula('=HYPERLINK("…","…")')` got #ERROR! in a de_DE Sheet and
 *   worked with `;` (github.com/ISA-tools/OntoMaton/issues/36, 2022; the same in it_IT,
 *   issues/15); the Sheets API's formulaValue behaves the same
 *   (github.com/googleapis/google-api-nodejs-client/issues/1994);
 * - a decimal-point locale (en_US, en_GB…) separates with `,` and also takes `;`, which Sheets
 *   corrects to `,` (« Google now accepts semicolons in all locales »,
 *   github.com/mricon/ingress-fieldplan/issues/5, 2019; Stack Overflow « locale differences in
 *   google sheets (documentation missing pages) », 2022: « a comma is never auto-corrected to a
 *   semicolon » in the other group).
 * So `;` is the one separator every Sheet accepts: Parcours writes it. English function names are
 * read in every locale; a French locale also reads the French names (SOMME, SI, NB.SI…), which
 * the Diagnostic checks in the real Sheet. Where the sources leave a doubt the runtime is the
 * stricter one (a `.` decimal in a fr_FR formula is refused), so nothing passes here that a real
 * Sheet might refuse.
 */

export interface FormulaLocale {
  /** `,` is the decimal mark and `;` the only argument separator. */
  decimalComma: boolean;
  /** French function names and VRAI/FAUX are read besides the English ones. */
  french: boolean;
}

/** Languages whose Sheets locales write decimals with a comma (our reading of Fichier › Paramètres). */
const DECIMAL_COMMA_LANGUAGES = new Set(['fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'tr', 'pl', 'cs', 'da', 'sv', 'nb', 'nn', 'fi', 'el', 'hu', 'ro', 'uk', 'id', 'vi']);

export function formulaLocaleOf(locale: string): FormulaLocale {
  const language = locale.split(/[_-]/)[0]!.toLowerCase();
  // Swiss French and German write decimals with a point.
  const pointCountry = /_CH$/i.test(locale);
  return { decimalComma: DECIMAL_COMMA_LANGUAGES.has(language) && !pointCountry, french: language === 'fr' };
}

/** A reference: rows or columns left null are open ('A:A' has no rows, 'A2:A' no last row). */
export interface AreaReference {
  sheet: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'reference'; ref: AreaReference }
  /** A name that is neither a function call nor a reference (a named range: not modelled, #NAME?). */
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'unary'; op: '-' | '+'; operand: FormulaNode }
  | { kind: 'percent'; operand: FormulaNode }
  | { kind: 'binary'; op: BinaryOperator; left: FormulaNode; right: FormulaNode }
  /** An argument left out: `IF(A1;;2)`. */
  | { kind: 'empty' };

export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export class FormulaSyntaxError extends Error {}

type Token =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'reference'; ref: AreaReference }
  | { type: 'name'; name: string }
  | { type: 'operator'; op: string }
  | { type: '(' | ')' | 'separator' };

const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?[0-9]+`;
/** A1, A1:B3, A2:A, A:A, A:B3, 1:1. */
const AREA = new RegExp(`^(?:(${COLUMN})(${ROW})(?::(${COLUMN})(${ROW})?)?|(${COLUMN}):(${COLUMN})(${ROW})?|(${ROW}):(${ROW}))`);
const NAME = /^[A-Za-z_\u00c0-\u024f][A-Za-z0-9_.\u00c0-\u024f]*/;
const UNQUOTED_SHEET = /^([A-Za-z_\u00c0-\u024f][A-Za-z0-9_.\u00c0-\u024f]*)!/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.replace('$', '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function rowNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text.replace('$', ''));
  if (n < 1) throw new FormulaSyntaxError(`row ${text}`);
  return n;
}

/** The reference at the start of `text` (after an optional sheet), with its length; null when none. */
function readArea(text: string, sheet: string | null): { ref: AreaReference; length: number } | null {
  const m = AREA.exec(text);
  if (!m) return null;
  // `LOG10(` or `NB.SI` is a name, not a reference.
  if (/^[A-Za-z0-9_.(\u00c0-\u024f]/.test(text.slice(m[0].length))) return null;
  let ref: AreaReference;
  if (m[1] !== undefined) {
    const startColumn = columnNumber(m[1]);
    const startRow = rowNumber(m[2]);
    const endColumn = m[3] === undefined ? startColumn : columnNumber(m[3]);
    const endRow = m[3] === undefined ? startRow : rowNumber(m[4]);
    ref = { sheet, startRow, startColumn, endRow, endColumn };
  } else if (m[5] !== undefined) {
    ref = { sheet, startRow: null, startColumn: columnNumber(m[5]), endRow: rowNumber(m[7]), endColumn: columnNumber(m[6]!) };
  } else {
    ref = { sheet, startRow: rowNumber(m[8]), startColumn: null, endRow: rowNumber(m[9]), endColumn: null };
  }
  return { ref: ordered(ref), length: m[0].length };
}

function ordered(ref: AreaReference): AreaReference {
  const swap = (a: number | null, b: number | null): [number | null, number | null] => (a !== null && b !== null && b < a ? [b, a] : [a, b]);
  const [startRow, endRow] = swap(ref.startRow, ref.endRow);
  const [startColumn, endColumn] = swap(ref.startColumn, ref.endColumn);
  return { ...ref, startRow, endRow, startColumn, endColumn };
}

function tokenize(source: string, locale: FormulaLocale): Token[] {
  const tokens: Token[] = [];
  const number = locale.decimalComma ? /^(\d+(,\d+)?|,\d+)([eE][+-]?\d+)?/ : /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/;
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw new FormulaSyntaxError('unterminated string');
        if (source[j] === '"') {
          if (source[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += source[j];
        j += 1;
      }
      tokens.push({ type: 'string', value });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const end = /^'((?:[^']|'')+)'!/.exec(rest);
      if (!end) throw new FormulaSyntaxError('quoted sheet name');
      const area = readArea(rest.slice(end[0].length), end[1]!.replace(/''/g, "'"));
      if (!area) throw new FormulaSyntaxError('reference expected after the sheet name');
      tokens.push({ type: 'reference', ref: area.ref });
      i += end[0].length + area.length;
      continue;
    }
    const sheet = UNQUOTED_SHEET.exec(rest);
    if (sheet) {
      const area = readArea(rest.slice(sheet[0].length), sheet[1]!);
      if (!area) throw new FormulaSyntaxError('reference expected after the sheet name');
      tokens.push({ type: 'reference', ref: area.ref });
      i += sheet[0].length + area.length;
      continue;
    }
    const area = readArea(rest, null);
    if (area) {
      tokens.push({ type: 'reference', ref: area.ref });
      i += area.length;
      continue;
    }
    const num = number.exec(rest);
    if (num && !(locale.decimalComma && /^\d*\.\d/.test(rest))) {
      tokens.push({ type: 'number', value: Number(num[0].replace(',', '.')) });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ type: 'name', name: name[0] });
      i += name[0].length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ type: 'operator', op: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) tokens.push({ type: 'operator', op: ch });
    else if (ch === '(' || ch === ')') tokens.push({ type: ch });
    else if (ch === ';' || (ch === ',' && !locale.decimalComma)) tokens.push({ type: 'separator' });
    else throw new FormulaSyntaxError(`unexpected « ${ch} »`);
    i += 1;
  }
  return tokens;
}

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

/** The syntax tree of a formula (with or without its leading `=`); throws FormulaSyntaxError. */
export function parseFormula(formula: string, locale: FormulaLocale): FormulaNode {
  const source = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenize(source, locale);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOperator = (...ops: string[]): boolean => {
    const t = peek();
    return t?.type === 'operator' && ops.includes(t.op);
  };
  const take = (): Token => {
    const t = tokens[at];
    if (!t) throw new FormulaSyntaxError('unexpected end');
    at += 1;
    return t;
  };
  const binaryLevel = (ops: string[], next: () => FormulaNode) => (): FormulaNode => {
    let left = next();
    while (isOperator(...ops)) {
      const op = (take() as { op: BinaryOperator }).op;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };
  const primary = (): FormulaNode => {
    const t = take();
    switch (t.type) {
      case 'number':
        return { kind: 'number', value: t.value };
      case 'string':
        return { kind: 'string', value: t.value };
      case 'reference':
        return { kind: 'reference', ref: t.ref };
      case '(': {
        const inner = comparison();
        if (take().type !== ')') throw new FormulaSyntaxError('« ) » expected');
        return inner;
      }
      case 'name': {
        if (peek()?.type === '(') {
          take();
          return { kind: 'call', name: t.name.toUpperCase(), args: argumentList() };
        }
        const upper = t.name.toUpperCase();
        if (upper === 'TRUE' || (locale.french && upper === 'VRAI')) return { kind: 'boolean', value: true };
        if (upper === 'FALSE' || (locale.french && upper === 'FAUX')) return { kind: 'boolean', value: false };
        return { kind: 'name', name: t.name };
      }
      default:
        throw new FormulaSyntaxError('operand expected');
    }
  };
  const argumentList = (): FormulaNode[] => {
    const args: FormulaNode[] = [];
    if (peek()?.type === ')') {
      take();
      return args;
    }
    for (;;) {
      const t = peek();
      args.push(t?.type === 'separator' || t?.type === ')' ? { kind: 'empty' } : comparison());
      const next = take();
      if (next.type === ')') return args;
      if (next.type !== 'separator') throw new FormulaSyntaxError('« ; » or « ) » expected');
    }
  };
  const postfix = (): FormulaNode => {
    let node = primary();
    while (isOperator('%')) {
      take();
      node = { kind: 'percent', operand: node };
    }
    return node;
  };
  // Negation binds tighter than ^, as in Sheets and Excel: =-2^2 is 4.
  const unary = (): FormulaNode => {
    if (isOperator('-', '+')) {
      const op = (take() as { op: '-' | '+' }).op;
      return { kind: 'unary', op, operand: unary() };
    }
    return postfix();
  };
  const power = binaryLevel(['^'], unary);
  const product = binaryLevel(['*', '/'], power);
  const sum = binaryLevel(['+', '-'], product);
  const concatenation = binaryLevel(['&'], sum);
  const comparison = binaryLevel([...COMPARISONS], concatenation);
  if (tokens.length === 0) throw new FormulaSyntaxError('empty formula');
  const tree = comparison();
  if (at < tokens.length) throw new FormulaSyntaxError('unexpected token');
  return tree;
}
