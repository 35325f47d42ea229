import { textCell } from '../domain/cell-output';
import { SHEET } from '../domain/workbook-schema';
import { findSheet } from './sheet-lookup';
import { appendRows } from './table-io';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface JournalEntry {
  action: string;
  sheet: string;
  id?: string;
  detail?: string;
}

/** What the Journal says when Google does not tell who is there (simple triggers such as onEdit). */
export const UNKNOWN_USER = 'utilisateur inconnu';

/** Who runs the script, as far as the granted scopes let us know. */
export function currentUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || UNKNOWN_USER;
  } catch {
    return UNKNOWN_USER;
  }
}

/**
 * Appends entries to the append-only `Journal` in one write. Missing `Journal` (a workbook not yet
 * configured) is not an error for the caller: the write it journals has happened.
 */
export function appendJournal(ss: Spreadsheet, entries: readonly JournalEntry[]): void {
  if (entries.length === 0) return;
  const sheet = findSheet(ss, SHEET.journal);
  if (!sheet) return;
  const timestamp = new Date();
  const user = currentUserEmail();
  appendRows(
    sheet,
    entries.map((e) => journalRow(e, timestamp, user)),
  );
}

/** One `Journal` row: Horodatage | Utilisateur | Action | Feuille | ID | Détail (text kept as text). */
export function journalRow(e: JournalEntry, timestamp: Date, user: string): unknown[] {
  return [timestamp, textCell(user), textCell(e.action), textCell(e.sheet), textCell(e.id ?? ''), textCell(e.detail ?? '')];
}
