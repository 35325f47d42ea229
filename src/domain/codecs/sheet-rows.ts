import type { DataIssue } from '../data-issue';

/** One data row of a sheet with its sheet row number (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: readonly unknown[];
}

/** What every codec returns: the rows it could read and the issues it met. */
export interface Decoded<T> {
  records: T;
  issues: DataIssue[];
}

/**
 * A cell that holds nothing. An unchecked checkbox (false) counts as empty too: checkbox
 * validation fills whole columns with false, and such rows hold no data.
 */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || v === false || (typeof v === 'string' && v.trim() === '');
}

/** The rows after the header, fully blank rows skipped, each with its sheet row number. */
export function dataRows(table: readonly (readonly unknown[])[]): SheetRow[] {
  const rows: SheetRow[] = [];
  forEachDataRow(table, (row, cells) => {
    rows.push({ row, cells });
  });
  return rows;
}

/** The rows of dataRows, one at a time: the large sheets are read without a list of row objects. */
export function forEachDataRow(table: readonly (readonly unknown[])[], visit: (row: number, cells: readonly unknown[]) => void): void {
  for (let i = 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (isArray(cells) && !cells.every(isBlankCell)) visit(i + 1, cells);
  }
}

// Read once: a global lookup per row is costly where the add-in runs in a `node:vm` context.
const isArray = Array.isArray;
