import type { LoadedBundle } from '../../runtime/bundle-loader';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { fillDown, userEdit } from '../../runtime/user-edit';
import { mapHeaders } from '../../src/domain/header-map';
import { SHEET, sheetSpec } from '../../src/domain/workbook-schema';
import { buildWorkbook, openWorkbook, spreadsheetOf } from './workbook-fixture';

jest.setTimeout(120_000);

/**
 * Issue 9 item 3: onEdit never rewrites what a person typed or pasted. Derived cells (Fin de période
 * d'essai, Fin de contrat, Statut, Heures) are filled only when empty; a Statut is brought up to date
 * only when it is the one Parcours derived before this edit (known from e.oldValue, single cells only).
 * Every edit goes through the runtime's model of a person typing, pasting or filling down (today 2026-11-20).
 */
let model: SpreadsheetModel;
beforeAll(() => {
  model = buildWorkbook(30, 500);
});

const P = SHEET.participants;

function columnsOf(bundle: LoadedBundle): Record<string, number> {
  const sheet = spreadsheetOf(bundle).getSheetByName(P)!;
  const map = mapHeaders(sheetSpec(P), sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!);
  return Object.fromEntries(Object.entries(map.columns).map(([key, index]) => [key, index + 1]));
}

/** What a cell shows (dates as dd/MM/yyyy). */
function shown(bundle: LoadedBundle, row: number, key: string): string {
  return spreadsheetOf(bundle).getSheetByName(P)!.getRange(row, columnsOf(bundle)[key]!).getDisplayValue();
}

/** A fresh row below the data with an ID and a name, typed without triggering anything. */
function newRow(bundle: LoadedBundle, id: string): number {
  const sheet = spreadsheetOf(bundle).getSheetByName(P)!;
  const row = sheet.getLastRow() + 1;
  const c = columnsOf(bundle);
  sheet.getRange(row, c.id!).setValue(id);
  sheet.getRange(row, c.lastName!).setValue('Exemple');
  sheet.getRange(row, c.firstName!).setValue('Inventé');
  return row;
}

function type(bundle: LoadedBundle, row: number, key: string, text: string): void {
  userEdit(bundle, P, row, columnsOf(bundle)[key]!, [[text]]);
}

describe('onEdit on a single cell', () => {
  test('a trial end typed by hand stays when the entry date is typed or changed; empty derived cells are filled', () => {
    const bundle = openWorkbook(model, { authMode: 'LIMITED' });
    const row = newRow(bundle, 'P-2026-9101');
    type(bundle, row, 'trialEnd', '15/11/2026');
    type(bundle, row, 'entryDate', '02/11/2026');
    expect(shown(bundle, row, 'trialEnd')).toBe('15/11/2026');
    expect(shown(bundle, row, 'contractEnd')).toBe('02/05/2027');
    expect(shown(bundle, row, 'status')).toBe('En parcours') // the trial typed ended on 15/11, before today;
    type(bundle, row, 'entryDate', '03/11/2026');
    expect(shown(bundle, row, 'trialEnd')).toBe('15/11/2026');
    expect(shown(bundle, row, 'contractEnd')).toBe('02/05/2027');
  });

  test('a Statut typed by hand stays; a Statut Parcours derived follows the dates', () => {
    const bundle = openWorkbook(model, { authMode: 'LIMITED' });
    const typed = newRow(bundle, 'P-2026-9102');
    type(bundle, typed, 'status', 'Sorti');
    type(bundle, typed, 'entryDate', '02/11/2026');
    expect(shown(bundle, typed, 'status')).toBe('Sorti');
    type(bundle, typed, 'entryDate', '01/10/2026');
    expect(shown(bundle, typed, 'status')).toBe('Sorti');

    const derived = newRow(bundle, 'P-2026-9103');
    type(bundle, derived, 'entryDate', '02/11/2026');
    expect(shown(bundle, derived, 'status')).toBe("Période d'essai");
    type(bundle, derived, 'exitDate', '10/11/2026');
    expect(shown(bundle, derived, 'status')).toBe('Sorti');
  });
});

describe('onEdit on a pasted block and a fill-down', () => {
  test('pasted rows keep their Statut « Sorti » and their typed trial end; only empty cells are filled', () => {
    const bundle = openWorkbook(model, { authMode: 'LIMITED' });
    const c = columnsOf(bundle);
    const first = newRow(bundle, 'P-2026-9104');
    newRow(bundle, 'P-2026-9105');
    const from = Math.min(c.entryDate!, c.trialEnd!, c.contractEnd!, c.status!);
    const to = Math.max(c.entryDate!, c.trialEnd!, c.contractEnd!, c.status!);
    const line = (entry: string, trial: string, status: string) =>
      Array.from({ length: to - from + 1 }, (_, i) => {
        const column = from + i;
        if (column === c.entryDate) return entry;
        if (column === c.trialEnd) return trial;
        if (column === c.status) return status;
        return '';
      });
    const range = userEdit(bundle, P, first, from, [line('02/09/2026', '20/09/2026', 'Sorti'), line('03/09/2026', '', '')]);
    expect(range.getNumRows()).toBe(2);
    expect(shown(bundle, first, 'status')).toBe('Sorti');
    expect(shown(bundle, first, 'trialEnd')).toBe('20/09/2026');
    expect(shown(bundle, first + 1, 'trialEnd')).toBe(''); // in the pasted range: what was pasted stays
    // A later paste of the dates only, beside the Statut typed before: « Sorti » still stays.
    userEdit(bundle, P, first, c.entryDate!, [['05/09/2026']]);
    expect(shown(bundle, first, 'status')).toBe('Sorti');
    userEdit(bundle, P, first, c.entryDate!, [['06/09/2026'], ['07/09/2026']]);
    expect(shown(bundle, first, 'status')).toBe('Sorti');
    expect(shown(bundle, first + 1, 'status')).toBe('En parcours');
  });

  test('a fill-down of entry dates keeps every trial end and Statut already there', () => {
    const bundle = openWorkbook(model, { authMode: 'LIMITED' });
    const c = columnsOf(bundle);
    const source = newRow(bundle, 'P-2026-9106');
    const rows = [newRow(bundle, 'P-2026-9107'), newRow(bundle, 'P-2026-9108')];
    const sheet = spreadsheetOf(bundle).getSheetByName(P)!;
    sheet.getRange(rows[0]!, c.trialEnd!).setValue('01/10/2026');
    sheet.getRange(rows[1]!, c.status!).setValue('Sorti');
    sheet.getRange(source, c.entryDate!).setValue('01/09/2026');
    fillDown(bundle, P, source, c.entryDate!, 1, 2);
    expect(shown(bundle, rows[0]!, 'entryDate')).toBe('01/09/2026');
    expect(shown(bundle, rows[0]!, 'trialEnd')).toBe('01/10/2026');
    expect(shown(bundle, rows[0]!, 'status')).toBe('En parcours');
    expect(shown(bundle, rows[1]!, 'trialEnd')).toBe('01/10/2026');
    expect(shown(bundle, rows[1]!, 'status')).toBe('Sorti');
    expect(shown(bundle, rows[1]!, 'contractEnd')).toBe('01/03/2027');
  });
});
