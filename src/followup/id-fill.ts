import type { TimeZone } from '../domain/calendar-day';
import { isEmptyCell, readDate, readLabel } from '../domain/cell-values';
import { isBlankCell } from '../domain/codecs/sheet-rows';
import { nextParcoursId } from '../forms/parcours-id';

/**
 * IDs for the rows of an adopted `Participants` sheet that have none (pure): only an empty ID
 * cell receives one, an existing ID never changes, and the counter of each year continues after
 * the highest `P-AAAA-NNNN` already present.
 */

/** A data row: not fully blank (SPEC §1 skips the others, and so does the ID creation). */
export function isDataRow(cells: readonly unknown[]): boolean {
  return !cells.every(isBlankCell);
}

/** An ID cell the reader would report as « ID manquant ». */
export function isMissingId(cell: unknown): boolean {
  return isEmptyCell(cell);
}

export interface EmptyCellCounts {
  /** Rows below the header that are not fully blank. */
  dataRows: number;
  /** Per column of the team's sheet: data rows whose cell is empty there. */
  emptyByColumn: number[];
}

/**
 * For the dialog, which lets the coordinator change which column is the ID: how many rows would
 * receive one for any choice (`emptyByColumn[i]` when column i is the ID, `dataRows` when none is).
 * A cell holding a formula (`formulas[r][i]` not empty) is never empty, even when it shows nothing.
 */
export function countEmptyCells(
  rows: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  width: number,
): EmptyCellCounts {
  const emptyByColumn = new Array<number>(width).fill(0);
  let dataRows = 0;
  rows.forEach((cells, r) => {
    if (!isDataRow(cells)) return;
    dataRows++;
    for (let i = 0; i < width; i++) if (isMissingId(cells[i]) && !formulas[r]?.[i]) emptyByColumn[i]!++;
  });
  return { dataRows, emptyByColumn };
}

/** 0-based columns of the adopted sheet; a column at or beyond a row's length reads as empty. */
export interface IdFillColumns {
  id: number;
  entryDate?: number;
  commissionDate?: number;
}

export interface CreatedId {
  /** 0-based index in `rows` (the sheet row is index + 2). */
  index: number;
  id: string;
}

/** The year of a date cell, when it holds a readable date (a four-digit year, as IDs need). */
function yearOf(cell: unknown, timeZone: TimeZone): number | null {
  const read = readDate(cell, timeZone);
  if (!read.ok || read.value === null) return null;
  const year = Number(read.value.slice(0, 4));
  return year >= 1000 && year <= 9999 ? year : null;
}

/**
 * One ID per data row whose ID cell is empty, top to bottom; `idFormulas[r]` (the ID column's
 * formulas) marks the cells a formula fills, left alone. Its year is the row's Date d'entrée, else
 * its Date de commission, else `currentYear`. Must run inside the document lock, on rows read
 * inside it.
 */
export function planIdFill(
  rows: readonly (readonly unknown[])[],
  idFormulas: readonly string[],
  columns: IdFillColumns,
  currentYear: number,
  timeZone: TimeZone,
): CreatedId[] {
  const existing: string[] = [];
  for (const cells of rows) {
    const id = readLabel(cells[columns.id]);
    if (id !== null) existing.push(id);
  }
  const at = (cells: readonly unknown[], column: number | undefined): unknown => (column === undefined ? undefined : cells[column]);
  // The last ID given per year: the next one of that year follows it (the generator reads it as the highest).
  const lastOfYear = new Map<number, string>();
  const created: CreatedId[] = [];
  rows.forEach((cells, index) => {
    if (!isDataRow(cells) || !isMissingId(cells[columns.id]) || idFormulas[index]) return;
    const year = yearOf(at(cells, columns.entryDate), timeZone) ?? yearOf(at(cells, columns.commissionDate), timeZone) ?? currentYear;
    const last = lastOfYear.get(year);
    const id = nextParcoursId(last === undefined ? existing : [last], year);
    lastOfYear.set(year, id);
    created.push({ index, id });
  });
  return created;
}

/** « 3 ID créés (2025 : P-2025-0008 ; 2026 : P-2026-0004 à P-2026-0005) », for the dialog and the Journal. */
export function describeCreatedIds(created: readonly CreatedId[]): string {
  const byYear = new Map<string, string[]>();
  for (const { id } of created) {
    const year = id.slice(2, 6);
    const ids = byYear.get(year);
    if (ids) ids.push(id);
    else byYear.set(year, [id]);
  }
  const spans = [...byYear.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, ids]) => `${year} : ${ids.length === 1 ? ids[0] : `${ids[0]} à ${ids[ids.length - 1]}`}`);
  const count = created.length === 1 ? '1 ID Parcours créé' : `${created.length} ID Parcours créés`;
  return `${count} pour les lignes qui n’en avaient pas (${spans.join(' ; ')}) ; les ID déjà saisis n’ont pas changé.`;
}
