import { midnightInZone } from '../../domain/calendar-day';
import {
  DATE_CELL_DAY,
  DIAGNOSTIC_FORMAT,
  DIAGNOSTIC_INSTANTS,
  DIAGNOSTIC_ZONES,
  type DiagnosticObservations,
  observedCell,
} from '../../diagnostic/diagnostic-rules';
import { FORMULA_CASES, FORMULA_INPUT_VALUE, formulaFor, PARCOURS_LINK_FORMULA } from '../../diagnostic/formula-cases';
import { TYPED_TEXT_CASES } from '../../diagnostic/typed-text-cases';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The scratch sheet's name: unlikely to be a team's own sheet, and removed at the end whatever happens. */
export const SCRATCH_SHEET = 'Parcours — diagnostic (temporaire)';

/**
 * Looks at what this Sheet and this Apps Script really do, for each rule of the runtime. Writes
 * only in a scratch sheet, deleted afterwards even when a step fails; one write per column of
 * typed strings or formulas, so the whole run stays a few dozen service calls plus one formatDate
 * per sample.
 */
export function observeSpreadsheet(ss: Spreadsheet): DiagnosticObservations {
  const o: DiagnosticObservations = {
    spreadsheetZone: ss.getSpreadsheetTimeZone(),
    spreadsheetLocale: ss.getSpreadsheetLocale(),
    scriptZone: Session.getScriptTimeZone(),
    formatDate: {},
    dateCell: '',
    typed: [],
    formulas: [],
    linkWrittenAsValue: observedCell('', ''),
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
    // Columns: A typed strings (automatic format), B the same in plain text, C a date, D1 the number
    // the formulas read (FORMULA_INPUT_CELL), E the formulas written with setFormulas, F Parcours' link written with setValues.
    const n = TYPED_TEXT_CASES.length;
    const f = FORMULA_CASES.length;
    const inputs = TYPED_TEXT_CASES.map((c) => [c.input]);
    scratch.getRange(1, 2, n, 1).setNumberFormat('@');
    scratch.getRange(1, 1, n, 1).setValues(inputs);
    scratch.getRange(1, 2, n, 1).setValues(inputs);
    scratch.getRange(1, 3, 1, 2).setValues([[midnightInZone(DATE_CELL_DAY, o.spreadsheetZone), FORMULA_INPUT_VALUE]]);
    scratch.getRange(1, 5, f, 1).setFormulas(FORMULA_CASES.map((c) => [formulaFor(c)]));
    scratch.getRange(1, 6).setValues([[PARCOURS_LINK_FORMULA]]);
    const range = scratch.getRange(1, 1, Math.max(n, f), 6);
    const values = range.getValues();
    const formulas = range.getFormulas();
    o.typed = values.slice(0, n).map((row, i) => ({
      automatic: observedCell(row[0], formulas[i]?.[0] ?? ''),
      plainText: observedCell(row[1], formulas[i]?.[1] ?? ''),
    }));
    o.formulas = values.slice(0, f).map((row, i) => observedCell(row[4], formulas[i]?.[4] ?? ''));
    o.linkWrittenAsValue = observedCell(values[0]?.[5], formulas[0]?.[5] ?? '');
    const date = observedCell(values[0]?.[2], '');
    o.dateCell = String(date.value);
  } finally {
    ss.deleteSheet(scratch);
  }
}
