/**
 * The `SpreadsheetApp` global of the local Apps Script runtime: strict in-memory fakes over a
 * SpreadsheetModel, counting every call in `ctx.calls`.
 */
import type { RuntimeContext } from '../runtime-context';
import { AppsScriptException } from '../runtime-context';
import { FakeDataValidationBuilder } from './data-validation';
import type { FakeSpreadsheet } from './fake-spreadsheet';
import {
  BorderStyle,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  WrapStrategy,
} from './spreadsheet-enums';
import type { SpreadsheetModel } from './spreadsheet-model';
import { SpreadsheetSession } from './spreadsheet-session';

export { type ToastRecord, toasts } from './fake-spreadsheet';

export function createSpreadsheetApp(
  model: SpreadsheetModel,
  ctx: RuntimeContext,
  ui: GoogleAppsScript.Base.Ui | null,
): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const session = new SpreadsheetSession(model, ctx, ui);
  const app = {
    DataValidationCriteria,
    ProtectionType,
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    BorderStyle,
    Dimension,
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
