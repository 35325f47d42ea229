import type { LoadedBundle } from '../../runtime/bundle-loader';
import { createSpreadsheetModel, type SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { textCell, encodeRow } from '../../src/domain/cell-output';
import { mapHeaders } from '../../src/domain/header-map';
import { normalizeKey } from '../../src/domain/text';
import { PARAMETER, SHEET, type SheetName, sheetSpec } from '../../src/domain/workbook-schema';
import { buildDemoWorkbook } from '../../src/demo/demo-workbook';
import { loadDist } from '../support/built-bundle';

export const AS_OF = '2026-11-20';
export const NOW = new Date(`${AS_OF}T12:00:00Z`);
export const COORDINATOR = 'coordination@exemple.fr';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function spreadsheetOf(bundle: LoadedBundle): Spreadsheet {
  const app = bundle.runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return app.getActiveSpreadsheet();
}

/** Rows of a sheet as getValues gives them (header first). */
export function tableOf(bundle: LoadedBundle, name: string): unknown[][] {
  const sheet = spreadsheetOf(bundle).getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

/**
 * A configured workbook holding the demo structure at `parcoursCount`, its attendance cut to
 * `attendanceLimit` rows, and a coordinator address in Paramètres. Returns the model to reopen.
 */
export function buildWorkbook(parcoursCount: number, attendanceLimit: number): SpreadsheetModel {
  const model = createSpreadsheetModel('Parcours — test');
  const bundle = loadDist({ model, now: NOW });
  bundle.call('cliInit_');
  const demo = buildDemoWorkbook({ asOf: AS_OF, parcoursCount, workshopCount: 6 });
  const ss = spreadsheetOf(bundle);
  const tables: [SheetName, readonly object[]][] = [
    [SHEET.workshops, demo.workshops],
    [SHEET.funders, demo.funders],
    [SHEET.participants, demo.parcours],
    [SHEET.attendance, demo.attendance.slice(0, attendanceLimit)],
    [SHEET.evaluations, demo.evaluations],
  ];
  for (const [name, records] of tables) {
    const sheet = ss.getSheetByName(name)!;
    const spec = sheetSpec(name);
    const map = mapHeaders(spec, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!);
    const rows = records.map((r) => encodeRow(spec.fields, map, r as Record<string, unknown>, 'Europe/Paris'));
    // Room for the rows the tests type by hand below the data.
    if (sheet.getMaxRows() < rows.length + 50) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 50 - sheet.getMaxRows());
    sheet.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows);
  }
  setParameter(model, PARAMETER.coordinatorEmails, COORDINATOR);
  setParameter(model, PARAMETER.structureName, demo.structureName);
  return model;
}

/** Writes a `Paramètres` value (the sheet as setup writes it: Paramètre | Valeur). */
export function setParameter(model: SpreadsheetModel, name: string, value: string | number): void {
  const parameters = spreadsheetOf(loadDist({ model, now: NOW })).getSheetByName(SHEET.parameters)!;
  const values = parameters.getDataRange().getValues();
  const index = values.findIndex((row) => normalizeKey(String(row[0])) === normalizeKey(name));
  parameters.getRange(index + 1, 2).setValue(typeof value === 'string' ? textCell(value) : value);
}

export function openWorkbook(model: SpreadsheetModel, options: { withUi?: boolean; authMode?: 'FULL' | 'LIMITED' } = {}): LoadedBundle {
  return loadDist({ model, now: NOW, ...options });
}
