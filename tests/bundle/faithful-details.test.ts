import type { LoadedBundle } from '../../runtime/bundle-loader';
import { mapHeaders } from '../../src/domain/header-map';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { SHEET, type SheetName, sheetSpec, WORKBOOK_SCHEMA } from '../../src/domain/workbook-schema';
import { buildWorkbook, COORDINATOR, NOW, openWorkbook, spreadsheetOf, tableOf } from '../followup/workbook-fixture';
import { loadDist } from '../support/built-bundle';

/** Details where Google is less kind than a naive runtime, on the built bundle. */

const model = buildWorkbook(20, 100);

function columnOf(bundle: LoadedBundle, sheet: SheetName, key: string): number {
  return mapHeaders(sheetSpec(sheet), tableOf(bundle, sheet)[0]!).columns[key]! + 1;
}

function journalUsers(bundle: LoadedBundle): string[] {
  return tableOf(bundle, SHEET.journal)
    .slice(1)
    .map((row) => String(row[1]));
}

describe('who is there', () => {
  test('in a simple trigger (onEdit) Google does not tell: the Journal says « utilisateur inconnu »', () => {
    const copy = structuredClone(model);
    const probe = openWorkbook(copy);
    const participants = spreadsheetOf(probe).getSheetByName(SHEET.participants)!;
    const row = participants.getLastRow() + 1;
    participants.getRange(row, columnOf(probe, SHEET.participants, 'id')).setValue('P-2026-9001');
    participants.getRange(row, columnOf(probe, SHEET.participants, 'lastName')).setValue('Essai');
    const before = journalUsers(probe).length;

    const trigger = openWorkbook(copy, { authMode: 'LIMITED' });
    const session = trigger.runtime.globals['Session'] as GoogleAppsScript.Base.Session;
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('');
    const range = spreadsheetOf(trigger).getSheetByName(SHEET.participants)!.getRange(row, columnOf(trigger, SHEET.participants, 'entryDate'));
    range.setValue('02/11/2026');
    trigger.call('onEdit', { range, source: spreadsheetOf(trigger), value: '02/11/2026' });
    const users = journalUsers(trigger);
    expect(users.length).toBeGreaterThan(before);
    expect(users.slice(before)).toEqual(users.slice(before).map(() => 'utilisateur inconnu'));
  });

  test('from a sidebar (full authorization) the Journal names the coordinator', () => {
    const copy = structuredClone(model);
    const bundle = openWorkbook(copy);
    const answer = bundle.call<{ ok: boolean }>('saveAdmission', {
      lastName: 'Essai',
      firstName: 'Journal',
      birthDate: '1990-01-01',
      sex: 'F',
      entryDate: '2026-11-02',
    });
    expect(answer.ok).toBe(true);
    expect(journalUsers(bundle).at(-1)).toBe(COORDINATOR);
  });
});

describe('LockService.getDocumentLock() may return null', () => {
  const REFUSAL = 'Verrou du classeur indisponible : réessayez depuis le classeur.';
  const open = () => loadDist({ model: structuredClone(model), now: NOW, userEmail: COORDINATOR, documentLockUnavailable: true });

  test('the runtime can give null, as Google does outside an open document', () => {
    const bundle = open();
    expect((bundle.runtime.globals['LockService'] as GoogleAppsScript.Lock.LockService).getDocumentLock()).toBeNull();
  });

  test.each([
    ['saveAdmission', { lastName: 'Essai', firstName: 'Verrou', birthDate: '1990-01-01', sex: 'F', entryDate: '2026-11-02' }],
    ['admitCandidate', { id: 'P-2026-0001', entryDate: '2026-11-02' }],
    ['saveAttendance', { workshop: 'x', date: '2026-11-16', rows: [] }],
    ['saveEvaluation', { id: 'P-2026-0001', date: '2026-11-16', items: [] }],
    ['recordExit', { id: 'P-2026-0001', exitDate: '2026-11-18', exitReason: 'Abandon' }],
    ['renewContract', { id: 'P-2026-0001', months: 6 }],
  ])('%s is refused in French and writes nothing', (fn, payload) => {
    const bundle = open();
    bundle.runtime.calls.reset();
    expect(bundle.call(fn, payload)).toEqual({ ok: false, errors: { _form: REFUSAL } });
    expect(bundle.runtime.calls.writes()).toEqual({});
  });

  test.each(['menuConfigureWorkbook', 'menuCheckData', 'menuWriteDeadlinesSheet'])('%s shows the refusal and writes nothing', (fn) => {
    const bundle = open();
    bundle.runtime.ui.queueResponse('OK');
    bundle.runtime.calls.reset();
    bundle.call(fn);
    expect(bundle.runtime.calls.writes()).toEqual({});
    expect(bundle.runtime.ui.dialogs.map((d) => d.prompt).join('\n')).toContain(REFUSAL);
  });
});

describe('Sheets’ 10-million-cell cap', () => {
  const CAP = 'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

  test('empty grid cells count: growing a grid past the cap is refused with Google’s message', () => {
    const big = createSpreadsheetModel('Très grand');
    big.sheets[0]!.maxRows = 384_000; // × 26 columns = 9,984,000 cells, all empty
    const ss = spreadsheetOf(loadDist({ model: big, now: NOW }));
    const sheet = ss.getSheets()[0]!;
    expect(() => ss.insertSheet('Encore une')).toThrow(CAP);
    expect(() => sheet.insertRowsAfter(1, 1000)).toThrow(CAP);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(CAP);
    sheet.insertRowsAfter(1, 600);
    expect(sheet.getMaxRows()).toBe(384_600);
  });

  test('« Configurer le classeur » keeps each grid to its columns, and a team’s own column stays', () => {
    const fresh = createSpreadsheetModel('Neuf');
    const bundle = loadDist({ model: fresh, now: NOW });
    const ss = spreadsheetOf(bundle);
    // A team's own column, typed before setup, past the 26 columns of a new sheet.
    const presences = ss.insertSheet(SHEET.attendance);
    presences.insertColumnsAfter(26, 4);
    presences.getRange(1, 30).setValue('Remarque de l’équipe');
    bundle.call('cliInit_');
    for (const spec of WORKBOOK_SCHEMA) {
      const sheet = ss.getSheetByName(spec.name)!;
      const expected = spec.name === SHEET.attendance ? 30 + spec.fields.length : spec.fields.length;
      expect({ sheet: spec.name, columns: sheet.getMaxColumns() }).toEqual({ sheet: spec.name, columns: Math.max(expected, sheet.getLastColumn()) });
      expect(sheet.getMaxColumns()).toBe(sheet.getLastColumn());
    }
    expect(presences.getRange(1, 30).getValue()).toBe('Remarque de l’équipe');
    // Configured already: a second run changes nothing.
    bundle.runtime.calls.reset();
    bundle.call('cliInit_');
    expect(bundle.runtime.calls.writes()).toEqual({});
  });
});

describe('formula cells read back computed, as in Sheets', () => {
  test('a formula set in the built bundle’s runtime gives its value, and follows later writes', () => {
    const bundle = openWorkbook(structuredClone(model));
    const sheet = spreadsheetOf(bundle).getSheetByName(SHEET.participants)!;
    const rows = sheet.getLastRow();
    const free = sheet.getLastColumn() + 1;
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, free).setFormula('=COUNTA(A:A)-1');
    expect(sheet.getRange(1, free).getValue()).toBe(rows - 1);
    sheet.getRange(rows + 1, 1).setValue('P-2026-9002');
    expect(sheet.getRange(1, free).getValue()).toBe(rows);
    expect(sheet.getRange(1, free).getFormula()).toBe('=COUNTA(A:A)-1');
  });

  test('the add-in reads a team formula’s value: a birth date computed as a date that does not exist is a data issue', () => {
    const birthIssues = (formula: string) => {
      const bundle = openWorkbook(structuredClone(model));
      const birth = columnOf(bundle, SHEET.participants, 'birthDate');
      spreadsheetOf(bundle).getSheetByName(SHEET.participants)!.getRange(2, birth).setFormula(formula);
      const { issues } = bundle.call('cliCheck_') as { issues: { sheet: string; row: number; column: string; message: string }[] };
      return issues.filter((i) => i.sheet === SHEET.participants && i.row === 2 && i.column === 'Date de naissance').map((i) => i.message);
    };
    expect(birthIssues('=CONCATENATE("31";"/02/1990")')).toEqual(["Cette date n'existe pas (jour ou mois hors du calendrier) : écrivez-la jj/mm/aaaa."]);
    expect(birthIssues('=DATE(1990;2;1)')).toEqual([]);
  });
});
