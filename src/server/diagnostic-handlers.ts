/**
 * « Diagnostic » (menu Parcours): run once in a real Sheet after the first `clasp push`. It
 * checks every assumption the local runtime makes and names, in French, each rule this Sheet
 * contradicts (the tests are only as true as the runtime). One Journal line records the result.
 */
import { type DiagnosticReport, evaluateDiagnostic, intlFormat } from '../diagnostic/diagnostic-rules';
import { observeSpreadsheet } from '../sheets/diagnostic/run-diagnostic';
import { appendJournal } from '../sheets/journal';
import { runFromMenu } from './user-messages';

export const DIAGNOSTIC_TITLE = 'Diagnostic de Parcours';

export function menuDiagnostic(): void {
  runFromMenu(DIAGNOSTIC_TITLE, () => {
    const page = HtmlService.createHtmlOutputFromFile('Diagnostic').setWidth(720).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(page, DIAGNOSTIC_TITLE);
  });
}

/** google.script.run: runs the checks and returns the report (plain data, ISO strings only). */
export function runDiagnostic(): DiagnosticReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const observations = observeSpreadsheet(ss);
  const today = intlFormat(new Date(), observations.spreadsheetZone).slice(0, 10);
  const report = evaluateDiagnostic(observations, today);
  const detail =
    report.contradicted.length === 0
      ? `Aucune règle contredite (fuseau ${report.spreadsheetZone}, ${report.spreadsheetLocale})`
      : `${report.contradicted.length} règle(s) contredite(s) : ${report.contradicted.join(' ; ')}`;
  appendJournal(ss, [{ action: 'Diagnostic', sheet: '', detail }]);
  return report;
}
