import { readWorkbook, type RawTables } from '../../src/domain/read-workbook';
import { parsePeriod } from '../../src/domain/period';
import { computeSummary } from '../../src/domain/summary/compute-summary';
import type { SheetName } from '../../src/domain/workbook-schema';
import type { LoadedBundle } from '../../runtime/bundle-loader';
import { createScriptRunBridge } from '../../runtime/script-run-bridge';
import { cellRows } from '../../runtime/spreadsheet/sheet-grid';
import {
  fixtureBundle,
  NOW,
  PERSONAL_TEXTS,
  rowOf,
  sheetCell,
  sheetTexts,
  spreadsheetOf,
} from './report-fixture';
import { loadDist } from '../support/built-bundle';

type ReportResult = { ok: true; sheetName: string; notice: string; summary: unknown } | { ok: false; kind: string; message: string };

function report(bundle: LoadedBundle, period: string, funder: string | null): ReportResult {
  return bundle.call<ReportResult>('cliReport_', period, funder);
}

function okReport(bundle: LoadedBundle, period: string, funder: string | null) {
  const result = report(bundle, period, funder);
  if (!result.ok) throw new Error(result.message);
  return result;
}

function valueAt(bundle: ReturnType<typeof fixtureBundle>, sheet: string, label: string, column = 2) {
  return sheetCell(bundle, sheet, rowOf(bundle, sheet, label), column)?.value;
}

function journalRows(bundle: ReturnType<typeof fixtureBundle>): number {
  return spreadsheetOf(bundle).getSheetByName('Journal')!.getLastRow();
}

describe('the summary sheet (built bundle, local runtime)', () => {
  it('is named after the period and the funder, marked as generated and activated', () => {
    const bundle = fixtureBundle();
    expect(okReport(bundle, '2026-T3', 'cd').sheetName).toBe('Bilan 2026-T3 CD');
    expect(okReport(bundle, '2026-Q3', null).sheetName).toBe('Bilan 2026-T3');
    const ss = spreadsheetOf(bundle);
    expect(ss.getActiveSheet().getName()).toBe('Bilan 2026-T3');
    const sheet = ss.getSheetByName('Bilan 2026-T3 CD')!;
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['parcours.generated']);
  });

  it('shows the title block and the figures worked out by hand for 2026-T3, funder CD', () => {
    const bundle = fixtureBundle();
    okReport(bundle, '2026-T3', 'CD');
    const name = 'Bilan 2026-T3 CD';
    expect(sheetCell(bundle, name, 1, 1)?.value).toBe('Bilan financeur — Atelier des Tilleuls');
    expect(valueAt(bundle, name, 'Financeur')).toBe('CD — Conseil départemental');
    expect(valueAt(bundle, name, 'Période')).toBe('3e trimestre 2026 (du 01/07/2026 au 30/09/2026)');
    expect(sheetTexts(bundle, name)).toContain('Généré le 20/11/2026 à 13:00 par coordination@exemple.fr');
    // Active: P1, P2 (left 14/08), P3 (entered on the last day); P4 is a candidate.
    expect(valueAt(bundle, name, 'Parcours actifs sur la période')).toBe(3);
    expect(valueAt(bundle, name, 'Entrées sur la période')).toBe(1);
    expect(valueAt(bundle, name, 'Candidats en attente d’entrée')).toBe(1);
    expect(valueAt(bundle, name, 'Femmes')).toBe(2);
    // P1 and P3 out of 3 active parcours.
    expect(valueAt(bundle, name, 'Femmes', 3)).toBeCloseTo(2 / 3, 12);
    expect(sheetCell(bundle, name, rowOf(bundle, name, 'Femmes'), 3)?.numberFormat).toBe('0.0%');
    expect(valueAt(bundle, name, '50 ans et plus')).toBe(1);
    // 3 h (Présent) + 2.5 h (Retard); the Absent justifié row counts as a session only.
    expect(valueAt(bundle, name, 'Heures réalisées (présent ou en retard)')).toBe(5.5);
    expect(valueAt(bundle, name, 'Séances enregistrées')).toBe(3);
    const rate = sheetCell(bundle, name, rowOf(bundle, name, 'Taux de présence'), 2)!;
    expect(rate.value).toBeCloseTo(2 / 3, 12);
    expect(rate.numberFormat).toBe('0.0%');
    const etp = sheetCell(bundle, name, rowOf(bundle, name, 'ETP réalisés'), 2)!;
    expect(etp.value).toBeCloseTo(5.5 / ((1607 * 92) / 365), 12);
    expect(etp.numberFormat).toBe('0.0');
    // As the funder wrote it: a yearly average of posts, not pro-rated.
    expect(valueAt(bundle, name, 'ETP conventionnés')).toBe(2);
    expect(valueAt(bundle, name, 'Taux de consommation des ETP conventionnés')).toBeCloseTo(5.5 / ((1607 * 92) / 365) / 2, 12);
    expect(valueAt(bundle, name, 'Emploi durable')).toBe(1);
    expect(valueAt(bundle, name, 'CDI')).toBe(1);
    // 01/02/2026 → 14/08/2026 = 194 days, 6 full months ≥ CD's 3: examined, and a CDI.
    expect(valueAt(bundle, name, 'Durée moyenne des parcours sortis (jours)')).toBe(194);
    expect(valueAt(bundle, name, 'Taux de sortie dynamique')).toBe(1);
    expect(valueAt(bundle, name, 'Sorties dynamiques')).toBe(1);
    expect(valueAt(bundle, name, 'Taux d’emploi durable')).toBe(1);
    expect(valueAt(bundle, name, 'Taux d’emploi')).toBe(1);
    expect(valueAt(bundle, name, 'Durée minimale de parcours pour examiner une sortie')).toBe('3 mois');
    expect(valueAt(bundle, name, 'Participants en progression')).toBe(1);
    expect(valueAt(bundle, name, 'Problèmes relevés à la lecture du classeur')).toBe(0);
    const row = rowOf(bundle, name, 'Maraîchage');
    expect([2, 3, 4].map((c) => sheetCell(bundle, name, row, c)?.value)).toEqual([2, 5.5, 3]);
  });

  it('holds no ID, name, birth date, address or comment of the source, and no date cell', () => {
    const bundle = fixtureBundle();
    okReport(bundle, '2026-T3', 'CD');
    okReport(bundle, '2026', null);
    for (const name of ['Bilan 2026-T3 CD', 'Bilan 2026']) {
      const texts = sheetTexts(bundle, name);
      for (const personal of PERSONAL_TEXTS) {
        expect(texts.filter((t) => t.includes(personal))).toEqual([]);
      }
      const sheet = bundle.runtime.model.sheets.find((s) => s.name === name)!;
      const dates = cellRows(sheet).flat().filter((c) => c !== undefined && typeof c.value === 'object');
      expect(dates).toEqual([]);
    }
  });

  it('masks counts from 1 to N−1 with the secrecy threshold, and the rates over them, not hours', () => {
    const bundle = fixtureBundle({ threshold: 5 });
    okReport(bundle, '2026-T3', 'CD');
    const name = 'Bilan 2026-T3 CD';
    expect(valueAt(bundle, name, 'Parcours actifs sur la période')).toBe('< 5');
    expect(valueAt(bundle, name, 'Femmes')).toBe('< 5');
    expect(valueAt(bundle, name, 'AAH')).toBe(0);
    expect(valueAt(bundle, name, 'Séances enregistrées')).toBe('< 5');
    expect(valueAt(bundle, name, 'Taux de présence')).toBe('masqué');
    expect(valueAt(bundle, name, 'Taux de sortie dynamique')).toBe('masqué');
    expect(valueAt(bundle, name, 'Durée moyenne des parcours sortis (jours)')).toBe('masqué');
    expect(valueAt(bundle, name, 'Heures réalisées (présent ou en retard)')).toBe(5.5);
    const row = rowOf(bundle, name, 'Maraîchage');
    expect([2, 3, 4, 5].map((c) => sheetCell(bundle, name, row, c)?.value)).toEqual(['< 5', 5.5, '< 5', 'masqué']);
    // Every number left in a count cell is 0 or at least 5.
    const sheet = bundle.runtime.model.sheets.find((s) => s.name === name)!;
    const counts = cellRows(sheet).flat().filter((c) => c?.numberFormat === '0' && typeof c.value === 'number');
    expect(counts.length).toBeGreaterThan(10);
    for (const cell of counts) expect(cell!.value === 0 || (cell!.value as number) >= 5).toBe(true);
  });

  it('writes the sheet with one setValues, a fixed set of formatting calls, two charts and one Journal line', () => {
    const bundle = fixtureBundle();
    const before = journalRows(bundle);
    okReport(bundle, '2026-T3', 'CD');
    const calls = bundle.runtime.calls;
    // One setValues for the summary, one for the Journal line.
    expect(calls.count('Range.setValues')).toBe(2);
    expect(calls.count('Range.setValue')).toBe(0);
    expect(calls.count('Range.setNumberFormats')).toBe(1);
    // Each of the 9 source sheets (Accompagnement included) read with at most two getValues: its top
    // rows (headers), then its table when it is longer than those.
    expect(calls.count('Range.getValues')).toBeGreaterThanOrEqual(9);
    expect(calls.count('Range.getValues')).toBeLessThanOrEqual(18);
    expect(journalRows(bundle)).toBe(before + 1);
    const charts = bundle.runtime.model.sheets.find((s) => s.name === 'Bilan 2026-T3 CD')!.charts;
    expect(charts.map((c) => c.options['title'])).toEqual(['Heures réalisées par atelier', 'Sorties par catégorie']);
    const categoriesRow = rowOf(bundle, 'Bilan 2026-T3 CD', 'Catégorie de sortie (ASP)');
    expect(charts[1]!.ranges).toEqual([`'Bilan 2026-T3 CD'!A${categoriesRow}:B${categoriesRow + 5}`]);
  });

  it('replaces a summary it generated, keeping one sheet and two charts', () => {
    const bundle = fixtureBundle();
    okReport(bundle, '2026-T3', 'CD');
    const second = okReport(bundle, '2026-T3', 'CD');
    expect(second.sheetName).toBe('Bilan 2026-T3 CD');
    expect(second.notice).toContain('mis à jour');
    const bilans = bundle.runtime.model.sheets.filter((s) => s.name.startsWith('Bilan'));
    expect(bilans.map((s) => s.name)).toEqual(['Bilan 2026-T3 CD']);
    expect(bilans[0]!.charts).toHaveLength(2);
  });

  it('never touches a sheet a person made with the same name: it takes « (2) » and says so', () => {
    const bundle = fixtureBundle();
    const ss = spreadsheetOf(bundle);
    ss.insertSheet('Bilan 2026-T3 CD').getRange(1, 1).setValue('Mes notes pour le financeur');
    const result = okReport(bundle, '2026-T3', 'CD');
    expect(result.sheetName).toBe('Bilan 2026-T3 CD (2)');
    expect(result.notice).toContain('« Bilan 2026-T3 CD » créée à la main existe déjà');
    expect(sheetTexts(bundle, 'Bilan 2026-T3 CD')).toEqual(['Mes notes pour le financeur']);
    // Generating again reuses « (2) », Parcours' own sheet.
    expect(okReport(bundle, '2026-T3', 'CD').sheetName).toBe('Bilan 2026-T3 CD (2)');
    expect(sheetTexts(bundle, 'Bilan 2026-T3 CD')).toEqual(['Mes notes pour le financeur']);
  });

  it('returns the same JSON as computeSummary on the same rows', () => {
    const bundle = fixtureBundle();
    const result = okReport(bundle, '2026-T3', 'CD');
    const ss = spreadsheetOf(bundle);
    const tables: RawTables = {};
    for (const sheet of ss.getSheets()) tables[sheet.getName() as SheetName] = sheet.getDataRange().getValues();
    const expected = computeSummary(readWorkbook(tables, { timeZone: 'Europe/Paris', today: '2026-11-20' }), parsePeriod('2026-T3')!, 'CD', {
      today: '2026-11-20',
    });
    expect(JSON.parse(JSON.stringify(result.summary))).toEqual(expected);
    expect(expected.fileActive).toEqual({ active: 3, entries: 1, exits: 1, candidates: 1 });
  });

  it('refuses a missing Participants sheet naming it, and writes nothing', () => {
    const bundle = fixtureBundle();
    const ss = spreadsheetOf(bundle);
    ss.deleteSheet(ss.getSheetByName('Participants')!);
    const sheetsBefore = bundle.runtime.model.sheets.map((s) => s.name);
    bundle.runtime.calls.reset();
    const result = report(bundle, '2026-T3', 'CD');
    expect(result).toEqual({ ok: false, kind: 'format', message: expect.stringContaining('« Participants »') });
    expect(bundle.runtime.calls.countKind('write')).toBe(0);
    expect(bundle.runtime.model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it('refuses a bad period or an unknown funder in French, before any write', () => {
    const bundle = fixtureBundle();
    expect(report(bundle, '2026-T5', null)).toEqual({
      ok: false,
      kind: 'usage',
      message: expect.stringContaining('Période non reconnue : « 2026-T5 »'),
    });
    expect(report(bundle, '2026-T3', 'XX')).toEqual({
      ok: false,
      kind: 'usage',
      message: expect.stringContaining('Financeur inconnu : « XX »'),
    });
    expect(bundle.runtime.calls.countKind('write')).toBe(0);
  });
});

describe('the « Générer le bilan » dialog', () => {
  it('opens the Bilan dialog from the menu', () => {
    const bundle = fixtureBundle();
    bundle.call('menuGenerateSummary');
    const shown = bundle.runtime.ui.lastDisplay()!;
    expect(shown.kind).toBe('modal');
    expect(shown.title).toBe('Générer le bilan');
    expect(shown.content).toContain('id="period"');
  });

  it('offers the recent periods and the funders, and generates through google.script.run', () => {
    const bundle = fixtureBundle();
    const run = createScriptRunBridge(bundle);
    const choices = run.run('summaryDialogChoices', []) as {
      today: string;
      periods: { value: string; label: string }[];
      funders: { value: string; label: string }[];
      error: string | null;
    };
    expect(choices.today).toBe('2026-11-20');
    expect(choices.periods.map((p) => p.value)).toEqual(['2026-T3', '2026-T2', '2026-T1', '2025-T4', '2026-T4', '2025', '2026']);
    // Only the periods not over on 2026-11-20 say so.
    expect(choices.periods.filter((p) => p.label.endsWith(' — en cours')).map((p) => p.value)).toEqual(['2026-T4', '2026']);
    expect(choices.funders.map((f) => f.value)).toEqual(['', 'CD', 'PV']);
    expect(choices.error).toBeNull();
    const reply = run.run('generateSummaryFromDialog', [{ period: '2026-07-01..2026-08-31', funder: 'PV' }]);
    expect(reply).toEqual({ ok: true, sheetName: 'Bilan 2026-07 à 2026-08 PV', message: expect.any(String) });
  });

  it('shows the same message as the command line for a missing column, and refuses a bad request', () => {
    const bundle = fixtureBundle();
    const ss = spreadsheetOf(bundle);
    const evaluations = ss.getSheetByName('Évaluations')!;
    const headers = evaluations.getRange(1, 1, 1, evaluations.getLastColumn()).getValues()[0]!;
    evaluations.getRange(1, headers.indexOf('Niveau') + 1).setValue('Remarque');
    const run = createScriptRunBridge(bundle);
    const cli = report(bundle, '2026-T3', null);
    expect(cli.ok).toBe(false);
    const message = (cli as { message: string }).message;
    expect(message).toContain('« Niveau »');
    expect(run.run('generateSummaryFromDialog', [{ period: '2026-T3', funder: null }])).toEqual({ ok: false, message });
    expect(run.run('generateSummaryFromDialog', [{ period: ' ', funder: null }])).toEqual({
      ok: false,
      message: 'Choisissez une période.',
    });
  });
});

describe('service calls do not depend on the data size', () => {
  it('makes the same calls for 30 and 90 demo parcours', () => {
    const counts = [30, 90].map((parcours) => {
      const bundle = loadDist({ now: NOW });
      const built = bundle.call<{ ok: boolean; attendance: number }>('cliBenchWorkbook_', parcours, 2, '2026-11-20');
      expect(built.ok).toBe(true);
      bundle.runtime.calls.reset();
      expect(okReport(bundle, '2026-T3', null).sheetName).toBe('Bilan 2026-T3');
      return { calls: bundle.runtime.calls.snapshot(), cellsRead: bundle.runtime.calls.cellsRead };
    });
    expect(counts[1]!.calls).toEqual(counts[0]!.calls);
    expect(counts[1]!.cellsRead).toBeGreaterThan(2 * counts[0]!.cellsRead);
  });
});
