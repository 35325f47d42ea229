import { decodeExitReasons } from '../../domain/codecs/exit-reasons';
import { decodeParameters } from '../../domain/codecs/parameters';
import { decodeWorkshops } from '../../domain/codecs/workshops';
import type { TimeZone } from '../../domain/calendar-day';
import { readLabel } from '../../domain/cell-values';
import { mapHeaders } from '../../domain/header-map';
import { findSheetName } from '../../domain/read-workbook';
import { normalizeId } from '../../domain/text';
import { SHEET, type SheetName, sheetSpec } from '../../domain/workbook-schema';
import {
  type CellFill,
  describeEdit,
  EDITED_SHEETS,
  type EditedSheet,
  type EditLookups,
  editedKeys,
  neededLookups,
  planEdit,
} from '../../followup/edit-rules';
import { currentUserEmail, type JournalEntry, journalRow } from '../journal';
import { spreadsheetCalendar } from '../spreadsheet-calendar';
import { setValuesAsTyped, withoutMarkersInPlainText } from '../table-io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The `onEdit` simple trigger's work: reads the header row, the edited rows and, only when the
 * edited columns need it, one small lookup (Paramètres, the ID column of Participants, Ateliers or
 * Motifs de sortie); then writes the notes of the edited range and the empty derived cells.
 * Runs without authorization (AuthMode.LIMITED) and must stay fast: no lock, and one Journal line
 * (one append) only when it wrote something.
 */
export function validateEdit(range: Range, oldValue?: unknown): void {
  const sheet = range.getSheet();
  const name = sheet.getName();
  const edited = EDITED_SHEETS.find((s) => findSheetName([name], s) !== null);
  if (!edited) return;
  const firstRow = range.getRow();
  const numRows = range.getNumRows();
  if (firstRow + numRows - 1 < 2) return; // the header row: setup's business
  const rowStart = Math.max(firstRow, 2);
  const rowCount = firstRow + numRows - rowStart;
  const firstColumn = range.getColumn();
  const numColumns = range.getNumColumns();
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return;

  const spec = sheetSpec(edited);
  const map = mapHeaders(spec, sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []);
  const keys = editedKeys(map, firstColumn, numColumns);
  if (keys.size === 0) return; // an extra column of the team
  const width = Math.max(lastColumn, firstColumn + numColumns - 1);
  const rows = sheet.getRange(rowStart, 1, rowCount, width).getValues();
  const editedRange = rowStart === firstRow ? range : sheet.getRange(rowStart, firstColumn, rowCount, numColumns);
  const notes = editedRange.getNotes();
  const ss = sheet.getParent();
  const { timeZone, today } = spreadsheetCalendar(ss);

  const input = {
    spec,
    map,
    firstRow: rowStart,
    firstColumn,
    numColumns,
    rows,
    notes,
    lookups: readLookups(ss, edited, keys, timeZone),
    today,
    timeZone,
    // Google gives oldValue for a single cell only, and none when that cell was empty.
    oldValue: rowCount === 1 && numColumns === 1 && rowStart === firstRow ? (oldValue ?? '') : undefined,
  };
  const plan = planEdit(input);
  if (plan.notes) editedRange.setNotes(plan.notes);
  writeFills(sheet, plan.fills);
  const entry = describeEdit(input, plan);
  if (entry) journalEdit(ss, { action: 'Contrôle de saisie', sheet: name, id: entry.id, detail: entry.detail });
}

/**
 * The edit's Journal line in one call (Sheet.appendRow: it lands after the last row even when two
 * edits run at once, with no lock). A missing or unwritable Journal never fails the edit.
 */
function journalEdit(ss: Spreadsheet, entry: JournalEntry): void {
  try {
    const journal = ss.getSheetByName(SHEET.journal);
    if (!journal) return;
    const row = journalRow(entry, new Date(), currentUserEmail());
    // The row appendRow will fill is not known in advance: the formats of row 2 stand for the columns'.
    journal.appendRow(withoutMarkersInPlainText([row], () => journal.getRange(2, 1, 1, row.length).getNumberFormats())[0]!);
  } catch (error) {
    console.warn(`Journal non complété : ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readLookups(ss: Spreadsheet, edited: EditedSheet, keys: ReadonlySet<string>, timeZone: TimeZone): EditLookups {
  const lookups: EditLookups = {};
  for (const lookup of neededLookups(edited, keys)) {
    try {
      if (lookup === 'parameters') {
        const table = tableOf(ss, SHEET.parameters);
        if (table) lookups.parameters = decodeParameters(table, timeZone).records;
      } else if (lookup === 'workshops') {
        const table = tableOf(ss, SHEET.workshops);
        if (table) lookups.workshops = decodeWorkshops(table, timeZone).records;
      } else if (lookup === 'motifs') {
        const table = tableOf(ss, SHEET.exitReasons);
        if (table) lookups.motifs = decodeExitReasons(table, timeZone).records.flatMap((e) => [e.motif, e.sheetLabel ?? e.motif]);
      } else {
        const ids = participantIds(ss);
        if (ids) lookups.participantIds = ids;
      }
    } catch {
      // An unreadable settings sheet: « Vérifier les données » reports it; typing goes on unhindered.
    }
  }
  return lookups;
}

/** The sheet by its exact name (one call), as setup names it; a renamed sheet is not looked up here. */
function sheetOf(ss: Spreadsheet, name: SheetName): Sheet | null {
  return ss.getSheetByName(name);
}

function tableOf(ss: Spreadsheet, name: SheetName): unknown[][] | null {
  const sheet = sheetOf(ss, name);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/** Only the ID column of Participants: one read of the header, one of the column. */
function participantIds(ss: Spreadsheet): Set<string> | null {
  const sheet = sheetOf(ss, SHEET.participants);
  if (!sheet) return null;
  const lastColumn = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  if (lastColumn === 0) return null;
  const map = mapHeaders(sheetSpec(SHEET.participants), sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []);
  const column = map.columns['id'];
  if (column === undefined) return null;
  const ids = new Set<string>();
  if (lastRow < 2) return ids;
  for (const [cell] of sheet.getRange(2, column + 1, lastRow - 1, 1).getValues()) {
    const id = readLabel(cell);
    if (id !== null) ids.add(normalizeId(id));
  }
  return ids;
}

/** One write per derived column and run of consecutive rows (a single-row edit: one per column). */
function writeFills(sheet: Sheet, fills: readonly CellFill[]): void {
  const byColumn = new Map<number, CellFill[]>();
  for (const fill of fills) {
    const list = byColumn.get(fill.column);
    if (list) list.push(fill);
    else byColumn.set(fill.column, [fill]);
  }
  for (const [column, list] of byColumn) {
    list.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i]!.row === list[i - 1]!.row + 1) continue;
      const run = list.slice(start, i);
      setValuesAsTyped(sheet.getRange(run[0]!.row, column, run.length, 1), run.map((f) => [f.value]));
      start = i;
    }
  }
}
