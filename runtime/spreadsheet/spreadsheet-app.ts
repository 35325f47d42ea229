/**
 * The `SpreadsheetApp` global of the local Apps Script runtime: strict in-memory fakes over a
 * SpreadsheetModel, counting every call in `ctx.calls`.
 */
import { guardPrototype } from '../realm-errors';
import type { Realm, RuntimeContext } from '../runtime-context';
import { AppsScriptException } from '../runtime-context';
import { FakeDataValidation, FakeDataValidationBuilder } from './data-validation';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, FakeDeveloperMetadataLocation } from './developer-metadata';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './embedded-chart';
import { FakeRange } from './fake-range';
import { FakeSheet } from './fake-sheet';
import { FakeSpreadsheet } from './fake-spreadsheet';
import { FakeProtection, FakeUser } from './protection';
import {
  BorderStyle,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  Direction,
  ProtectionType,
  WrapStrategy,
} from './spreadsheet-enums';
import type { SpreadsheetModel } from './spreadsheet-model';
import { type SpreadsheetPolicy, SpreadsheetSession, UNRESTRICTED_POLICY } from './spreadsheet-session';

export { type ToastRecord, toasts } from './fake-spreadsheet';

// Every Spreadsheet object holds its session: a host Error thrown by one of its methods comes out
// as an Error of that session's realm (see realm-errors.ts).
const realmOfFake = (self: unknown): Realm => (self as { session: SpreadsheetSession }).session.ctx.realm;
for (const fake of [
  FakeSpreadsheet,
  FakeSheet,
  FakeRange,
  FakeProtection,
  FakeUser,
  FakeDataValidationBuilder,
  FakeDataValidation,
  FakeDeveloperMetadata,
  FakeDeveloperMetadataLocation,
  FakeDeveloperMetadataFinder,
  FakeEmbeddedChartBuilder,
  FakeEmbeddedChart,
]) {
  guardPrototype(fake, realmOfFake);
}

export function createSpreadsheetApp(
  model: SpreadsheetModel,
  ctx: RuntimeContext,
  ui: GoogleAppsScript.Base.Ui | null,
  policy: SpreadsheetPolicy = UNRESTRICTED_POLICY,
): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const session = new SpreadsheetSession(model, ctx, ui, policy);
  const app = {
    DataValidationCriteria,
    ProtectionType,
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    BorderStyle,
    Dimension,
    Direction,
    WrapStrategy,
    getActiveSpreadsheet(): FakeSpreadsheet {
      session.record('SpreadsheetApp.getActiveSpreadsheet', 'other');
      return session.spreadsheet();
    },
    getActive(): FakeSpreadsheet {
      session.record('SpreadsheetApp.getActive', 'other');
      return session.spreadsheet();
    },
    getUi(): GoogleAppsScript.Base.Ui {
      session.record('SpreadsheetApp.getUi', 'other');
      if (!ui) throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
      return ui;
    },
    /** Writes are applied at once here, so there is nothing to flush. */
    flush(): void {
      session.record('SpreadsheetApp.flush', 'other');
    },
    newDataValidation(): FakeDataValidationBuilder {
      session.record('SpreadsheetApp.newDataValidation', 'other');
      return new FakeDataValidationBuilder(session);
    },
  };
  // Only what is implemented: the cast says "structurally a SpreadsheetApp" to the caller.
  return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}
