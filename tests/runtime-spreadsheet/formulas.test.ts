/**
 * Formula cells read back computed, as in Sheets (runtime/spreadsheet/formula-*.ts,
 * workbook-formulas.ts). Expected values worked out by hand, in a fr_FR spreadsheet in
 * Europe/Paris whose clock says 2026-07-01 10:00 (Paris).
 */
import { FormulaReader } from '../../runtime/spreadsheet/workbook-formulas';
import { formulaHolds, observedCell } from '../../src/diagnostic/diagnostic-rules';
import { FORMULA_CASES, FORMULA_INPUT_VALUE, formulaFor } from '../../src/diagnostic/formula-cases';
import { putCell } from '../../runtime/spreadsheet/sheet-grid';
import { fakeApp } from './fake-app';

/** A1..A5: 2, 3, 'texte', TRUE, empty; B1..B3: Oui, Non, Oui; sheet « Présences bis » A1 = 10. */
function workbook(locale?: string) {
  const fixture = fakeApp();
  const { ss, sheet } = fixture;
  if (locale) ss.setSpreadsheetLocale(locale);
  sheet.getRange('A1:B4').setValues([
    [2, 'Oui'],
    [3, 'Non'],
    ['texte', 'Oui'],
    [true, ''],
  ]);
  ss.insertSheet('Présences bis').getRange('A1').setValue(10);
  return fixture;
}

function computedValue(formula: string, locale?: string): unknown {
  const { ss } = workbook(locale);
  const cell = ss.getSheets()[0]!.getRange('H1');
  cell.setFormula(formula);
  return cell.getValue();
}

const PARIS_MIDNIGHT_JULY_1 = new Date('2026-06-30T22:00:00Z');
const PARIS_MIDNIGHT_JULY_2 = new Date('2026-07-01T22:00:00Z');

describe('a fr_FR spreadsheet computes', () => {
  const cases: [string, unknown][] = [
    ['=1+2', 3],
    ['=2+3*4', 14],
    ['=(2+3)*4', 20],
    ['=2^3', 8],
    ['=-2^2', 4],
    ['=10/4', 2.5],
    ['=50%', 0.5],
    ['=1,5+1', 2.5],
    ['="a"&"b"', 'ab'],
    ['=1,5&""', '1,5'],
    ['=A1+A2', 5],
    ['=$A$1*10', 20],
    ['=A$1+$A2', 5],
    ['="3"*2', 6],
    ['=A1="2"', false],
    ['="abc"="ABC"', true],
    ['=A1<>3', true],
    ['=A1>=2', true],
    ['=A5=0', true],
    ['=VRAI', true],
    ['=SUM(A1:A4)', 5],
    ['=SOMME(A1;A2;1)', 6],
    ['=SUM(A:A)', 5],
    ['=SUM(1,2)', 1.2],
    ['=COUNT(A1:A5)', 2],
    ['=NB(A1:A5)', 2],
    ['=COUNTA(A1:A5)', 4],
    ['=NBVAL(A1:B5)', 7],
    ['=COUNTIF(B1:B3;"Oui")', 2],
    ['=NB.SI(B1:B3;"<>Oui")', 1],
    ['=COUNTIF(A1:A3;">2")', 1],
    ['=COUNTIF(B1:B3;"O*")', 2],
    ['=SUMIF(B1:B2;"Oui";A1:A2)', 2],
    ['=IF(A1>1;"grand";"petit")', 'grand'],
    ['=SI(A1>5;"grand";"petit")', 'petit'],
    ['=IF(FALSE;1)', false],
    ['=AND(TRUE;A1=2)', true],
    ['=ET(VRAI;FAUX)', false],
    ['=OR(FALSE;FAUX)', false],
    ['=OU(A1=2;FAUX)', true],
    ['=NOT(A1=2)', false],
    ['=MIN(A1:A2)', 2],
    ['=MAX(A1:A2;7)', 7],
    ['=AVERAGE(A1:A2)', 2.5],
    ['=MOYENNE(A1:A3)', 2.5],
    ['=ROUND(2,345;2)', 2.35],
    ['=ARRONDI(-2,5)', -3],
    ['=ROUNDDOWN(2,99)', 2],
    ['=CONCATENATE("a";A1;"b")', 'a2b'],
    ['=CONCATENER(B1;" / ";B2)', 'Oui / Non'],
    ['=LEN("Parcours")', 8],
    ['=UPPER(B2)', 'NON'],
    ['=TODAY()', PARIS_MIDNIGHT_JULY_1],
    ['=AUJOURDHUI()+1', PARIS_MIDNIGHT_JULY_2],
    ['=TODAY()-DATE(2026;6;1)', 30],
    ['=YEAR(TODAY())', 2026],
    ['=DATE(2026;7;2)', PARIS_MIDNIGHT_JULY_2],
    ['=IFERROR(1/0;"x")', 'x'],
    ['=SIERREUR(A1;0)', 2],
    ['=IFERROR(FOO();"inconnue")', 'inconnue'],
    ['=ISBLANK(A5)', true],
    ['=ESTNUM(A3)', false],
    ['=HYPERLINK("https://exemple.fr";"Ouvrir")', 'Ouvrir'],
    ['=LIEN_HYPERTEXTE("#gid=0&range=A1")', '#gid=0&range=A1'],
    ["='Présences bis'!A1*2", 20],
    ["=SUM('Présences bis'!A1:B3)", 10],
    ["='présences BIS'!A1", 10],
    // Errors, as Sheets gives them to getValue.
    ['=1/0', '#DIV/0!'],
    ['=MOYENNE(A5)', '#DIV/0!'],
    ['=A3*2', '#VALUE!'],
    ['=1/0+FOO()', '#DIV/0!'],
    ['=FOO(1)', '#NAME?'],
    ['=IF(1)', '#N/A'],
    ['=ROUND()', '#N/A'],
    ['=plage_nommee', '#NAME?'],
    ['=Inconnue!A1', '#REF!'],
    ['=A1001', '#REF!'],
    ['=SUM(A1:AA1)', '#REF!'],
    // What a fr_FR Sheet does not parse: #ERROR!.
    ['=HYPERLINK("a","b")', '#ERROR!'],
    ['=SUM(A1,A2)', '#ERROR!'],
    ['=1.5+1', '#ERROR!'],
    ['=(1+2', '#ERROR!'],
    ['=1+', '#ERROR!'],
    ['="abc', '#ERROR!'],
  ];
  test.each(cases)('%s → %p', (formula, expected) => {
    const value = computedValue(formula);
    if (expected instanceof Date) expect((value as Date).getTime()).toBe(expected.getTime());
    else expect(value).toEqual(expected);
  });
});

describe('an en_US spreadsheet', () => {
  const cases: [string, unknown][] = [
    ['=SUM(1,2)', 3],
    // Sheets corrects ; to , in a comma locale.
    ['=SUM(1;2)', 3],
    ['=1.5+1', 2.5],
    ['=1.5&""', '1.5'],
    ['=HYPERLINK("#gid=0&range=A1";"Ouvrir")', 'Ouvrir'],
    ['=HYPERLINK("#gid=0&range=A1","Ouvrir")', 'Ouvrir'],
    ['=SOMME(1;2)', '#NAME?'],
    ['=1,5+1', '#ERROR!'],
  ];
  test.each(cases)('%s → %p', (formula, expected) => {
    expect(computedValue(formula, 'en_US')).toEqual(expected);
  });
});

describe('formula cells in the sheet', () => {
  test('a value follows later writes: computed at each read', () => {
    const { sheet } = workbook();
    sheet.getRange('E1').setFormula('=A1*2');
    expect(sheet.getRange('E1').getValue()).toBe(4);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('E1').getValue()).toBe(10);
    expect(sheet.getRange('E1').getFormula()).toBe('=A1*2');
  });

  test('setValues with « =… » computes too, formulas reading formulas, in getValues and getDisplayValues', () => {
    const { sheet } = workbook();
    sheet.getRange('E1:G1').setValues([['=A1+A2', '=E1*10', '=TODAY()']]);
    expect(sheet.getRange('E1:G1').getValues()[0]!.slice(0, 2)).toEqual([5, 50]);
    expect(sheet.getRange('E1:G1').getDisplayValues()).toEqual([['5', '50', '01/07/2026']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[2, 'Oui']]);
  });

  test('a circular reference is #REF!, a cell reaching itself too', () => {
    const { sheet } = workbook();
    sheet.getRange('C1').setFormula('=C2+1');
    sheet.getRange('C2').setFormula('=C1+1');
    sheet.getRange('D1').setFormula('=D1');
    expect(sheet.getRange('C1:D2').getValues()).toEqual([
      ['#REF!', '#REF!'],
      ['#REF!', ''],
    ]);
  });

  test('clearing the cell or writing a value over it ends the formula', () => {
    const { sheet } = workbook();
    sheet.getRange('E1').setFormula('=A1*2');
    sheet.getRange('E1').setValue('fin');
    expect(sheet.getRange('E1').getValue()).toBe('fin');
    sheet.getRange('E2').setFormula('=A1*2');
    sheet.getRange('E2').clearContent();
    expect(sheet.getRange('E2').getValue()).toBe('');
  });

  test('a formula read from an .xlsx keeps the value the file cached; an error value it holds is an error to formulas', () => {
    const { sheet, model } = workbook();
    putCell(model.sheets[0]!, 1, 9, { value: 42, formula: '=A1*2' });
    expect(sheet.getRange('I1').getValue()).toBe(42);
    putCell(model.sheets[0]!, 2, 9, { value: '#N/A', errorValue: true });
    putCell(model.sheets[0]!, 3, 9, { value: '#N/A' });
    sheet.getRange('J1:J2').setFormulas([['=IFERROR(I2;"erreur")'], ['=IFERROR(I3;"erreur")']]);
    expect(sheet.getRange('J1:J2').getValues()).toEqual([['erreur'], ['#N/A']]);
  });

  test('no evaluation at all in a sheet where no formula was entered', () => {
    const { ss, sheet } = workbook();
    sheet.getRange('E1').setFormula('=A1*2');
    const other = ss.getSheetByName('Présences bis')!;
    const spy = jest.spyOn(FormulaReader.prototype, 'cellValue');
    try {
      expect(other.getRange('A1:C3').getValues()[0]![0]).toBe(10);
      expect(spy).not.toHaveBeenCalled();
      expect(sheet.getRange('E1').getValue()).toBe(4);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the Diagnostic’s formula cases, as the runtime computes them', () => {
  test.each(FORMULA_CASES.map((c) => [c.formula, c] as const))('%s', (_formula, c) => {
    const { sheet } = fakeApp();
    sheet.getRange('D1').setValue(FORMULA_INPUT_VALUE);
    const cell = sheet.getRange('E1');
    cell.setFormula(formulaFor(c));
    // The fake's clock: 2026-07-01, 10:00 in Paris.
    expect(formulaHolds(c.expected, observedCell(cell.getValue(), cell.getFormula()), 'Europe/Paris', '2026-07-01')).toBe(true);
  });
});
