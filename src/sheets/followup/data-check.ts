import type { DataIssue } from '../../domain/data-issue';
import { SHEET, type SheetName, WORKBOOK_SCHEMA } from '../../domain/workbook-schema';
import { DATA_CHECK_HEADERS, DATA_CHECK_SHEET, dataCheckRows, type SheetLocation } from '../../followup/data-check-rows';
import { parcoursStatus } from '../../domain/parcours-status';
import { withDocumentLock } from '../document-lock';
import { appendJournal } from '../journal';
import { setValuesAsTyped, writeBlock } from '../table-io';
import { keptCell } from './kept-cell';
import { regeneratedSheet } from './generated-sheet';
import { readSnapshot, type WorkbookSnapshot } from './workbook-snapshot';
import type { SheetCalendar } from '../spreadsheet-calendar';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DATA_CHECK_KIND = 'controle-des-donnees';

export interface DataCheckResult {
  issues: DataIssue[];
  /** Name of the sheet written (`Contrôle des données`, or another when a person's sheet has that name). */
  sheetName: string;
  /** Rows whose `Statut` changed. */
  statusesUpdated: number;
}

/**
 * « Vérifier les données »: the data issues of SPEC §1 (the very list `parcours check` prints)
 * written to a regenerated sheet with a link to each faulty cell, and `Statut` brought up to date
 * in one write of that column. Source values are never touched.
 */
export function checkData(ss: Spreadsheet, calendar: SheetCalendar): DataCheckResult {
  return withDocumentLock(() => {
    const snapshot = readSnapshot(ss, calendar);
    const updated = updateStatuses(snapshot, calendar.today);
    const statusesUpdated = updated.length;
    const issues = snapshot.data.issues;
    // One getSheetId per sheet, whatever the number of issues.
    const locations = new Map<string, SheetLocation | null>();
    const rows = dataCheckRows(issues, (sheetName) => {
      if (!locations.has(sheetName)) {
        const name = WORKBOOK_SCHEMA.find((s) => s.name === sheetName)?.name as SheetName | undefined;
        const sheet = name ? snapshot.sheetOf(name) : null;
        locations.set(sheetName, sheet && name ? { sheetId: sheet.getSheetId(), map: snapshot.mapOf(name) } : null);
      }
      return locations.get(sheetName) ?? null;
    });
    const { sheet } = regeneratedSheet(ss, DATA_CHECK_KIND, DATA_CHECK_SHEET, snapshot.sheets);
    const body = issues.length === 0 ? [['Aucun problème de données.', '', '', '', '']] : rows;
    writeBlock(sheet, 1, 1, [[...DATA_CHECK_HEADERS], ...body]);
    sheet.getRange(1, 1, 1, DATA_CHECK_HEADERS.length).setFontWeight('bold');
    const shown = updated.slice(0, JOURNAL_IDS_SHOWN).join(', ') + (updated.length > JOURNAL_IDS_SHOWN ? ', …' : '');
    appendJournal(ss, [
      ...(statusesUpdated === 0
        ? []
        : [{ action: 'Mise à jour des statuts', sheet: SHEET.participants, detail: `Statut mis à jour sur ${statusesUpdated} ligne(s) : ${shown}` }]),
      {
        action: 'Vérification des données',
        sheet: sheet.getName(),
        detail: `${issues.length} problème(s) ; Statut mis à jour sur ${statusesUpdated} ligne(s).`,
      },
    ]);
    return { issues, sheetName: sheet.getName(), statusesUpdated };
  });
}

const JOURNAL_IDS_SHOWN = 50;

/**
 * Writes the `Statut` column once, when at least one readable row's status changed; a cell holding
 * a formula is left as it is (written back as its formula). Returns the IDs whose Statut changed.
 */
function updateStatuses(snapshot: WorkbookSnapshot, today: string): string[] {
  const table = snapshot.tables[SHEET.participants] ?? [];
  const column = snapshot.mapOf(SHEET.participants)?.columns['status'];
  const sheet = snapshot.sheetOf(SHEET.participants);
  if (column === undefined || !sheet || table.length < 2) return [];
  const wanted = new Map(snapshot.data.parcours.map((p) => [p.row, p] as const));
  const changes = new Map<number, { id: string; status: string }>();
  table.slice(1).forEach((cells, i) => {
    const p = wanted.get(i + 2);
    if (!p) return;
    const status = parcoursStatus(p, today);
    if (cells[column] !== status) changes.set(i, { id: p.id, status });
  });
  if (changes.size === 0) return [];
  const range = sheet.getRange(2, column + 1, table.length - 1, 1);
  const formulas = range.getFormulas();
  const ids: string[] = [];
  const values = table.slice(1).map((cells, i) => {
    const formula = formulas[i]?.[0] ?? '';
    if (formula !== '') return [formula];
    const change = changes.get(i);
    if (!change) return [keptCell(cells[column])];
    ids.push(change.id);
    return [change.status];
  });
  if (ids.length > 0) setValuesAsTyped(range, values);
  return ids;
}
