import * as vm from 'node:vm';
import type { Realm } from '../../runtime/runtime-context';
import { fakeApp } from './fake-app';

describe('call counting', () => {
  test('a job doing one getValues and one setValues records exactly those calls and cells', () => {
    const { ss, ctx } = fakeApp();
    const sheet = ss.getSheetByName('Feuille 1')!;
    const range = sheet.getRange(2, 1, 3, 4);
    ctx.calls.reset();
    const values = range.getValues();
    range.setValues(values.map((row) => row.map(() => 'ok')));
    expect(ctx.calls.snapshot()).toEqual({ 'Range.getValues': 1, 'Range.setValues': 1 });
    expect(ctx.calls.countKind('read')).toBe(1);
    expect(ctx.calls.countKind('write')).toBe(1);
    expect(ctx.calls.cellsRead).toBe(12);
    expect(ctx.calls.cellsWritten).toBe(12);
  });

  test('navigation, styling and metadata calls are named Class.method with their kind', () => {
    const { ss, ctx } = fakeApp();
    ctx.calls.reset();
    const sheet = ss.insertSheet('Bilan');
    sheet.getRange('A1').setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.addDeveloperMetadata('parcours.generated');
    sheet.getLastRow();
    expect(ctx.calls.snapshot()).toEqual({
      'Range.setFontWeight': 1,
      'Sheet.addDeveloperMetadata': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getRange': 1,
      'Sheet.setFrozenRows': 1,
      'Spreadsheet.insertSheet': 1,
    });
    expect(ctx.calls.writes()).toEqual({
      'Range.setFontWeight': 1,
      'Sheet.addDeveloperMetadata': 1,
      'Sheet.setFrozenRows': 1,
      'Spreadsheet.insertSheet': 1,
    });
  });
});

describe('realm', () => {
  test('getValues gives Dates and arrays of the vm realm', () => {
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Array, Object, Error, TypeError })', context) as Realm;
    const { sheet } = fakeApp({ realm });
    sheet.getRange('A1:B1').setValues([[new Date('2026-01-14T23:00:00Z'), 'x']]);
    const values = sheet.getRange('A1:B1').getValues();
    expect(values instanceof realm.Array).toBe(true);
    expect(values[0] instanceof realm.Array).toBe(true);
    expect(values[0]![0] instanceof realm.Date).toBe(true);
    expect(values[0]![0] instanceof Date).toBe(false);
    expect((values[0]![0] as Date).getTime()).toBe(Date.UTC(2026, 0, 14, 23));
  });

  test('values written from the vm realm (its Dates and arrays) are accepted', () => {
    const context = vm.createContext({});
    const { sheet } = fakeApp();
    const data = vm.runInContext('[[new Date(Date.UTC(1985, 6, 13, 22)), 2.5]]', context) as unknown[][];
    sheet.getRange('A1:B1').setValues(data);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('14/07/1985');
    expect(sheet.getRange('B1').getValue()).toBe(2.5);
  });
});
