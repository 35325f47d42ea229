import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadXlsx, METADATA_SHEET, saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { fakeApp } from './fake-app';

// Paris midnights by hand: 14 July 1985 is CEST (UTC+2), 15 January 2026 is CET (UTC+1).
const BIRTH_1985 = new Date('1985-07-13T22:00:00Z');
const WINTER_2026 = new Date('2026-01-14T23:00:00Z');
const JOURNAL_TIME = new Date('2026-03-29T08:30:15Z'); // 10:30:15 in Paris, the day summer time starts

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-xlsx-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function buildWorkbook() {
  const fixture = fakeApp();
  const { app, ss, sheet } = fixture;
  sheet.setName('Participants');
  sheet.getRange('A1:G1').setValues([['ID', 'Nom', 'Date de naissance', 'Entrée', 'Heures', 'QPV', 'Observations']]);
  sheet.getRange('A2:G3').setValues([
    ['P-2026-0001', 'Martin', BIRTH_1985, WINTER_2026, 3.5, true, "'=1+1 tapé par une personne"],
    ['P-2026-0002', 'Bernard', '02/03/1990', '', 0.25, false, "'+33 6 12 34 56 78"],
  ]);
  sheet.getRange('H1:H2').setValues([['Total'], ['=SUM(E2:E3)']]);
  sheet.getRange('E2:E3').setNumberFormat('0.00');
  sheet.getRange('D2:D3').setNumberFormat('dd/mm/yyyy');
  sheet.getRange('B2').setNote('Nom d’usage');
  sheet.getRange('A1:H1').setFontWeight('bold').setBackground('#d9ead3');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(2, 160);
  const rule = app.newDataValidation().requireValueInList(['F', 'H'], true).setAllowInvalid(false).setHelpText('F ou H').build();
  sheet.getRange('I2:I3').setDataValidation(rule);
  const listes = ss.insertSheet('Listes');
  listes.getRange('A1:A3').setValues([['Prescripteur'], ['France Travail'], ['CCAS']]);
  sheet.getRange('J2:J3').setDataValidation(app.newDataValidation().requireValueInRange(listes.getRange('A2:A3')).build());
  sheet.getRange('K2').setDataValidation(app.newDataValidation().requireCheckbox().build());
  sheet.getRange('L2').setDataValidation(app.newDataValidation().requireNumberBetween(9, 35).build());
  const journal = ss.insertSheet('Journal');
  journal.appendRow([JOURNAL_TIME, 'Création']);
  journal.hideSheet();
  ss.addDeveloperMetadata('parcours.version', '1');
  listes.addDeveloperMetadata('parcours.sheet', 'listes', app.DeveloperMetadataVisibility.PROJECT);
  sheet.getRange('3:4').addDeveloperMetadata('parcours.rows');
  listes.protect().setDescription('Listes de Parcours').setWarningOnly(true);
  return fixture;
}

describe('xlsx store', () => {
  test('save then load keeps values, instants, formats, notes, validation, layout and metadata', async () => {
    const { model } = buildWorkbook();
    const path = join(dir, 'parcours.xlsx');
    await saveXlsx(model, path);
    const loaded = await loadXlsx(path);
    expect(loaded.name).toBe('parcours');
    expect(loaded.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Participants', false],
      ['Listes', false],
      ['Journal', true],
    ]);
    const { ss, app } = fakeApp({ model: loaded });
    const sheet = ss.getSheetByName('Participants')!;
    const values = sheet.getRange('A2:G3').getValues();
    expect(values).toEqual([
      ['P-2026-0001', 'Martin', BIRTH_1985, WINTER_2026, 3.5, true, '=1+1 tapé par une personne'],
      ['P-2026-0002', 'Bernard', new Date('1990-03-01T23:00:00Z'), '', 0.25, false, '+33 6 12 34 56 78'],
    ]);
    expect((values[0]![2] as Date).getTime()).toBe(BIRTH_1985.getTime());
    expect((values[0]![3] as Date).getTime()).toBe(WINTER_2026.getTime());
    expect(sheet.getRange('G2').getFormula()).toBe('');
    expect(sheet.getRange('H2').getFormula()).toBe('=SUM(E2:E3)');
    expect(sheet.getRange('E2:E3').getDisplayValues()).toEqual([['3,50'], ['0,25']]);
    expect(sheet.getRange('C2:D2').getDisplayValues()).toEqual([['14/07/1985', '15/01/2026']]);
    expect(sheet.getRange('D2').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(sheet.getRange('B2').getNote()).toBe('Nom d’usage');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A1').getBackground()).toBe('#d9ead3');
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(160);
    const list = sheet.getRange('I3').getDataValidation()!;
    expect([list.getCriteriaType(), list.getCriteriaValues(), list.getAllowInvalid(), list.getHelpText()]).toEqual([
      'VALUE_IN_LIST',
      [['F', 'H'], true],
      false,
      'F ou H',
    ]);
    const inRange = sheet.getRange('J2').getDataValidation()!;
    expect(inRange.getCriteriaType()).toBe('VALUE_IN_RANGE');
    const source = inRange.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect([source.getSheet().getName(), source.getA1Notation()]).toEqual(['Listes', 'A2:A3']);
    expect(sheet.getRange('K2').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.getRange('L2').getDataValidation()!.getCriteriaValues()).toEqual([9, 35]);
    expect(sheet.getRange('I4').getDataValidation()).toBeNull();
    const journal = ss.getSheetByName('Journal')!;
    expect((journal.getRange('A1').getValue() as Date).getTime()).toBe(JOURNAL_TIME.getTime());
    expect(journal.getRange('A1').getDisplayValue()).toBe('29/03/2026 10:30:15');
    const metadata = ss.createDeveloperMetadataFinder().find();
    expect(metadata.map((m) => [m.getKey(), m.getValue(), m.getVisibility(), m.getLocation().getLocationType()])).toEqual([
      ['parcours.version', '1', 'DOCUMENT', 'SPREADSHEET'],
      ['parcours.sheet', 'listes', 'PROJECT', 'SHEET'],
      ['parcours.rows', null, 'DOCUMENT', 'ROW'],
    ]);
    expect(metadata[2]!.getLocation().getRow()!.getA1Notation()).toBe('A3:Z4');
    const protection = ss.getSheetByName('Listes')!.getProtections(app.ProtectionType.SHEET)[0]!;
    expect([protection.getDescription(), protection.isWarningOnly()]).toEqual(['Listes de Parcours', true]);
  });

  test('the file itself: text stays text, dates are wall-clock Paris, metadata sheet is very hidden', async () => {
    const { model } = buildWorkbook();
    const path = join(dir, 'brut.xlsx');
    await saveXlsx(model, path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const participants = workbook.getWorksheet('Participants')!;
    expect(participants.getCell('G2').value).toBe('=1+1 tapé par une personne');
    expect(participants.getCell('G2').type).toBe(ExcelJS.ValueType.String);
    expect(participants.getCell('H2').formula).toBe('SUM(E2:E3)');
    // Saved with the value it computes, as Sheets' own export does: Excel and LibreOffice show it.
    expect(participants.getCell('H2').result).toBe(3.75);
    expect((participants.getCell('C2').value as Date).toISOString()).toBe('1985-07-14T00:00:00.000Z');
    expect(participants.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(workbook.getWorksheet(METADATA_SHEET)!.state).toBe('veryHidden');
    expect(workbook.getWorksheet('Journal')!.state).toBe('hidden');
  });

  test('a 500-row × 25-column sheet written with one setValues reads back intact', async () => {
    const { model, sheet, ctx } = fakeApp();
    const data = Array.from({ length: 500 }, (_, r) =>
      Array.from({ length: 25 }, (_, c) => {
        switch (c % 5) {
          case 0:
            return `P-2026-${String(r).padStart(4, '0')}`;
          case 1:
            return r * 25 + c + 0.5;
          case 2:
            return r % 2 === 0;
          case 3:
            return new Date(Date.UTC(2026, r % 12, 1 + (c % 28)) - 3_600_000);
          default:
            return r % 7 === 0 ? '' : `Commentaire ${r}-${c}`;
        }
      }),
    );
    ctx.calls.reset();
    sheet.getRange(1, 1, 500, 25).setValues(data);
    expect(ctx.calls.count('Range.setValues')).toBe(1);
    expect(sheet.getRange(1, 1, 500, 25).getValues()).toEqual(data);
    const path = join(dir, 'grand.xlsx');
    await saveXlsx(model, path);
    const { sheet: reloaded } = fakeApp({ model: await loadXlsx(path) });
    expect(reloaded.getLastRow()).toBe(500);
    expect(reloaded.getLastColumn()).toBe(25);
    expect(reloaded.getRange(1, 1, 500, 25).getValues()).toEqual(data);
  });
});
