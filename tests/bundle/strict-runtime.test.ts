/** The built dist/Code.js under the runtime's strictest settings: AuthMode.NONE and requireDocumentLockFor. */
import { WORKBOOK_SCHEMA } from '../../src/domain/workbook-schema';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { loadDist } from '../support/built-bundle';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

describe('AuthMode.NONE (onOpen of an add-on not yet enabled in this document)', () => {
  it('onOpen builds the whole menu, and the document stays out of reach', () => {
    const bundle = loadDist({ authMode: 'NONE' });
    bundle.call('onOpen', { authMode: 'NONE' });
    expect(bundle.runtime.ui.menus).toHaveLength(1);
    expect(bundle.runtime.ui.menus[0]!.items.map((item: { caption: string }) => item.caption)).toContain('Configurer le classeur');
    const app = bundle.runtime.globals['SpreadsheetApp'] as SpreadsheetApp;
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'Exception: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet (authorization mode NONE, LIMITED required).',
    );
  });

  it('a Range obtained earlier cannot be read once the execution runs in NONE', () => {
    const bundle = loadDist();
    const app = bundle.runtime.globals['SpreadsheetApp'] as SpreadsheetApp;
    const range = app.getActiveSpreadsheet().getSheets()[0]!.getRange('A1');
    bundle.runtime.setAuthMode('NONE');
    expect(() => range.getValues()).toThrow('You do not have permission to call Range.getValues');
    expect(() => range.setValue('x')).toThrow('You do not have permission to call Range.setValue');
    bundle.runtime.setAuthMode('FULL');
    expect(range.getValue()).toBe('');
  });

  it('« Configurer le classeur » run in NONE writes nothing', () => {
    const model = createSpreadsheetModel();
    const bundle = loadDist({ model, authMode: 'NONE' });
    expect(() => bundle.call('cliInit_')).toThrow(/You do not have permission/);
    expect(model.sheets.map((s) => s.name)).toEqual(['Feuille 1']);
  });
});

describe('requireDocumentLockFor every sheet of SPEC §1', () => {
  const sheetNames = WORKBOOK_SCHEMA.map((spec) => spec.name);

  it('« Configurer le classeur » and saveAdmission (google.script.run) write only under the document lock', () => {
    const model = createSpreadsheetModel();
    const now = new Date('2026-11-20T12:00:00Z');
    const setup = loadDist({ model, now, requireDocumentLockFor: sheetNames });
    expect(setup.call<{ ok: boolean }>('cliInit_').ok).toBe(true);
    expect(setup.runtime.lockViolations).toEqual([]);

    const bundle = loadDist({ model, now, requireDocumentLockFor: sheetNames });
    const answer = bundle.call<{ ok: boolean; id?: string }>('saveAdmission', {
      lastName: 'Lambert',
      firstName: 'Chloé',
      birthDate: '1988-02-29',
      sex: 'F',
      entryDate: '2026-11-02',
    });
    expect(answer).toMatchObject({ ok: true, id: 'P-2026-0001' });
    expect(bundle.runtime.lockViolations).toEqual([]);
    expect(bundle.runtime.calls.count('Range.setValues')).toBe(2);
    const app = bundle.runtime.globals['SpreadsheetApp'] as SpreadsheetApp;
    const participants = app.getActiveSpreadsheet().getSheetByName('Participants')!;
    expect(participants.getRange(2, 1, 1, 3).getValues()[0]).toEqual(['P-2026-0001', 'Lambert', 'Chloé']);
  });

  it('the same write from the test side, without the lock, is refused', () => {
    const model = createSpreadsheetModel();
    loadDist({ model }).call('cliInit_');
    const bundle = loadDist({ model, requireDocumentLockFor: sheetNames });
    const app = bundle.runtime.globals['SpreadsheetApp'] as SpreadsheetApp;
    const journal = app.getActiveSpreadsheet().getSheetByName('Journal')!;
    expect(() => journal.appendRow(['x'])).toThrow('Sheet.appendRow on sheet "Journal" without the document lock');
    expect(bundle.runtime.lockViolations).toHaveLength(1);
  });
});
