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
  for (let i = 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (Array.isArray(cells) && !cells.every(isBlankCell)) rows.push({ row: i + 1, cells });
  }
  return rows;
}
