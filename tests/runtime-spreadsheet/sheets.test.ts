import { toasts } from '../../runtime/spreadsheet/spreadsheet-app';
import { errorOf, fakeApp } from './fake-app';

describe('Spreadsheet sheets', () => {
  test('a new spreadsheet has one sheet "Feuille 1"; insertSheet places, names and activates', () => {
    const { ss } = fakeApp();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Feuille 1']);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(ss.getSpreadsheetLocale()).toBe('fr_FR');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    const participants = ss.insertSheet('Participants', 0);
    expect(ss.getActiveSheet().getName()).toBe('Participants');
    const unnamed = ss.insertSheet();
    expect(unnamed.getName()).toBe('Feuille 3');
    expect(ss.getSheets().map((s) => s.getIndex())).toEqual([1, 2, 3]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Participants', 'Feuille 1', 'Feuille 3']);
    expect(participants.getSheetId()).not.toBe(unnamed.getSheetId());
    expect(ss.getSheetByName('Participants')!.getSheetId()).toBe(participants.getSheetId());
    expect(ss.getSheetByName('Absente')).toBeNull();
  });

  test('duplicate names and deleting the last sheet are refused', () => {
    const { ss, sheet } = fakeApp();
    ss.insertSheet('Présences');
    expect(errorOf(() => ss.insertSheet('Présences'))).toBe(
      'Exception: A sheet with the name "Présences" already exists. Please enter another name.',
    );
    expect(errorOf(() => sheet.setName('Présences'))).toBe(
      'Exception: A sheet with the name "Présences" already exists. Please enter another name.',
    );
    ss.deleteSheet(ss.getSheetByName('Présences')!);
    expect(errorOf(() => ss.deleteSheet(sheet))).toMatch(/^Exception: /);
  });

  test('hiding, activating, tab colour, frozen rows, column widths', () => {
    const { ss, sheet } = fakeApp();
    expect(errorOf(() => sheet.hideSheet())).toBe("Exception: You can't hide all the sheets in a document.");
    const journal = ss.insertSheet('Journal');
    journal.hideSheet();
    expect(journal.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('Feuille 1');
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(100);
    sheet.setColumnWidth(2, 180);
    expect(sheet.getColumnWidth(2)).toBe(180);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getColumnWidth(3)).toBe(180);
    sheet.getRange('A1').setValue('Date de naissance');
    sheet.autoResizeColumns(1, 1);
    expect(sheet.getColumnWidth(1)).toBe(17 * 7 + 10);
  });
});

describe('rows and columns', () => {
  test('appendRow writes after the last row with content and grows a full grid', () => {
    const { sheet } = fakeApp();
    sheet.getRange('A1:B1').setValues([['Horodatage', 'Action']]);
    sheet.appendRow(['01/07/2026', "'=cmd"]);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getRange('B2').getValue()).toBe('=cmd');
    expect(sheet.getRange('A2').getValue()).toBeInstanceOf(Date);
    sheet.getRange(1000, 1).setValue('fin');
    sheet.appendRow(['après']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('après');
  });

  test('deleteRows / deleteColumns move the cells and refuse to empty the sheet', () => {
    const { sheet } = fakeApp();
    sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['a'], ['d']]);
    expect(sheet.getMaxRows()).toBe(998);
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 3]]);
    expect(errorOf(() => sheet.deleteRows(1, 998))).toBe("Exception: You can't delete all the rows on the sheet.");
    expect(errorOf(() => sheet.deleteRows(998, 2))).toBe('Exception: Those rows are out of bounds.');
  });

  test('clear, clearContents, merge and notes', () => {
    const { sheet } = fakeApp();
    const range = sheet.getRange('A1:B1');
    range.setValues([['x', 'y']]).setBackground('#ff0000').setNumberFormat('@').setNote('à vérifier');
    sheet.clearContents();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getNumberFormat()).toBe('@');
    sheet.clear();
    expect(range.getNumberFormat()).toBe('0.###############');
    expect(range.getBackground()).toBe('#ffffff');
    expect(range.getNotes()).toEqual([['à vérifier', 'à vérifier']]);
    range.clearNote();
    expect(range.getNote()).toBe('');
    range.setValues([['titre', 'perdu']]).merge();
    expect(range.getValues()).toEqual([['titre', '']]);
  });
});

describe('charts, toasts, getUi', () => {
  test('charts are recorded with type, ranges and options', () => {
    const { model, sheet } = fakeApp();
    const chart = sheet
      .newChart()
      .setChartType('BAR' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B6'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Sorties par catégorie')
      .build();
    sheet.insertChart(chart);
    expect(model.sheets[0]!.charts).toEqual([
      {
        id: 1,
        chartType: 'BAR',
        ranges: ["'Feuille 1'!A1:B6"],
        position: { row: 2, column: 5, offsetX: 0, offsetY: 0 },
        options: { title: 'Sorties par catégorie' },
      },
    ]);
    const [stored] = sheet.getCharts();
    expect(stored!.getRanges()[0]!.getA1Notation()).toBe('A1:B6');
    sheet.removeChart(stored!);
    expect(sheet.getCharts()).toEqual([]);
  });

  test('toasts are recorded; getUi returns the Ui given or throws without one', () => {
    const { ss, app } = fakeApp();
    toasts.length = 0;
    ss.toast('Bilan généré.', 'Parcours', 3);
    expect(toasts).toEqual([{ spreadsheetId: ss.getId(), message: 'Bilan généré.', title: 'Parcours', timeoutSeconds: 3 }]);
    expect(errorOf(() => app.getUi())).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    const ui = { alert: () => 'OK' } as unknown as GoogleAppsScript.Base.Ui;
    expect(fakeApp({ ui }).app.getUi()).toBe(ui);
  });
});
