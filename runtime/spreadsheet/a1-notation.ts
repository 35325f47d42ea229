/** A1 notation: column letters, cell and range references, sheet-qualified references. */
import { AppsScriptException } from '../runtime-context';

export function columnLetters(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A range reference with open ends left null ('A:A' has no rows, '2:2' no columns, 'A2:A' no last row). */
export interface A1Reference {
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const CELL_PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(part: string): { column: number | null; row: number | null } | null {
  const m = CELL_PART.exec(part);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const row = m[2] === '' ? null : Number(m[2]);
  if (row !== null && row < 1) return null;
  return { column: m[1] === '' ? null : columnNumber(m[1]!), row };
}

export function parseA1(a1: string): A1Reference {
  const parts = a1.trim().split(':');
  const first = parts[0] === undefined ? null : parsePart(parts[0]);
  const second = parts.length === 2 ? parsePart(parts[1]!) : parts.length === 1 ? first : null;
  if (!first || !second || parts.length > 2) throw new AppsScriptException('Range not found');
  // A single part must be a whole cell ('B3'); 'B' or '3' alone is not a range.
  if (parts.length === 1 && (first.row === null || first.column === null)) throw new AppsScriptException('Range not found');
  const rows = [first.row, second.row];
  const cols = [first.column, second.column];
  const sort = (a: number | null, b: number | null): [number | null, number | null] =>
    a !== null && b !== null && b < a ? [b, a] : [a, b];
  const [startRow, endRow] = sort(rows[0] ?? null, rows[1] ?? null);
  const [startColumn, endColumn] = sort(cols[0] ?? null, cols[1] ?? null);
  return { startRow, startColumn, endRow, endColumn };
}

/** Splits `'Présences'!A1:C3` or `Feuil1!A1` into sheet name and range part. */
export function splitSheetReference(reference: string): { sheetName: string | null; rangeA1: string } {
  const trimmed = reference.trim();
  if (trimmed.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < trimmed.length) {
      const ch = trimmed[i]!;
      if (ch === "'") {
        if (trimmed[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    if (trimmed[i] !== "'" || trimmed[i + 1] !== '!') throw new AppsScriptException('Range not found');
    return { sheetName: name, rangeA1: trimmed.slice(i + 2) };
  }
  const bang = trimmed.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, rangeA1: trimmed };
  return { sheetName: trimmed.slice(0, bang), rangeA1: trimmed.slice(bang + 1) };
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function formatA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
