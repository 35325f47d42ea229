import { demoModel } from '../../cli/preview';
import type { LoadedBundle } from '../../runtime/bundle-loader';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { FORM_TEXT_PROBES } from '../../src/diagnostic/typed-text-cases';
import { mapHeaders } from '../../src/domain/header-map';
import { SHEET, type SheetName, sheetSpec } from '../../src/domain/workbook-schema';
import type { FormContext } from '../../src/forms/form-context';
import { DIST_DIR, loadDist } from '../support/built-bundle';

jest.setTimeout(240_000);

/**
 * SPEC §1 and §6: every string a form writes comes back exactly as typed, though Sheets reads a
 * written string as typed input (the runtime does as a fr_FR sheet: 12:30 a time, 1/2 a date…).
 * Checked in a workbook set up now (free-text columns in plain text) and in one set up before
 * (no plain-text format anywhere): the apostrophe Parcours adds must do the work alone there.
 */
const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = '2026-11-20';

let configured: SpreadsheetModel;
beforeAll(() => {
  configured = demoModel(DIST_DIR);
});

/** The same workbook as an older setup left it: no cell formatted as plain text. */
function withoutPlainText(model: SpreadsheetModel): SpreadsheetModel {
  const copy = structuredClone(model);
  for (const sheet of copy.sheets) {
    for (const row of sheet.attributes) {
      if (!row) continue;
      row.forEach((attributes, i) => {
        if (attributes?.numberFormat !== '@') return;
        delete attributes.numberFormat;
        if (Object.keys(attributes).length === 0) delete row[i];
      });
    }
  }
  return copy;
}

function lastRecord(bundle: LoadedBundle, name: SheetName): Record<string, unknown> {
  const ss = (bundle.runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
  const values = ss.getSheetByName(name)!.getDataRange().getValues();
  const map = mapHeaders(sheetSpec(name), values[0]!);
  const last = values.at(-1)!;
  return Object.fromEntries(Object.entries(map.columns).map(([key, index]) => [key, last[index]]));
}

describe.each([
  ['set up now (plain-text columns)', () => structuredClone(configured)],
  ['set up before (no plain-text format)', () => withoutPlainText(configured)],
])('a workbook %s', (_label, model) => {
  let bundle: LoadedBundle;
  let context: FormContext;
  beforeAll(() => {
    bundle = loadDist({ model: model(), now: NOW });
    context = bundle.call<{ context: FormContext }>('getFormContext').context;
  });
  const active = () => context.parcours.find((p) => p.entryDate !== null && p.entryDate <= DAY && p.exitDate === null && p.workshop !== null)!;

  test.each(FORM_TEXT_PROBES.map((probe) => [probe]))('%j typed in every free-text field comes back as typed', (probe) => {
    const admission = bundle.call<{ ok: boolean }>('saveAdmission', {
      lastName: probe,
      firstName: probe,
      birthDate: '1990-05-04',
      sex: 'F',
      commune: probe,
      referent: probe,
      observations: probe,
    });
    expect(admission.ok).toBe(true);
    const person = lastRecord(bundle, SHEET.participants);
    expect([person.lastName, person.firstName, person.commune, person.referent, person.observations]).toEqual(Array(5).fill(probe));

    const p = active();
    const evaluation = bundle.call<{ ok: boolean }>('saveEvaluation', {
      id: p.id,
      date: DAY,
      evaluator: probe,
      items: [{ domain: 'Savoir', objective: probe, level: 'Acquis', comment: probe }],
    });
    expect(evaluation.ok).toBe(true);
    const assessed = lastRecord(bundle, SHEET.evaluations);
    expect([assessed.evaluator, assessed.objective, assessed.comment]).toEqual([probe, probe, probe]);

    const attendance = bundle.call<{ ok: boolean }>('saveAttendance', {
      workshop: p.workshop,
      date: DAY,
      rows: [{ id: p.id, status: 'Présent', hours: null, comment: probe }],
    });
    expect(attendance.ok).toBe(true);
    const session = bundle.call<{ rows: { id: string; comment: string | null }[] }>('getAttendanceSession', p.workshop, DAY);
    expect(session.rows.find((r) => r.id === p.id)?.comment).toBe(probe);
  });
});

describe('« Configurer le classeur » and the plain-text format', () => {
  test('an older workbook gets it on its free-text columns, values untouched; a second run writes nothing', () => {
    const model = withoutPlainText(configured);
    // Every value stays; only the Journal gains the setup's line.
    const values = () => model.sheets.filter((s) => s.name !== SHEET.journal).map((s) => s.values);
    const before = structuredClone(values());
    const bundle = loadDist({ model, now: NOW });
    const first = bundle.call<{ ok: true; changes: string[] }>('cliInit_');
    expect(first.changes).toContain('« Participants » : format texte brut sur Nom, Prénom, Commune, Référent, Observations');
    expect(values()).toEqual(before);
    const ss = (bundle.runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const sheet = ss.getSheetByName(SHEET.participants)!;
    const map = mapHeaders(sheetSpec(SHEET.participants), sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!);
    expect(sheet.getRange(2, map.columns.observations! + 1, sheet.getMaxRows() - 1, 1).getNumberFormats().every(([f]) => f === '@')).toBe(true);
    expect(sheet.getRange(2, map.columns.birthDate! + 1).getNumberFormat()).toBe('dd/mm/yyyy');
    bundle.runtime.calls.reset();
    const second = bundle.call<{ ok: true; changes: string[] }>('cliInit_');
    expect(second.changes).toEqual([]);
    expect(bundle.runtime.calls.writes()).toEqual({});
  });
});
