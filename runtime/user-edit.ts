/**
 * A person typing, pasting or filling down in the grid, then the `onEdit` simple trigger, as Sheets
 * runs them: the values are stored as typed input (USER_ENTERED, fr_FR), then `onEdit(e)` runs with
 * the event object Google documents for simple triggers
 * (developers.google.com/apps-script/guides/triggers/events, « Edit »):
 * - `e.range`: the whole edited range (every cell of a paste or a fill-down);
 * - `e.value`: the new value, only when the range is a single cell;
 * - `e.oldValue`: the value before, only for a single cell that was not empty (a date as its serial
 *   number, `46328` for 2026-11-02: our best understanding of what Google sends);
 * - `e.source`, `e.user`, `e.authMode` (LIMITED: the bundle should be loaded so), `e.triggerUid`.
 * A paste of several cells therefore carries neither value nor oldValue.
 */
import type { LoadedBundle } from './bundle-loader';
import { wallClockOf } from './spreadsheet/zoned-time';

type Range = GoogleAppsScript.Spreadsheet.Range;

function spreadsheetOf(bundle: LoadedBundle): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (bundle.runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
}

/** Sheets' serial number of a date-time: days since 1899-12-30 of its wall clock in the zone. */
function serialOf(instant: Date, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wall - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Types (one cell) or pastes (a block) `values` at (row, column) of `sheetName`, then runs onEdit. */
export function userEdit(bundle: LoadedBundle, sheetName: string, row: number, column: number, values: string[][]): Range {
  const ss = spreadsheetOf(bundle);
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const width = values[0]?.length ?? 0;
  const range = sheet.getRange(row, column, values.length, width);
  const single = values.length === 1 && width === 1;
  const before = single ? range.getValue() : undefined;
  range.setValues(values);
  const event: Record<string, unknown> = { range, source: ss, authMode: 'LIMITED', triggerUid: 'simple-onEdit', user: {} };
  if (single) {
    event.value = values[0]![0];
    if (before !== '' && before !== undefined) event.oldValue = before instanceof Date ? String(serialOf(before, ss.getSpreadsheetTimeZone())) : String(before);
  }
  bundle.runtime.calls.reset();
  bundle.call('onEdit', event);
  return range;
}

/** Fill-down (Ctrl+D): row `row`'s cells of columns `column`…+width copied to the `count` rows below, one edit. */
export function fillDown(bundle: LoadedBundle, sheetName: string, row: number, column: number, width: number, count: number): Range {
  const sheet = spreadsheetOf(bundle).getSheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const source = sheet.getRange(row, column, 1, width).getDisplayValues()[0]!;
  return userEdit(
    bundle,
    sheetName,
    row + 1,
    column,
    Array.from({ length: count }, () => [...source]),
  );
}
