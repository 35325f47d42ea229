import type { DataIssue } from '../../domain/data-issue';
import { SHEET, type SheetName, WORKBOOK_SCHEMA } from '../../domain/workbook-schema';
import { DATA_CHECK_HEADERS, DATA_CHECK_SHEET, dataCheckRows, type SheetLocation } from '../../followup/data-check-rows';
import { parcoursStatus } from '../../domain/parcours-status';
import { withDocumentLock } from '../document-lock';
import { appendJournal } from '../journal';
import { writeBlock } from '../table-io';
import { keptCell } from './kept-cell';
import { regeneratedSheet } from './generated-sheet';
import { readSnapshot, type WorkbookSnapshot } from './workbook-snapshot';

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
export function checkData(ss: Spreadsheet, today: string): DataCheckResult {
  return withDocumentLock(() => {
    const snapshot = readSnapshot(ss, today);
    const statusesUpdated = updateStatuses(snapshot, today);
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
    appendJournal(ss, [
      {
        action: 'Vérification des données',
        sheet: sheet.getName(),
        detail: `${issues.length} problème(s) ; Statut mis à jour sur ${statusesUpdated} ligne(s).`,
      },
    ]);
    return { issues, sheetName: sheet.getName(), statusesUpdated };
  });
}

/** Writes the `Statut` column once, when at least one readable row's status changed. */
function updateStatuses(snapshot: WorkbookSnapshot, today: string): number {
  const table = snapshot.tables[SHEET.participants] ?? [];
  const column = snapshot.mapOf(SHEET.participants)?.columns['status'];
  const sheet = snapshot.sheetOf(SHEET.participants);
  if (column === undefined || !sheet || table.length < 2) return 0;
  const wanted = new Map(snapshot.data.parcours.map((p) => [p.row, parcoursStatus(p, today)] as const));
  let changed = 0;
  const values = table.slice(1).map((cells, i) => {
    const current = cells[column];
    const status = wanted.get(i + 2);
    if (status === undefined || current === status) return [keptCell(current)];
    changed++;
    return [status];
  });
  if (changed > 0) sheet.getRange(2, column + 1, values.length, 1).setValues(values);
  return changed;
}
