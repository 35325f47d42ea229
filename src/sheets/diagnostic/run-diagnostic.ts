import {
  DATE_CELL_DAY,
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_INSTANTS,
  DIAGNOSTIC_ZONES,
  type DiagnosticObservations,
  midnightIn,
  observedCell,
} from '../../diagnostic/diagnostic-rules';
import { TYPED_TEXT_CASES } from '../../diagnostic/typed-text-cases';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The scratch sheet's name: unlikely to be a team's own sheet, and removed at the end whatever happens. */
export const SCRATCH_SHEET = 'Parcours — diagnostic (temporaire)';

/**
 * Looks at what this Sheet and this Apps Script really do, for each rule of the runtime. Writes
 * only in a scratch sheet, deleted afterwards even when a step fails; one setValues per column of
 * typed strings, so the whole run stays a few dozen service calls plus one formatDate per sample.
 */
export function observeSpreadsheet(ss: Spreadsheet): DiagnosticObservations {
  const o: DiagnosticObservations = {
    spreadsheetZone: ss.getSpreadsheetTimeZone(),
    spreadsheetLocale: ss.getSpreadsheetLocale(),
    scriptZone: Session.getScriptTimeZone(),
    formatDate: {},
    dateCell: '',
    typed: [],
    documentLock: null,
    activeUserEmail: '',
    effectiveUserEmail: '',
    failure: null,
  };
  try {
    for (const zone of DIAGNOSTIC_ZONES) {
      for (const iso of DIAGNOSTIC_INSTANTS) o.formatDate[`${zone}|${iso}`] = Utilities.formatDate(new Date(iso), zone, DIAGNOSTIC_FORMAT);
    }
    o.activeUserEmail = Session.getActiveUser().getEmail();
    o.effectiveUserEmail = Session.getEffectiveUser().getEmail();
    const lock = LockService.getDocumentLock();
    if (lock) {
      o.documentLock = lock.tryLock(10_000);
      if (o.documentLock) lock.releaseLock();
    }
    observeCells(ss, o);
  } catch (error) {
    o.failure = error instanceof Error ? error.message : String(error);
  }
  return o;
}

function observeCells(ss: Spreadsheet, o: DiagnosticObservations): void {
  const stale = ss.getSheetByName(SCRATCH_SHEET);
  if (stale) ss.deleteSheet(stale);
  const scratch = ss.insertSheet(SCRATCH_SHEET);
  try {
    const n = TYPED_TEXT_CASES.length;
    const inputs = TYPED_TEXT_CASES.map((c) => [c.input]);
    scratch.getRange(1, 2, n, 1).setNumberFormat('@');
    scratch.getRange(1, 1, n, 1).setValues(inputs);
    scratch.getRange(1, 2, n, 1).setValues(inputs);
    scratch.getRange(1, 3).setValue(midnightIn(DATE_CELL_DAY, o.spreadsheetZone));
    const range = scratch.getRange(1, 1, n, 3);
    const values = range.getValues();
    const formulas = range.getFormulas();
    o.typed = values.map((row, i) => ({
      automatic: observedCell(row[0], formulas[i]?.[0] ?? ''),
      plainText: observedCell(row[1], formulas[i]?.[1] ?? ''),
    }));
    const date = observedCell(values[0]?.[2], '');
    o.dateCell = String(date.value);
  } finally {
    ss.deleteSheet(scratch);
  }
}
