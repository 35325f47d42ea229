import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { loadXlsx, saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { summarySchema } from '../../src/domain/summary/summary-schema';
import { parcoursInProcess } from '../cli/run-cli';
import { loadDist } from '../support/built-bundle';
import { spreadsheetOf } from './report-fixture';

const parcours = parcoursInProcess;

const folder = mkdtempSync(join(tmpdir(), 'parcours-report-'));

describe('parcours report', () => {
  it('exits 0 on the demo workbook and writes a JSON that matches the schema and the .xlsx', async () => {
    const json = join(folder, 'bilan.json');
    const xlsx = join(folder, 'bilan.xlsx');
    const run = await parcours('report', '--period', '2026-T3', '--funder', 'CD', '--json', json, '--out', xlsx);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Financeur CD — du 01/07/2026 au 30/09/2026');
    const summary = summarySchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(summary.funder).toBe('CD');
    expect(summary.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(summary.fileActive.active).toBeGreaterThan(0);
    const model = await loadXlsx(xlsx);
    expect(model.sheets.map((s) => s.name)).toContain('Bilan 2026-T3 CD');

    // Generating again on the saved file replaces Parcours' own sheet (its metadata survived the .xlsx).
    const xlsxAgain = join(folder, 'bilan-encore.xlsx');
    const again = await parcours('report', '--workbook', xlsx, '--period', '2026-T3', '--funder', 'CD', '--out', xlsxAgain);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Bilan mis à jour dans la feuille « Bilan 2026-T3 CD »');
    expect((await loadXlsx(xlsxAgain)).sheets.filter((s) => s.name.startsWith('Bilan')).map((s) => s.name)).toEqual([
      'Bilan 2026-T3 CD',
    ]);
  }, 180_000);

  it('exits 1 with a French message for a bad period, a missing --period or an unknown funder', async () => {
    const badPeriod = await parcours('report', '--period', '2026-T5');
    expect(badPeriod.code).toBe(1);
    expect(badPeriod.err).toContain('Période non reconnue : « 2026-T5 »');
    const noPeriod = await parcours('report');
    expect(noPeriod.code).toBe(1);
    expect(noPeriod.err).toContain('attend --period');
    const unknown = await parcours('report', '--period', '2026-T3', '--funder', 'XX');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Financeur inconnu : « XX »');
  }, 120_000);

  it('exits 2 naming a missing Participants sheet, and writes no file', async () => {
    const model = createSpreadsheetModel('Incomplet');
    const bundle = loadDist({ model });
    bundle.call('cliInit_');
    model.sheets = model.sheets.filter((s) => s.name !== 'Participants');
    const path = join(folder, 'incomplet.xlsx');
    await saveXlsx(model, path);
    const json = join(folder, 'jamais.json');
    const run = await parcours('report', '--workbook', path, '--period', '2026-T3', '--json', json);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Feuille « Participants » introuvable');
    expect(() => readFileSync(json)).toThrow();
  });

  it('exits 2 for a sheet that is there but lacks a required header, naming it', async () => {
    const model = createSpreadsheetModel('Sans en-tête');
    const bundle = loadDist({ model });
    bundle.call('cliInit_');
    spreadsheetOf(bundle).getSheetByName('Présences')!.getRange(1, 4).setValue('État de la séance');
    const path = join(folder, 'sans-entete.xlsx');
    await saveXlsx(model, path);
    const run = await parcours('report', '--workbook', path, '--period', '2026-T3');
    expect(run.code).toBe(2);
    expect(run.err).toContain('Colonne « Présence » introuvable dans la feuille « Présences »');
  });

  it('gives a bilan from a workbook holding only Participants: each absent sheet one data issue', async () => {
    const model = createSpreadsheetModel('Participants seuls');
    const bundle = loadDist({ model });
    bundle.call('cliInit_');
    model.sheets = model.sheets.filter((s) => s.name === 'Participants');
    const path = join(folder, 'participants-seuls.xlsx');
    await saveXlsx(model, path);
    const json = join(folder, 'participants-seuls.json');
    const run = await parcours('report', '--workbook', path, '--period', '2026-T3', '--json', json);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(json, 'utf8')) as { dataIssues: { sheet: string; row: number }[] };
    expect(summary.dataIssues.map((i) => i.sheet)).toEqual([
      'Présences',
      'Évaluations',
      'Accompagnement',
      'Ateliers',
      'Financeurs',
      'Motifs de sortie',
      'Listes',
      'Paramètres',
    ]);
  });
});

describe('parcours --help', () => {
  it('prints the usage and exits 0; no command at all is bad usage', async () => {
    const help = await parcours('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('parcours report [--workbook F.xlsx] --period P');
    const none = await parcours();
    expect(none.code).toBe(1);
    expect(none.err).toContain('Commande manquante.');
  });
});

describe('parcours … --timezone', () => {
  it('refuses an unknown zone in French with exit code 1, before reading anything', async () => {
    const run = await parcours('check', join(folder, 'absent.xlsx'), '--timezone', 'Europe/Parus');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Fuseau horaire inconnu : « Europe/Parus »');
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('accepts any IANA zone: the workbook is read, and written, in it', async () => {
    const path = join(folder, 'zone.xlsx');
    const init = await parcours('init', path, '--timezone', 'Pacific/Kiritimati');
    expect(init.code).toBe(0);
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Honolulu']) {
      const model = await loadXlsx(path, { timeZone: zone });
      expect(model.timeZone).toBe(zone);
    }
    const check = await parcours('check', path, '--timezone', 'Indian/Reunion');
    expect(check.code).toBe(0);
  });
});
