/**
 * The sidebar forms: menu items that open them, and the google.script.run targets they call.
 * Every target takes and returns JSON-safe data (ISO days, never Dates). A save takes the
 * document lock, reads the workbook inside it, validates the whole payload with the same zod
 * schema as the sidebar, and writes nothing when any field is wrong.
 */
import { isCalendarDay } from '../domain/calendar-day';
import { UserError } from '../domain/user-error';
import { WorkbookFormatError } from '../domain/workbook-format-error';
import { SHEET } from '../domain/workbook-schema';
import type { SkippableSheet } from '../domain/read-workbook';
import type { AttendanceSheetRow } from '../forms/attendance-schema';
import type { ObjectiveProgress } from '../forms/evaluation-schema';
import { type FormAnswer, formRefusal } from '../forms/form-answer';
import type { FormContext } from '../forms/form-context';
import { withDocumentLock } from '../sheets/document-lock';
import { attendanceSessionIn, saveAttendanceIn } from '../sheets/forms/attendance-save';
import { objectiveProgressIn, saveEvaluationIn } from '../sheets/forms/evaluation-save';
import { type FormWorkbook, readFormWorkbook } from '../sheets/forms/form-workbook';
import { saveAdmissionIn, saveAdmitIn, saveExitIn, saveRenewalIn } from '../sheets/forms/participants-saves';
import { saveSupportIn, supportOverviewIn } from '../sheets/forms/support-save';
import type { BarrierStatus, RecentAction } from '../forms/support-schema';
import { spreadsheetCalendar } from '../sheets/spreadsheet-calendar';
import { runFromMenu } from './user-messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sidebar page (dist/<page>.html) and title of each form. */
export const FORM_PAGES = {
  admission: { page: 'Admission', title: 'Nouvelle admission' },
  admit: { page: 'AdmitCandidate', title: 'Admettre un candidat' },
  attendance: { page: 'Attendance', title: 'Saisir les présences' },
  evaluation: { page: 'Evaluation', title: 'Nouvelle évaluation' },
  exit: { page: 'Exit', title: 'Enregistrer une sortie' },
  renewal: { page: 'Renewal', title: 'Renouveler le contrat' },
  support: { page: 'Support', title: 'Accompagnement' },
} as const;

function showForm(form: keyof typeof FORM_PAGES): void {
  const { page, title } = FORM_PAGES[form];
  runFromMenu(title, () => {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(page).setTitle(title));
  });
}

export function menuNewAdmission(): void {
  showForm('admission');
}
export function menuAdmitCandidate(): void {
  showForm('admit');
}
export function menuAttendance(): void {
  showForm('attendance');
}
export function menuNewEvaluation(): void {
  showForm('evaluation');
}
export function menuRecordExit(): void {
  showForm('exit');
}
export function menuRenewContract(): void {
  showForm('renewal');
}
export function menuSupport(): void {
  showForm('support');
}

/** A problem the coordinator can fix (unconfigured workbook, lock busy) becomes a refusal of the whole form. */
function answering<T extends object>(work: () => FormAnswer<T>): FormAnswer<T> {
  try {
    return work();
  } catch (error) {
    if (error instanceof UserError || error instanceof WorkbookFormatError) return formRefusal(error.message);
    throw error;
  }
}

/** `needs`: which of the two large sheets the handler uses (the others are not read). */
function reading<T extends object>(
  work: (wb: FormWorkbook) => FormAnswer<T>,
  needs: readonly SkippableSheet[] = [],
): FormAnswer<T> {
  return answering(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return work(readFormWorkbook(ss, spreadsheetCalendar(ss), needs));
  });
}

function saving<T extends object>(
  save: (ss: Spreadsheet, wb: FormWorkbook) => FormAnswer<T>,
  needs: readonly SkippableSheet[] = [],
): FormAnswer<T> {
  return answering(() =>
    withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      return save(ss, readFormWorkbook(ss, spreadsheetCalendar(ss), needs));
    }),
  );
}

/** Lists, parameters and parcours every sidebar needs, read when it opens. */
export function getFormContext(): FormAnswer<{ context: FormContext }> {
  return reading((wb) => ({ ok: true, context: wb.context }));
}

/** The rows of one session (saved ones first) for the attendance sidebar. */
export function getAttendanceSession(workshop: string, date: string): FormAnswer<{ rows: AttendanceSheetRow[] }> {
  if (typeof workshop !== 'string' || !isCalendarDay(date)) return formRefusal('Choisissez un atelier et une date.');
  return reading((wb) => ({ ok: true, rows: attendanceSessionIn(wb, workshop, date) }), [SHEET.attendance]);
}

/** The objectives of the catalogue with the participant's last level for each. */
export function getObjectiveProgress(id: string): FormAnswer<{ objectives: ObjectiveProgress[] }> {
  if (typeof id !== 'string' || id === '') return formRefusal('Choisissez un participant.');
  return reading((wb) => ({ ok: true, objectives: objectiveProgressIn(wb, id) }), [SHEET.evaluations]);
}

/** The participant's barriers (latest state) and latest support actions, for « Accompagnement… ». */
export function getSupportOverview(id: string): FormAnswer<{ barriers: BarrierStatus[]; actions: RecentAction[] }> {
  if (typeof id !== 'string' || id === '') return formRefusal('Choisissez un participant.');
  return reading((wb) => ({ ok: true, ...supportOverviewIn(wb, id) }), [SHEET.support]);
}

export function saveSupport(payload: unknown): FormAnswer<{ id: string; row: number }> {
  return saving((ss, wb) => saveSupportIn(ss, wb, payload), [SHEET.support]);
}

export { generateFiche, menuParcoursSheet } from './fiche-handlers';

export function saveAdmission(payload: unknown): FormAnswer<{ id: string; row: number; status: string }> {
  return saving((ss, wb) => saveAdmissionIn(ss, wb, payload));
}

export function admitCandidate(payload: unknown): FormAnswer<{ id: string; row: number }> {
  return saving((ss, wb) => saveAdmitIn(ss, wb, payload));
}

export function saveAttendance(payload: unknown): FormAnswer<{ updated: number; added: number }> {
  return saving((ss, wb) => saveAttendanceIn(ss, wb, payload), [SHEET.attendance]);
}

export function saveEvaluation(payload: unknown): FormAnswer<{ added: number }> {
  return saving((ss, wb) => saveEvaluationIn(ss, wb, payload), [SHEET.evaluations]);
}

export function recordExit(payload: unknown): FormAnswer<{ id: string; row: number; category: string | null }> {
  return saving((ss, wb) => saveExitIn(ss, wb, payload));
}

export function renewContract(payload: unknown): FormAnswer<{ id: string; row: number; contractEnd: string }> {
  return saving((ss, wb) => saveRenewalIn(ss, wb, payload));
}
