/**
 * « Configurer le classeur » on workbooks a team already uses (issue 2): every value and extra
 * column kept, only what is missing added, protections in place, and nothing written twice.
 */
import { DEFAULT_PARAMETERS, DEFAULT_PRESCRIBERS, WORKBOOK_SCHEMA } from '../../src/domain/workbook-schema';
import { HEADER_PROTECTION, JOURNAL_PROTECTION } from '../../src/sheets/setup-workbook';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { loadDist } from '../support/built-bundle';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const RANGE = 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
const SHEET_TYPE = 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;

function open(model = createSpreadsheetModel()) {
  const bundle = loadDist({ model, now: new Date('2026-11-20T12:00:00Z') });
  const ss = (bundle.runtime.globals['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
  return { model, bundle, ss };
}

function table(ss: Spreadsheet, name: string): unknown[][] {
  return ss.getSheetByName(name)!.getDataRange().getValues();
}

function fill(sheet: Sheet, rows: unknown[][]): void {
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
}

describe('Listes with the team’s own columns', () => {
  const { bundle, ss } = open();
  const lists = ss.getSheets()[0]!.setName('Listes');
  // The team's Référents and Partenaires columns around its own prescribers; no objective catalogue yet.
  fill(lists, [
    ['Référents', 'Prescripteur', 'Partenaires'],
    ['Mme Durand', 'PLIE du Val', 'Banque alimentaire'],
    ['M. Petit', 'Mission locale', ''],
    ['', 'CCAS', 'Secours populaire'],
  ]);
  const result = bundle.call<{ ok: boolean; changes: string[] }>('cliInit_');
  const after = table(ss, 'Listes');

  it('keeps the team’s columns, their order and every value; the missing columns come after them', () => {
    expect(result.ok).toBe(true);
    // The team's « Partenaires » is the Partenaire list (a synonym): filled by the team, left alone.
    expect(after[0]).toEqual(['Référents', 'Prescripteur', 'Partenaires', 'Objectif', "Domaine de l'objectif", 'Frein']);
    expect(after.slice(1, 4).map((row) => row.slice(0, 3))).toEqual([
      ['Mme Durand', 'PLIE du Val', 'Banque alimentaire'],
      ['M. Petit', 'Mission locale', ''],
      ['', 'CCAS', 'Secours populaire'],
    ]);
  });

  it('adds no default prescriber to a column the team filled, and the objective catalogue to the empty ones', () => {
    const prescribers = after.slice(1).map((row) => row[1]).filter((v) => v !== '');
    expect(prescribers).toEqual(['PLIE du Val', 'Mission locale', 'CCAS']);
    expect(prescribers).not.toContain(DEFAULT_PRESCRIBERS[0]);
    expect(after[1]![3]).not.toBe('');
    expect(['Savoir', 'Savoir-faire', 'Savoir-être']).toContain(after[1]![4]);
    expect(result.changes).toContain('« Listes » : catalogue d’objectifs par défaut ajouté');
    expect(result.changes.join('\n')).not.toContain('prescripteurs par défaut');
  });

  it('feeds the Prescripteur dropdown of Participants from the team’s column, wherever it is', () => {
    const participants = ss.getSheetByName('Participants')!;
    const headers = participants.getRange(1, 1, 1, participants.getLastColumn()).getValues()[0]!;
    const prescriberColumn = headers.indexOf('Prescripteur') + 1;
    expect(prescriberColumn).toBeGreaterThan(0);
    const rule = participants.getRange(2, prescriberColumn).getDataValidation();
    const source = rule?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(source.getSheet().getName()).toBe('Listes');
    expect(source.getColumn()).toBe(2);
    expect(source.getRow()).toBe(2);
  });

  it('a second run writes nothing', () => {
    bundle.runtime.calls.reset();
    expect(bundle.call<{ changes: string[] }>('cliInit_').changes).toEqual([]);
    expect(bundle.runtime.calls.writes()).toEqual({});
  });
});

describe('Paramètres with one parameter missing', () => {
  const { bundle, ss } = open();
  const parameters = ss.getSheets()[0]!.setName('Paramètres');
  // The team changed two values and wrote a note beside them; 'Seuil de secret statistique' is missing.
  const teamRows: unknown[][] = [
    ['Paramètre', 'Valeur', 'Note'],
    ...DEFAULT_PARAMETERS.filter(([name]) => name !== 'Seuil de secret statistique').map(([name, value]) => [
      name,
      name === 'Durée du contrat (mois)' ? 12 : name === 'Nom de la structure' ? 'Atelier des Deux Rives' : value,
      name === 'Durée du contrat (mois)' ? 'convention 2026' : '',
    ]),
  ];
  fill(parameters, teamRows);
  const result = bundle.call<{ ok: boolean; changes: string[] }>('cliInit_');
  const after = table(ss, 'Paramètres');

  it('appends the missing parameter with its default value after the team’s rows', () => {
    expect(after).toHaveLength(teamRows.length + 1);
    expect(after[teamRows.length]).toEqual(['Seuil de secret statistique', 0, '']);
    expect(result.changes).toContain('« Paramètres » : Seuil de secret statistique ajouté(s) avec leur valeur par défaut');
  });

  it('leaves every other parameter, value and note as the team wrote them', () => {
    expect(after.slice(0, teamRows.length)).toEqual(teamRows);
  });

  it('a second run writes nothing', () => {
    bundle.runtime.calls.reset();
    expect(bundle.call<{ changes: string[] }>('cliInit_').changes).toEqual([]);
    expect(bundle.runtime.calls.writes()).toEqual({});
  });
});

describe('a configured workbook in use', () => {
  const { bundle, ss } = open();
  bundle.call('cliInit_');
  // The team reclassified a motif, added its own, and renamed nothing.
  const motifs = ss.getSheetByName('Motifs de sortie')!;
  motifs.getRange(2, 2).setValue('Emploi de transition');
  motifs.appendRow(['Retour au pays', 'Autre sortie']);
  const before = WORKBOOK_SCHEMA.map((spec) => table(ss, spec.name));
  bundle.runtime.calls.reset();
  const result = bundle.call<{ changes: string[] }>('cliInit_');

  it('keeps every sheet exactly as it is and writes nothing', () => {
    expect(result.changes).toEqual([]);
    expect(bundle.runtime.calls.writes()).toEqual({});
    expect(WORKBOOK_SCHEMA.map((spec) => table(ss, spec.name))).toEqual(before);
  });

  it('protects each header row and the whole Journal, with a warning only', () => {
    for (const spec of WORKBOOK_SCHEMA) {
      const sheet = ss.getSheetByName(spec.name)!;
      if (spec.name === 'Journal') {
        const [protection] = sheet.getProtections(SHEET_TYPE);
        expect(protection?.getDescription()).toBe(JOURNAL_PROTECTION);
        expect(protection?.isWarningOnly()).toBe(true);
        continue;
      }
      const protections = sheet.getProtections(RANGE);
      expect(protections).toHaveLength(1);
      expect(protections[0]!.getDescription()).toBe(HEADER_PROTECTION);
      expect(protections[0]!.isWarningOnly()).toBe(true);
      const range = protections[0]!.getRange();
      expect([range.getRow(), range.getNumRows(), range.getColumn()]).toEqual([1, 1, 1]);
      expect(range.getNumColumns()).toBeGreaterThanOrEqual(spec.fields.length);
    }
  });
});
