import { fakeApp, errorOf } from './fake-app';

describe('Range bounds and shape errors, worded as Google words them', () => {
  test('getRange rejects coordinates below 1', () => {
    const { sheet } = fakeApp();
    expect(errorOf(() => sheet.getRange(0, 1))).toBe('Exception: The starting row of the range is too small.');
    expect(errorOf(() => sheet.getRange(1, 0))).toBe('Exception: The starting column of the range is too small.');
    expect(errorOf(() => sheet.getRange(1, 1, 0, 1))).toBe('Exception: The number of rows in the range must be at least 1.');
    expect(errorOf(() => sheet.getRange(1, 1, 1, 0))).toBe('Exception: The number of columns in the range must be at least 1.');
  });

  test('getRange past the 1000×26 grid is out of bounds', () => {
    const { sheet } = fakeApp();
    expect(errorOf(() => sheet.getRange(1000, 26))).toBe('');
    expect(errorOf(() => sheet.getRange(1001, 1))).toBe('Exception: Those rows are out of bounds.');
    expect(errorOf(() => sheet.getRange(999, 1, 2, 1))).toBe('');
    expect(errorOf(() => sheet.getRange(999, 1, 3, 1))).toBe('Exception: Those rows are out of bounds.');
    expect(errorOf(() => sheet.getRange(1, 27))).toBe('Exception: Those columns are out of bounds.');
    expect(errorOf(() => sheet.getRange('AA1'))).toBe('Exception: Those columns are out of bounds.');
  });

  test('the grid grows with insertRowsAfter / insertColumnsAfter, not with setValues', () => {
    const { sheet } = fakeApp();
    expect(errorOf(() => sheet.getRange(1001, 1).setValue('x'))).toBe('Exception: Those rows are out of bounds.');
    sheet.insertRowsAfter(1000, 5);
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.getRange(1005, 28).setValue('x');
    expect(sheet.getRange('AB1005').getValue()).toBe('x');
  });

  test('setValues checks the row count, then the column count of each row', () => {
    const { sheet } = fakeApp();
    const range = sheet.getRange(1, 1, 2, 3);
    expect(errorOf(() => range.setValues([[1, 2, 3]]))).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(errorOf(() => range.setValues([[1, 2, 3], [4, 5]]))).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  test('setValues rejects values Apps Script cannot store, and writes nothing then', () => {
    const { sheet } = fakeApp();
    const range = sheet.getRange(1, 1, 1, 2);
    const bad: unknown[] = [undefined, Number.NaN, Number.POSITIVE_INFINITY, { a: 1 }, [1], () => 1];
    for (const value of bad) {
      expect(errorOf(() => range.setValues([['ok', value]] as unknown[][]))).toMatch(
        /^Exception: The parameters \(.+\) don't match the method signature for SpreadsheetApp\.Range\.setValues\.$/,
      );
    }
    expect(errorOf(() => range.setValues([1, 2] as unknown as unknown[][]))).toMatch(/don't match the method signature/);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(errorOf(() => sheet.getRange('A1').setValue(undefined as unknown as string))).toMatch(/Range\.setValue\.$/);
  });

  test('null is stored as an empty cell', () => {
    const { sheet } = fakeApp();
    sheet.getRange('A1:B1').setValues([['x', 'y']]);
    sheet.getRange('A1:B1').setValues([[null, 'z']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 'z']]);
  });

  test('offset and getCell stay inside Google rules', () => {
    const { sheet } = fakeApp();
    const range = sheet.getRange('B2:C3');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(errorOf(() => range.offset(-2, 0))).toBe('Exception: The starting row of the range is too small.');
    expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(errorOf(() => range.getCell(3, 1))).toBe('Exception: Cell reference out of range');
  });

  test('A1 notation: open ranges, sheet-qualified references, bad references', () => {
    const { ss, sheet } = fakeApp();
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
    expect(sheet.getRange('B2:B').getA1Notation()).toBe('B2:B1000');
    expect(sheet.getRange('2:3').getA1Notation()).toBe('A2:Z3');
    expect(sheet.getRange('C3:A1').getA1Notation()).toBe('A1:C3');
    ss.insertSheet('Présences');
    const range = ss.getRange("'Présences'!A1:C3");
    expect(range.getSheet().getName()).toBe('Présences');
    expect(range.getA1Notation()).toBe('A1:C3');
    expect(errorOf(() => ss.getRange("'Inconnue'!A1"))).toBe('Exception: Range not found');
    expect(errorOf(() => sheet.getRange('A1:B2:C3'))).toBe('Exception: Range not found');
    expect(errorOf(() => sheet.getRange('toto'))).toBe('Exception: Range not found');
  });
});
