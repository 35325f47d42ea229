import { dateCell, textCell } from '../../domain/cell-output';
import { SHEET } from '../../domain/workbook-schema';
import { cellLink } from '../../followup/data-check-rows';
import { computeDeadlines, DEADLINE_SHEET_HEADERS, type Deadline } from '../../followup/deadlines';
import { withDocumentLock } from '../document-lock';
import { appendJournal } from '../journal';
import { writeBlock } from '../table-io';
import { regeneratedSheet } from './generated-sheet';
import { readSnapshot } from './workbook-snapshot';
import type { SheetCalendar } from '../spreadsheet-calendar';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DEADLINES_SHEET = 'Échéances';
export const DEADLINES_KIND = 'echeances';

/** The deadlines as of `today` (read only: the sidebar and the e-mail). */
export function readDeadlines(ss: Spreadsheet, calendar: SheetCalendar): { deadlines: Deadline[]; structure: string; emails: string[] } {
  const { data } = readSnapshot(ss, calendar);
  return { deadlines: computeDeadlines(data, calendar.today), structure: data.parameters.structureName, emails: data.parameters.coordinatorEmails };
}

/** « Échéances » as a sheet, regenerated: one line per thing to do, with a link to the participant's row. */
export function writeDeadlinesSheet(ss: Spreadsheet, calendar: SheetCalendar): { count: number; sheetName: string } {
  return withDocumentLock(() => {
    const snapshot = readSnapshot(ss, calendar);
    const deadlines = computeDeadlines(snapshot.data, calendar.today);
    const participants = snapshot.sheetOf(SHEET.participants);
    const participantsId = participants ? participants.getSheetId() : null;
    const rows = deadlines.map((d) => [
      dateCell(d.due, calendar.timeZone),
      textCell(d.kind),
      textCell(d.id),
      textCell(d.person),
      textCell(d.action),
      d.overdue ? 'Oui' : '',
      participantsId === null ? '' : cellLink(participantsId, `A${d.row}`),
    ]);
    const { sheet } = regeneratedSheet(ss, DEADLINES_KIND, DEADLINES_SHEET, snapshot.sheets);
    const headers = [...DEADLINE_SHEET_HEADERS, 'Lien'];
    const body = rows.length === 0 ? [['', 'Aucune échéance dans les prochains jours.', '', '', '', '', '']] : rows;
    writeBlock(sheet, 1, 1, [headers, ...body]);
    sheet.getRange(1, 1, 1, headers.length).setFontWeight('bold');
    sheet.getRange(2, 1, body.length, 1).setNumberFormat('dd/mm/yyyy');
    appendJournal(ss, [{ action: 'Échéances', sheet: sheet.getName(), detail: `${deadlines.length} échéance(s) listée(s).` }]);
    return { count: deadlines.length, sheetName: sheet.getName() };
  });
}
