import { summarySchema, type Summary } from '../../src/domain/summary/summary-schema';
import { isMaskedCount, maskedCount } from '../../src/sheets/summary/secrecy';
import { CHART_HEIGHT_PX, CHART_ROW_SPAN, layoutSummary, SUMMARY_WIDTH } from '../../src/sheets/summary/summary-layout';
import { MAX_SHEET_NAME_LENGTH, numberedSheetName } from '../../src/domain/sheet-name';
import { summarySheetName } from '../../src/sheets/summary/summary-sheet-name';
import { parsePeriod } from '../../src/domain/period';
import { motifCategories } from '../../src/domain/summary/exits';
import { DEFAULT_EXIT_REASONS } from '../../src/domain/workbook-schema';

function summary(): Summary {
  return summarySchema.parse({
    structure: '=Atelier',
    funder: 'CD',
    period: { start: '2026-07-01', end: '2026-09-30' },
    fileActive: { active: 12, entries: 4, exits: 2, candidates: 0 },
    profile: {
      sex: { F: 5, H: 7 },
      age: { 'moins de 26 ans': 1, '26 à 49 ans': 8, '50 ans et plus': 3 },
      minimumSocial: { RSA: 12, AAH: 0, ASS: 0, Aucun: 0 },
      rsaOrientation: { Sociale: 2, 'Socio-professionnelle': 8, Professionnelle: 2, 'Non renseignée': 0 },
      qpv: 6,
      rqth: 1,
      deld: 5,
      education: { 'Infra 3': 4, '3 (CAP, BEP)': 4, '4 (Bac)': 2, '5 et plus': 2, 'Non renseigné': 0 },
      prescriber: { 'France Travail': 9, '+Autre': 3, 'Non répertorié': 0, 'Non renseigné': 0 },
    },
    attendance: {
      hours: 412.5,
      sessions: 140,
      present: 126,
      presenceRate: 0.9,
      etp: 1.02,
      etpContracted: null,
      etpConsumption: null,
      byWorkshop: [
        { workshop: 'Maraîchage', active: 9, hours: 400, sessions: 136, presenceRate: 0.9 },
        { workshop: 'Cuisine', active: 3, hours: 12.5, sessions: 4, presenceRate: 0.75 },
      ],
    },
    exits: {
      total: 2,
      byCategory: {
        'Emploi durable': 1,
        'Emploi de transition': 0,
        'Sorties positives': 0,
        'Autres sorties': 1,
        'Retrait des sorties constatées': 0,
      },
      byReason: { CDI: 1, 'Non renseigné': 1 },
      examined: 2,
      notExamined: 0,
      dynamic: 1,
      dynamicRate: 0.5,
      durableRate: 0.5,
      employmentRate: 0.5,
      averageDurationDays: 150.5,
    },
    evaluations: {
      participantsEvaluated: 10,
      objectivesAssessed: 30,
      objectivesAcquired: 12,
      acquiredRate: 0.4,
      participantsProgressing: 6,
    },
    support: {
      actions: {
        'Entretien individuel': { count: 40, participants: 12, hours: 0 },
        Formation: { count: 2, participants: 2, hours: 70.5 },
        'Immersion en entreprise (PMSMP)': { count: 6, participants: 6, hours: 210 },
      },
      barriers: {
        Mobilité: { concerned: 7, workedOn: 6, lifted: 3 },
        Santé: { concerned: 1, workedOn: 1, lifted: 0 },
      },
    },
    previousYear: {
      period: { start: '2025-07-01', end: '2025-09-30' },
      active: 10,
      entries: 3,
      exits: 4,
      hours: 380,
      etp: 0.9,
      dynamic: 2,
      dynamicRate: 0.5,
      durableRate: 0.25,
      employmentRate: 0.5,
    },
    dataIssues: [{ sheet: 'Présences', row: 4, column: 'ID', message: 'ID inconnu : P-2026-0099' }],
  });
}

const context = (threshold: number) => ({
  funderLabel: 'CD — Conseil départemental',
  periodLabel: '3e trimestre 2026 (du 01/07/2026 au 30/09/2026)',
  generatedLine: 'Généré le 20/11/2026 à 13:00 par coordination@exemple.fr',
  secrecyThreshold: threshold,
  minimumMonths: 3,
  hoursPerEtp: 1607,
  motifCategory: motifCategories(DEFAULT_EXIT_REASONS.map(([motif, category], i) => ({ row: i + 2, motif, category }))),
});

function rowValues(layout: ReturnType<typeof layoutSummary>, label: string): unknown[] {
  const row = layout.values.find((r) => r[0] === label);
  if (!row) throw new Error(`No row ${label}`);
  return row;
}

describe('secret statistique', () => {
  it('masks counts from 1 to N−1 only, and nothing when N is 0 or 1', () => {
    expect([0, 1, 4, 5, 6].map((n) => maskedCount(n, 5))).toEqual([0, '< 5', '< 5', 5, 6]);
    expect(maskedCount(1, 0)).toBe(1);
    expect(maskedCount(1, 1)).toBe(1);
    expect(isMaskedCount(2, 3)).toBe(true);
    expect(isMaskedCount(3, 3)).toBe(false);
  });
});

describe('layoutSummary', () => {
  it('lays every row out at the sheet width with one format, weight and background per cell', () => {
    const layout = layoutSummary(summary(), context(0));
    for (const grid of [layout.values, layout.numberFormats, layout.fontWeights, layout.backgrounds]) {
      expect(grid).toHaveLength(layout.values.length);
      for (const row of grid) expect(row).toHaveLength(SUMMARY_WIDTH);
    }
  });

  it('gives rates, ETP and hours their number formats and escapes text that would be a formula', () => {
    const layout = layoutSummary(summary(), context(0));
    const index = layout.values.findIndex((r) => r[0] === 'Taux de présence');
    expect(layout.values[index]![1]).toBe(0.9);
    expect(layout.numberFormats[index]![1]).toBe('0.0%');
    const etp = layout.values.findIndex((r) => r[0] === 'ETP réalisés');
    expect(layout.numberFormats[etp]![1]).toBe('0.0');
    expect(rowValues(layout, 'ETP conventionnés')[1]).toBe('non renseignés');
    expect(rowValues(layout, 'Taux de consommation des ETP conventionnés')[1]).toBe('—');
    expect(layout.values[0]![0]).toBe('Bilan financeur — =Atelier');
    expect(rowValues(layout, 'Structure')[1]).toBe("'=Atelier");
    expect(rowValues(layout, "'+Autre")[1]).toBe(3);
  });

  it('shows the data issues as a count only', () => {
    const layout = layoutSummary(summary(), context(0));
    expect(rowValues(layout, 'Problèmes relevés à la lecture du classeur')[1]).toBe(1);
    expect(layout.values.flat().filter((v) => String(v).includes('P-2026-0099'))).toEqual([]);
  });

  it('with threshold 5 masks small counts and the rates and averages over them, not hours', () => {
    const layout = layoutSummary(summary(), context(5));
    expect(rowValues(layout, 'Parcours actifs sur la période')[1]).toBe(12);
    expect(rowValues(layout, 'Entrées sur la période')[1]).toBe('< 5');
    expect(rowValues(layout, 'AAH')[1]).toBe(0);
    expect(rowValues(layout, 'Cuisine')).toEqual(['Cuisine', '< 5', 12.5, '< 5', 'masqué']);
    // Secondary suppression: Maraîchage's 136 sessions + Cuisine's masked 4 = the 140 shown.
    expect(rowValues(layout, 'Maraîchage')).toEqual(['Maraîchage', 9, 400, 'masqué', 'masqué']);
    expect(rowValues(layout, 'Taux de sortie dynamique')[1]).toBe('masqué');
    expect(rowValues(layout, 'Durée moyenne des parcours sortis (jours)')[1]).toBe('masqué');
    expect(rowValues(layout, 'Part des objectifs acquis')[1]).toBe(0.4);
    expect(layout.values.flat()).toContain(
      'Secret statistique : les effectifs de 1 à 4 sont affichés « < 5 » ; d’autres effectifs sont affichés « masqué » pour ' +
        'qu’aucun ne puisse être retrouvé par addition ou soustraction, et un taux, une part ou une moyenne calculés sur un ' +
        'effectif masqué sont masqués aussi.',
    );
  });

  it('charts exits by category and hours by atelier from the rows it wrote', () => {
    const layout = layoutSummary(summary(), context(0));
    const [hours, exits] = layout.charts;
    const header = layout.values.findIndex((r) => r[0] === 'Atelier') + 1;
    expect(hours!.ranges).toEqual([
      { row: header, column: 1, numRows: 3, numColumns: 1 },
      { row: header, column: 3, numRows: 3, numColumns: 1 },
    ]);
    const categories = layout.values.findIndex((r) => r[0] === 'Catégorie de sortie (ASP)') + 1;
    expect(exits!.ranges).toEqual([{ row: categories, column: 1, numRows: 6, numColumns: 2 }]);
    expect(layout.values[categories]![0]).toBe('Emploi durable');
  });

  it('places the second chart below the first one when their tables are close, never over it', () => {
    const layout = layoutSummary(summary(), context(0));
    const [hours, exits] = layout.charts;
    const header = layout.values.findIndex((r) => r[0] === 'Atelier') + 1;
    const categories = layout.values.findIndex((r) => r[0] === 'Catégorie de sortie (ASP)') + 1;
    expect(hours!.anchorRow).toBe(header);
    // Two ateliers: the categories table starts 5 rows below the atelier table, inside the first chart.
    expect(categories).toBe(header + 5);
    // 300 px at 21 px a row = 14.3 rows: 15 rows, plus one row between the charts.
    expect(CHART_ROW_SPAN * 21).toBeGreaterThanOrEqual(CHART_HEIGHT_PX);
    expect(CHART_ROW_SPAN).toBe(16);
    expect(exits!.anchorRow).toBe(header + 16);
    expect([hours!.anchorColumn, exits!.anchorColumn]).toEqual([7, 7]);
  });

  it('gives each profile and exit row its share of the active parcours or of the exits', () => {
    const layout = layoutSummary(summary(), context(0));
    // 12 active parcours: 5 women, 1 under 26, 6 in a QPV; 2 exits: 1 CDI.
    expect(rowValues(layout, 'Femmes').slice(0, 3)).toEqual(['Femmes', 5, 5 / 12]);
    expect(rowValues(layout, 'moins de 26 ans').slice(1, 3)).toEqual([1, 1 / 12]);
    expect(rowValues(layout, 'AAH').slice(1, 3)).toEqual([0, 0]);
    expect(rowValues(layout, 'Résidents d’un quartier prioritaire (QPV)').slice(1, 3)).toEqual([6, 0.5]);
    expect(rowValues(layout, 'CDI').slice(1, 3)).toEqual([1, 0.5]);
    expect(rowValues(layout, 'Emploi durable').slice(1, 3)).toEqual([1, 0.5]);
    const sexHeader = layout.values.findIndex((r) => r[0] === 'Sexe');
    expect(layout.values[sexHeader]!.slice(0, 3)).toEqual(['Sexe', 'Nombre', 'Part']);
    expect(layout.numberFormats[sexHeader + 1]![2]).toBe('0.0%');
    // Section 1 has no share column: its third column is the same period a year earlier.
    expect(rowValues(layout, 'Parcours actifs sur la période')[2]).toBe(10);
    expect(rowValues(layout, 'Candidats en attente d’entrée')[2]).toBe('');
  });

  it('masks a share with its count, and shows none over no exit', () => {
    const masked = layoutSummary(summary(), context(5));
    expect(rowValues(masked, 'moins de 26 ans').slice(1, 3)).toEqual(['< 5', 'masqué']);
    expect(rowValues(masked, 'Femmes').slice(1, 3)).toEqual([5, 5 / 12]);
    expect(rowValues(masked, 'AAH').slice(1, 3)).toEqual([0, 0]);
    const none = summary();
    none.fileActive = { ...none.fileActive, exits: 0 };
    none.exits = { ...none.exits, total: 0, byCategory: { ...none.exits.byCategory, 'Emploi durable': 0, 'Autres sorties': 0 }, byReason: {} };
    expect(rowValues(layoutSummary(none, context(0)), 'Retrait des sorties constatées').slice(1, 3)).toEqual([0, '—']);
  });

  it('states the funder’s minimum duration next to the exits not examined', () => {
    // Text starting with a digit is written with Sheets' apostrophe, which is not part of the value.
    expect(rowValues(layoutSummary(summary(), context(0)), 'Durée minimale de parcours pour examiner une sortie')[1]).toBe(
      "'3 mois",
    );
    const all = layoutSummary(summary(), { ...context(0), minimumMonths: 0 });
    expect(rowValues(all, 'Durée minimale de parcours pour examiner une sortie')[1]).toBe('aucune');
    expect(rowValues(all, 'Sorties non examinées (parcours trop courts)')[1]).toBe(0);
  });
});

describe('summary sheet names', () => {
  it('names the sheet after the period label and the funder code', () => {
    expect(summarySheetName(parsePeriod('2026-Q3')!, 'CD')).toBe('Bilan 2026-T3 CD');
    expect(summarySheetName(parsePeriod('2026')!, null)).toBe('Bilan 2026');
    expect(numberedSheetName('Bilan 2026', 1)).toBe('Bilan 2026');
    expect(numberedSheetName('Bilan 2026', 3)).toBe('Bilan 2026 (3)');
  });

  it('stays within Excel’s 31 characters, legal and stable whatever the period and the funder code', () => {
    const range = parsePeriod('2025-07-01..2026-03-31')!;
    expect(summarySheetName(range, 'DD')).toBe('Bilan 2025-07 à 2026-03 DD');
    expect(summarySheetName(parsePeriod('2026-02-01..2026-02-28')!, null)).toBe('Bilan 2026-02');
    expect(summarySheetName(parsePeriod('2025-07-15..2026-03-31')!, 'CD')).toBe('Bilan 20250715-20260331 CD');
    const names = ['C/D', 'C:D', 'C-D', "'CD'", 'C?D*[93]', 'CONSEIL-DEPARTEMENTAL-93', 'CONSEIL-DEPARTEMENTAL-94'].map((code) =>
      summarySheetName(range, code),
    );
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
      expect(name).not.toMatch(/[\\/?*[\]:]|^'|'$/);
      expect(numberedSheetName(name, 200).length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(summarySheetName(range, 'C/D')).toBe(names[0]); // stable
    expect(names[2]).toBe('Bilan 2025-07 à 2026-03 C-D');
  });
});
