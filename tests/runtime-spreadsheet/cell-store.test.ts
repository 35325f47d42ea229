/**
 * The sheet's cell store: plain values in dense per-row arrays, the rare attributes (formula,
 * number format, note, validation, style) in a sparse side structure that never holds an empty
 * object, and both kept aligned when rows and columns move.
 */
import { attributesAt, cellAt, cellRows, lastColumnWithContent, lastRowWithContent, valueAt } from '../../runtime/spreadsheet/sheet-grid';
import type { SheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { fakeApp } from './fake-app';

function storedAttributes(sheet: SheetModel): number {
  let count = 0;
  for (const line of sheet.attributes) for (const a of line ?? []) if (a) count += 1;
  return count;
}

describe('cell store', () => {
  test('plain values are stored as values only: no attributes object for them', () => {
    const { model, sheet } = fakeApp();
    sheet.getRange(1, 1, 3, 2).setValues([
      ['Nom', 'Heures'],
      ['Camille', 3.5],
      ['Lou', true],
    ]);
    const stored = model.sheets[0]!;
    expect(stored.values[1]).toEqual(['Camille', 3.5]);
    expect(storedAttributes(stored)).toBe(0);
    expect(cellAt(stored, 3, 2)).toEqual({ value: true });
    expect(cellAt(stored, 4, 1)).toBeUndefined();
    expect(valueAt(stored, 40, 9)).toBe('');
  });

  test('attributes live apart and are removed when their last field goes', () => {
    const { model, sheet } = fakeApp();
    const stored = model.sheets[0]!;
    sheet.getRange('B2').setValue(12).setNote('à vérifier').setNumberFormat('0.00');
    expect(cellAt(stored, 2, 2)).toEqual({ value: 12, note: 'à vérifier', numberFormat: '0.00' });
    sheet.getRange('B2').clearNote();
    expect(attributesAt(stored, 2, 2)).toEqual({ numberFormat: '0.00' });
    sheet.getRange('B2').clearFormat();
    expect(attributesAt(stored, 2, 2)).toBeUndefined();
    expect(storedAttributes(stored)).toBe(0);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('12');
    // Clearing what was never there creates nothing.
    sheet.getRange('A1:Z50').clearFormat().clearNote().clearDataValidations();
    expect(storedAttributes(stored)).toBe(0);
  });

  test('a formula counts as content for the last row and column, even with an empty value', () => {
    const { model, sheet } = fakeApp();
    const stored = model.sheets[0]!;
    sheet.getRange('A1').setValue('x');
    sheet.getRange('D7').setFormula('=A1');
    expect(valueAt(stored, 7, 4)).toBe('');
    expect(lastRowWithContent(stored)).toBe(7);
    expect(lastColumnWithContent(stored)).toBe(4);
    expect(sheet.getLastRow()).toBe(7);
    sheet.getRange('D7').setValue('');
    expect(attributesAt(stored, 7, 4)).toBeUndefined();
    expect(sheet.getLastRow()).toBe(1);
  });

  test('values and attributes move together when rows and columns are inserted or deleted', () => {
    const { model, sheet } = fakeApp();
    const stored = model.sheets[0]!;
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('B2').setValue('note ici').setNote('n');
    sheet.insertColumnsBefore(2, 1);
    sheet.insertRowsBefore(1, 2);
    expect(cellRows(stored).slice(2).map((row) => Array.from(row, (c) => c?.value ?? ''))).toEqual([
      ['a', '', 'b', 'c'],
      ['', '', 'note ici'],
    ]);
    expect(sheet.getRange('C4').getNote()).toBe('n');
    sheet.deleteRows(1, 2);
    sheet.deleteColumns(1, 2);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['b', 'c'],
      ['note ici', ''],
    ]);
    expect(sheet.getRange('A2').getNote()).toBe('n');
    expect(cellAt(stored, 2, 1)).toEqual({ value: 'note ici', note: 'n' });
  });

  test('cellAt is a copy: changing it changes nothing', () => {
    const { model, sheet } = fakeApp();
    const stored = model.sheets[0]!;
    sheet.getRange('A1').setValue('x').setFontWeight('bold');
    const copy = cellAt(stored, 1, 1)!;
    copy.value = 'y';
    copy.numberFormat = '0';
    expect(sheet.getRange('A1').getValue()).toBe('x');
    expect(attributesAt(stored, 1, 1)).toEqual({ style: { fontWeight: 'bold' } });
  });
});
