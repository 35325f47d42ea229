/**
 * The entry of the Apps Script bundle. Everything exported here becomes a top-level function of
 * dist/Code.js (scripts/build.mjs writes one stub per export), because Apps Script only calls
 * top-level functions: simple triggers, menu items, google.script.run and the local command line.
 * Names ending in `_` are private in Apps Script (hidden from google.script.run): the command line's.
 */
import { handleEdit } from './followup-handlers';
import { buildMenu } from './menu';

export { cliCheck_, cliDemo_, cliInit_ } from './cli-entry';
export { menuDiagnostic, runDiagnostic } from './diagnostic-handlers';
export { cliFiche_ } from './fiche-handlers';
export { menuConfigureWorkbook } from './setup-handlers';
export {
  cliBenchWorkbook_,
  cliReport_,
  generateSummaryFromDialog,
  menuGenerateSummary,
  summaryDialogChoices,
} from './report-handlers';
export {
  applyAdoption,
  getAdoptionChoices,
  getAdoptionProposal,
  getDeadlines,
  menuAdoptWorkbook,
  menuAnonymise,
  menuCheckData,
  menuDisableDigest,
  menuEnableDigest,
  menuShowDeadlines,
  menuWriteDeadlinesSheet,
  sendDeadlinesDigest,
  writeDeadlines,
} from './followup-handlers';
export {
  admitCandidate,
  getAttendanceSession,
  getFormContext,
  getObjectiveProgress,
  menuAdmitCandidate,
  menuAttendance,
  menuNewAdmission,
  menuNewEvaluation,
  menuRecordExit,
  menuRenewContract,
  menuSupport,
  menuParcoursSheet,
  generateFiche,
  getSupportOverview,
  saveSupport,
  recordExit,
  renewContract,
  saveAdmission,
  saveAttendance,
  saveEvaluation,
} from './form-handlers';

/** Simple trigger: may run in AuthMode.NONE, so it only builds the menu. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/** Add-on idiom: installing from the Marketplace does not fire onOpen for the open document. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Simple trigger: checks what a person types by hand in Participants, Présences, Évaluations. */
export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(event);
}
