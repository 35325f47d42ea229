/**
 * A small hand-made workbook for the summary tests, written through the built bundle's own
 * SpreadsheetApp (cliInit_ configures it first). Expected figures for 2026-T3 are worked out by
 * hand next to the tests.
 */
import type { LoadedBundle } from '../../runtime/bundle-loader';
import { cellAt, cellRows } from '../../runtime/spreadsheet/sheet-grid';
import { loadDist } from '../support/built-bundle';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Row = Record<string, string | number>;

/** The generation instant: 20/11/2026 at 13:00 in Paris. */
export const NOW = new Date('2026-11-20T12:00:00Z');

export function spreadsheetOf(bundle: LoadedBundle): Spreadsheet {
  const app = bundle.runtime.globals['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return app.getActiveSpreadsheet();
}

/** Appends rows by header name (the configured sheets have the schema headers). */
export function appendByHeader(ss: Spreadsheet, sheetName: string, rows: readonly Row[]): void {
  const sheet = ss.getSheetByName(sheetName)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const values = rows.map((row) => {
    for (const key of Object.keys(row)) if (!headers.includes(key)) throw new Error(`No column ${key} in ${sheetName}`);
    return headers.map((h) => row[h] ?? '');
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, values.length, headers.length).setValues(values);
}

export function setParameter(ss: Spreadsheet, name: string, value: string | number): void {
  const sheet = ss.getSheetByName('Paramètres')!;
  const table = sheet.getDataRange().getValues();
  const index = table.findIndex((row) => row[0] === name);
  if (index < 1) throw new Error(`No parameter ${name}`);
  sheet.getRange(index + 1, 2).setValue(value);
}

/** Personal data of the fixture: none of it may appear in a summary sheet. */
export const PERSONAL_TEXTS = [
  'P-2026-0001',
  'P-2026-0002',
  'P-2026-0003',
  'P-2026-0004',
  'Martin',
  'Camille',
  'Bernard',
  'Louis',
  'Petit',
  'Inès',
  'Durand',
  'Hugo',
  '12/05/1990',
  '1990-05-12',
  '20/01/1970',
  '03/09/2004',
  'Suivi rapproché',
  'Arrivé en retard',
  'Très bon progrès',
  'Rue des Lilas',
];

/**
 * Four parcours financed by CD (one also by PV), a candidate among them, three attendance rows
 * and two evaluations, in a configured workbook; secrecy threshold as given.
 */
export function fixtureBundle(options: { threshold?: number } = {}): LoadedBundle {
  const bundle = loadDist({ now: NOW });
  bundle.call('cliInit_');
  const ss = spreadsheetOf(bundle);
  setParameter(ss, 'Nom de la structure', 'Atelier des Tilleuls');
  if (options.threshold !== undefined) setParameter(ss, 'Seuil de secret statistique', options.threshold);
  appendByHeader(ss, 'Ateliers', [{ Atelier: 'Maraîchage', 'Durée de séance (h)': 3, Actif: 'Oui' }]);
  appendByHeader(ss, 'Financeurs', [
    { Code: 'CD', Nom: 'Conseil départemental', 'ETP conventionnés': 2, 'Heures annuelles par ETP': 1607, 'Durée minimale de parcours (mois)': 3 },
    { Code: 'PV', Nom: 'Politique de la ville', 'Heures annuelles par ETP': 1607, 'Durée minimale de parcours (mois)': 0 },
  ]);
  const person = (id: string, nom: string, prenom: string, naissance: string, sexe: string) => ({
    ID: id,
    Nom: nom,
    Prénom: prenom,
    'Date de naissance': naissance,
    Sexe: sexe,
    Commune: 'Rue des Lilas, Montval',
    Atelier: 'Maraîchage',
  });
  appendByHeader(ss, 'Participants', [
    {
      ...person('P-2026-0001', 'Martin', 'Camille', '12/05/1990', 'F'),
      Prescripteur: 'France Travail',
      Financeurs: 'CD',
      "Date d'entrée": '02/03/2026',
      'Heures hebdo prévues': 20,
      Observations: 'Suivi rapproché demandé',
    },
    {
      ...person('P-2026-0002', 'Bernard', 'Louis', '20/01/1970', 'H'),
      Financeurs: 'CD',
      "Date d'entrée": '01/02/2026',
      'Heures hebdo prévues': 20,
      'Date de sortie': '14/08/2026',
      'Motif de sortie': 'CDI',
    },
    {
      ...person('P-2026-0003', 'Petit', 'Inès', '03/09/2004', 'F'),
      Financeurs: 'CD, PV',
      "Date d'entrée": '30/09/2026',
      'Heures hebdo prévues': 20,
    },
    { ...person('P-2026-0004', 'Durand', 'Hugo', '15/06/1985', 'H'), Financeurs: 'CD' },
  ]);
  appendByHeader(ss, 'Présences', [
    { Date: '06/07/2026', Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: 'Présent', Heures: 3 },
    { Date: '06/07/2026', Atelier: 'Maraîchage', ID: 'P-2026-0002', Présence: 'Absent justifié' },
    { Date: '07/07/2026', Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: 'Retard', Heures: 2.5, Commentaire: 'Arrivé en retard (bus)' },
  ]);
  appendByHeader(ss, 'Évaluations', [
    { Date: '10/05/2026', ID: 'P-2026-0001', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'Non acquis' },
    { Date: '10/08/2026', ID: 'P-2026-0001', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'Acquis', Commentaire: 'Très bon progrès' },
  ]);
  bundle.runtime.calls.reset();
  return bundle;
}

/** Every value of a sheet of the model, as text (Dates included, so a leaked date is seen). */
export function sheetTexts(bundle: LoadedBundle, name: string): string[] {
  const sheet = bundle.runtime.model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return cellRows(sheet).flatMap((row) => row.map((cell) => (cell === undefined ? '' : String(cell.value))));
}

export function sheetCell(bundle: LoadedBundle, name: string, row: number, column: number) {
  const sheet = bundle.runtime.model.sheets.find((s) => s.name === name);
  return sheet ? cellAt(sheet, row, column) : undefined;
}

/** The row (1-based) whose first cell is `label`, in a sheet of the model. */
export function rowOf(bundle: LoadedBundle, name: string, label: string): number {
  const sheet = bundle.runtime.model.sheets.find((s) => s.name === name)!;
  const index = cellRows(sheet).findIndex((row) => row[0]?.value === label);
  if (index < 0) throw new Error(`No row « ${label} » in ${name}`);
  return index + 1;
}
