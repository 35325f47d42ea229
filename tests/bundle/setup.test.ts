import { MENU_ENTRIES } from '../../src/server/menu';
import { PARTICIPANTS_FIELDS, WORKBOOK_SCHEMA } from '../../src/domain/workbook-schema';
import { loadDist } from '../support/built-bundle';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function spreadsheetOf(bundle: ReturnType<typeof loadDist>): Spreadsheet {
  const app = bundle.runtime.globals['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return app.getActiveSpreadsheet();
}

describe('dist/Code.js globals', () => {
  it('exposes onOpen, onInstall and every menu handler as top-level functions', () => {
    const bundle = loadDist();
    const names = bundle.globalFunctionNames();
    const wanted = ['onOpen', 'onInstall', ...MENU_ENTRIES.flatMap((e) => (e === 'separator' ? [] : [e.functionName]))];
    for (const name of wanted) expect(names).toContain(name);
  });

  it('builds the menu in onOpen without touching the workbook (AuthMode.NONE safe)', () => {
    const bundle = loadDist({ authMode: 'NONE' });
    bundle.call('onOpen', { authMode: 'NONE' });
    const menus = bundle.runtime.ui.menus;
    expect(menus).toHaveLength(1);
    const captions = menus[0]!.items.map((item: { caption: string }) => item.caption);
    expect(captions).toContain('Configurer le classeur');
    const calls = Object.keys(bundle.runtime.calls.snapshot());
    expect(calls.filter((name) => /^(Range|Sheet|Spreadsheet)\./.test(name))).toEqual([]);
  });
});

describe('Configurer le classeur', () => {
  it('turns an empty workbook into the SPEC §1 workbook', () => {
    const bundle = loadDist();
    const result = bundle.call<{ ok: boolean; changes: string[] }>('cliInit_');
    expect(result.ok).toBe(true);
    const ss = spreadsheetOf(bundle);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(WORKBOOK_SCHEMA.map((s) => s.name));
    const participants = ss.getSheetByName('Participants')!;
    expect(participants.getRange(1, 1, 1, PARTICIPANTS_FIELDS.length).getValues()[0]).toEqual(
      PARTICIPANTS_FIELDS.map((f) => f.header),
    );
    expect(participants.getFrozenRows()).toBe(1);
    // Sexe is a dropdown F/H, Date de naissance a date column.
    const sexRule = participants.getRange(2, 5).getDataValidation();
    expect(sexRule?.getCriteriaValues()[0]).toEqual(['F', 'H']);
    expect(participants.getRange(2, 4).getNumberFormat()).toBe('dd/mm/yyyy');
    // The Atelier dropdown reads the Ateliers sheet.
    const workshopColumn = PARTICIPANTS_FIELDS.findIndex((f) => f.header === 'Atelier') + 1;
    const workshopRule = participants.getRange(2, workshopColumn).getDataValidation();
    const source = workshopRule?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(source.getSheet().getName()).toBe('Ateliers');
    const motifs = ss.getSheetByName('Motifs de sortie')!.getDataRange().getValues();
    expect(motifs).toHaveLength(24);
    expect(motifs[1]).toEqual(['CDI', 'Emploi durable']);
    const parameters = ss.getSheetByName('Paramètres')!.getDataRange().getValues();
    expect(parameters.slice(1).map((row) => row[0])).toContain('Seuil de secret statistique');
    expect(parameters.find((row) => row[0] === 'Durée du contrat (mois)')?.[1]).toBe(6);
    const journal = ss.getSheetByName('Journal')!.getDataRange().getValues();
    expect(journal).toHaveLength(2);
    expect(journal[1]![2]).toBe('Configuration du classeur');
    expect(ss.getSheetByName('Journal')!.getProtections(SHEET_PROTECTION)).toHaveLength(1);
  });

  it('changes nothing when run again: not a single write call', () => {
    const bundle = loadDist();
    bundle.call('cliInit_');
    bundle.runtime.calls.reset();
    const again = bundle.call<{ ok: boolean; changes: string[] }>('cliInit_');
    expect(again.changes).toEqual([]);
    expect(bundle.runtime.calls.writes()).toEqual({});
    expect(bundle.runtime.calls.count()).toBeGreaterThan(0);
  });

  it('adopts a used workbook: shuffled columns, synonyms, extra columns and 500 rows stay as they are', () => {
    const bundle = loadDist();
    const ss = spreadsheetOf(bundle);
    const sheet = ss.insertSheet('participants');
    const headers = [
      'Prénom',
      'Numéro de dossier CAF',
      'Identifiant',
      'Nom de famille',
      'Genre',
      'Né(e) le',
      'Entrée',
      'Remarques internes',
    ];
    const rows = Array.from({ length: 500 }, (_, i) => [
      `Prénom ${i}`,
      `CAF-${1000 + i}`,
      `P-2025-${String(i + 1).padStart(4, '0')}`,
      `Nom ${i}`,
      i % 2 === 0 ? 'F' : 'H',
      '12/03/1990',
      '02/01/2025',
      `remarque ${i}`,
    ]);
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    sheet.getRange(2, 1, rows.length, headers.length).setValues(rows);
    const before = sheet.getRange(1, 1, 501, headers.length).getValues();

    const result = bundle.call<{ ok: boolean; changes: string[] }>('cliInit_');
    expect(result.ok).toBe(true);
    const after = sheet.getRange(1, 1, 501, headers.length).getValues();
    expect(after).toEqual(before);
    expect(sheet.getName()).toBe('participants');
    // The missing headers are added after the team's columns, in schema order.
    const width = sheet.getLastColumn();
    const added = sheet.getRange(1, headers.length + 1, 1, width - headers.length).getValues()[0];
    expect(added).toContain('Sexe'.length > 0 ? 'Commune' : '');
    expect(added).not.toContain('Prénom');
    expect(added).not.toContain('Sexe');
    expect(width).toBe(headers.length + PARTICIPANTS_FIELDS.length - 6);
    expect(sheet.getLastRow()).toBe(501);
  });
});

const SHEET_PROTECTION = 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
