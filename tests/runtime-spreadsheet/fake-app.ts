/** Builds a SpreadsheetApp fake over a fresh model for the tests of this folder. */
import { CallLog } from '../../runtime/call-log';
import { HOST_REALM, type Realm, type RuntimeContext } from '../../runtime/runtime-context';
import { createSpreadsheetApp } from '../../runtime/spreadsheet/spreadsheet-app';
import { createSpreadsheetModel, type SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';

export const USER_EMAIL = 'coordination@atelier-exemple.fr';

export interface FakeAppFixture {
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  model: SpreadsheetModel;
  ctx: RuntimeContext;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export function fakeApp(options: { model?: SpreadsheetModel; realm?: Realm; ui?: GoogleAppsScript.Base.Ui | null } = {}): FakeAppFixture {
  const model = options.model ?? createSpreadsheetModel('Suivi des parcours');
  const ctx: RuntimeContext = {
    calls: new CallLog(),
    realm: options.realm ?? HOST_REALM,
    now: () => new Date('2026-07-01T08:00:00Z'),
    userEmail: USER_EMAIL,
  };
  const app = createSpreadsheetApp(model, ctx, options.ui ?? null);
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  ctx.calls.reset();
  return { app, model, ctx, ss, sheet };
}

/** The error message a call throws ('' when it does not throw). */
export function errorOf(run: () => unknown): string {
  try {
    run();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
