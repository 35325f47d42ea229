import { fakeApp } from './fake-app';

// Paris midnight instants worked out by hand: CEST (UTC+2) in July 1985, CET (UTC+1) in January.
const JULY_14_1985 = new Date('1985-07-13T22:00:00Z');
const JANUARY_15_2026 = new Date('2026-01-14T23:00:00Z');

describe('setValues / getValues', () => {
  test('round trip of every value kind with the same shape', () => {
    const { sheet } = fakeApp();
    const data = [
      ['Camille', 3.5, true, JULY_14_1985],
      ['', -2, false, JANUARY_15_2026],
    ];
    sheet.getRange(2, 1, 2, 4).setValues(data);
    const read = sheet.getRange(2, 1, 2, 4).getValues();
    expect(read).toEqual(data);
    expect((read[0]![3] as Date).getTime()).toBe(JULY_14_1985.getTime());
    expect(sheet.getRange(1, 1, 3, 5).getValues()).toHaveLength(3);
    expect(sheet.getRange(1, 1, 3, 5).getValues()[0]).toEqual(['', '', '', '', '']);
  });

  test('a written Date is copied: mutating the caller object does not change the cell', () => {
    const { sheet } = fakeApp();
    const date = new Date(JANUARY_15_2026.getTime());
    sheet.getRange('A1').setValue(date);
    date.setTime(0);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(JANUARY_15_2026.getTime());
  });

  test('setValue on a multi-cell range fills every cell', () => {
    const { sheet } = fakeApp();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});

describe('strings are read like typed input (fr_FR)', () => {
  function written(text: string, format?: string): { value: unknown; formula: string } {
    const { sheet } = fakeApp();
    const cell = sheet.getRange('A1');
    if (format) cell.setNumberFormat(format);
    cell.setValue(text);
    return { value: cell.getValue(), formula: cell.getFormula() };
  }

  test('= starts a formula, computed when read (formulas.test.ts); getFormulas shows it', () => {
    expect(written('=SUM(B1:B3)')).toEqual({ value: 0, formula: '=SUM(B1:B3)' });
    const { sheet } = fakeApp();
    sheet.getRange('A1:B1').setValues([['=1+1', 'texte']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=1+1', '']]);
    expect(sheet.getLastRow()).toBe(1);
  });

  test('a leading apostrophe keeps the rest as text', () => {
    expect(written("'=HYPERLINK(\"x\")")).toEqual({ value: '=HYPERLINK("x")', formula: '' });
    expect(written("'+33 6 12 34 56 78")).toEqual({ value: '+33 6 12 34 56 78', formula: '' });
    expect(written("'0612")).toEqual({ value: '0612', formula: '' });
  });

  test('plain numbers become numbers (comma or dot decimal)', () => {
    expect(written('12').value).toBe(12);
    expect(written('-3').value).toBe(-3);
    expect(written('3.5').value).toBe(3.5);
    expect(written('3,5').value).toBe(3.5);
    expect(written('+33 6 12 34 56 78')).toEqual({ value: '#ERROR!', formula: '=+33 6 12 34 56 78' });
    expect(written('12 h').value).toBe('12 h');
  });

  test('jj/mm/aaaa becomes a Paris-midnight date; impossible dates stay text', () => {
    expect((written('14/07/1985').value as Date).getTime()).toBe(JULY_14_1985.getTime());
    expect((written('15/01/2026').value as Date).getTime()).toBe(JANUARY_15_2026.getTime());
    expect((written('2026-01-15').value as Date).getTime()).toBe(JANUARY_15_2026.getTime());
    expect(written('31/02/2026').value).toBe('31/02/2026');
  });

  test("the '@' plain-text format keeps numbers, dates and formulas as text", () => {
    expect(written('12', '@').value).toBe('12');
    expect(written('14/07/1985', '@').value).toBe('14/07/1985');
    expect(written('=1+1', '@')).toEqual({ value: '=1+1', formula: '' });
  });
});

describe('getLastRow / getLastColumn / getDataRange', () => {
  test('an empty sheet has 0 and a 1×1 data range', () => {
    const { sheet } = fakeApp();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('only values count, not formats or notes, and cleared cells stop counting', () => {
    const { sheet } = fakeApp();
    sheet.getRange('A1:C1').setValues([['ID', 'Nom', 'Prénom']]);
    sheet.getRange('B7').setValue('x');
    sheet.getRange('A20:Z20').setBackground('#eeeeee');
    sheet.getRange('E30').setNote('note');
    sheet.getRange('F40').setNumberFormat('@');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
    sheet.getRange('B7').clearContent();
    expect(sheet.getLastRow()).toBe(1);
  });
});

describe('display values (fr_FR, Europe/Paris)', () => {
  function shown(value: unknown, format?: string): string {
    const { sheet } = fakeApp();
    const cell = sheet.getRange('A1');
    cell.setValue(value as string);
    if (format) cell.setNumberFormat(format);
    return cell.getDisplayValue();
  }

  test('dates: default dd/MM/yyyy in Paris, with the formats the add-in sets', () => {
    expect(shown(JULY_14_1985)).toBe('14/07/1985');
    expect(shown(JANUARY_15_2026, 'dd/mm/yyyy')).toBe('15/01/2026');
    expect(shown(JANUARY_15_2026, 'yyyy-mm-dd')).toBe('2026-01-15');
    expect(shown(new Date('2026-03-02T13:05:09Z'))).toBe('02/03/2026 14:05:09');
    expect(shown(new Date('2026-03-02T13:05:09Z'), 'dd/MM/yyyy HH:mm')).toBe('02/03/2026 14:05');
  });

  test('numbers: comma decimals, fixed decimals, percent, grouping, plain text', () => {
    expect(shown(3.5)).toBe('3,5');
    expect(shown(1 / 3)).toBe('0,333333333333333');
    expect(shown(2.345, '0.00')).toBe('2,35');
    expect(shown(2.5, '0')).toBe('3');
    expect(shown(7, '0.0')).toBe('7,0');
    expect(shown(0.125, '0%')).toBe('13%');
    expect(shown(0.125, '0.0%')).toBe('12,5%');
    expect(shown(1234567, '#,##0')).toBe('1\u202f234\u202f567');
    expect(shown(-1234.5, '#,##0')).toBe('-1\u202f235');
    expect(shown(12, '@')).toBe('12');
  });

  test('booleans, text and empty cells', () => {
    expect(shown(true)).toBe('TRUE');
    expect(shown(false)).toBe('FALSE');
    expect(shown('Maraîchage')).toBe('Maraîchage');
    const { sheet } = fakeApp();
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['', '']]);
  });

  test('number formats: explicit ones are returned, dates report their default', () => {
    const { sheet } = fakeApp();
    sheet.getRange('A1:C1').setValues([[1.5, JANUARY_15_2026, 'x']]);
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([['0.00', 'dd/MM/yyyy', '0.###############']]);
  });
});
