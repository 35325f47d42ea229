import { computeSummary } from '../../src/domain/summary/compute-summary';
import { funder, parcours, T3_2026, workbook } from './fixtures';

const today = { timeZone: 'Europe/Paris', today: '2026-10-05' };

const exited = (id: string, entryDate: string, exitDate: string, exitReason: string | null) =>
  parcours(id, { entryDate, exitDate, exitReason, funders: ['CD'] });

// CD examines exits of parcours of 3 months or more.
const data = workbook({
  funders: [funder('CD', { minimumMonths: 3 })],
  parcours: [
    exited('E1', '2026-04-15', '2026-07-15', 'CDI'), // 3 months (07-15 reached) → examined, dynamic; 91 days
    exited('E2', '2026-04-15', '2026-07-14', 'Au chômage'), // 2 months → not examined; 90 days
    exited('E3', '2026-07-01', '2026-07-01', 'Déménagement'), // Retrait des sorties constatées: neither; 0 days
    exited('E4', '2026-01-10', '2026-09-30', null), // Non renseigné → Autres sorties, examined; 263 days
    exited('E5', '2026-01-10', '2026-08-20', "Partie à l'étranger"), // unlisted → Autres sorties, examined; 222 days
    // The former label of « Entrée en formation qualifiante ou pré-qualifiante »: Sorties positives, examined; 212 days
    exited('E6', '2026-02-01', '2026-09-01', 'entrée en formation QUALIFIANTE'),
    exited('E7', '2026-01-01', '2026-06-30', 'CDI'), // before the period: not an exit of T3
    exited('E8', '2026-03-01', '2026-07-20', 'Autre raison'), // unlisted → Autres sorties, 4 months, examined; 141 days
    parcours('E9', { entryDate: '2026-03-01', funders: ['CD'] }), // no exit
    // Emploi de transition; 05-01 → 08-31 is 3 full months (08-01 reached): examined; 30+30+31+31 = 122 days
    exited('E10', '2026-05-01', '2026-08-31', 'CDD ou intérim de moins de 6 mois'),
  ],
});

describe('exits for CD (minimum 3 months)', () => {
  const exits = computeSummary(data, T3_2026, 'CD', today).exits;

  test('total and categories (all five keys)', () => {
    expect(exits.total).toBe(8);
    expect(exits.byCategory).toEqual({
      'Emploi durable': 1,
      'Emploi de transition': 1,
      'Sorties positives': 1,
      'Autres sorties': 4,
      'Retrait des sorties constatées': 1,
    });
  });

  test('motifs: Motifs de sortie order under the current labels, then Motif non répertorié (never the text typed), Non renseigné; zeros left out', () => {
    expect(Object.entries(exits.byReason)).toEqual([
      ['CDI', 1],
      ['CDD ou intérim de moins de 6 mois', 1],
      ['Entrée en formation qualifiante ou pré-qualifiante', 1],
      ['Au chômage', 1],
      ['Déménagement', 1],
      ['Motif non répertorié', 2],
      ['Non renseigné', 1],
    ]);
    expect(JSON.stringify(exits)).not.toMatch(/étranger|Autre raison/);
  });

  test('examined, not examined, dynamic rate, average duration', () => {
    // Examined: E1, E4, E5, E6, E8, E10; not examined: E2; E3 (Retrait) in neither.
    expect(exits.examined).toBe(6);
    expect(exits.notExamined).toBe(1);
    // Sorties dynamiques among examined: E1 (Emploi durable) + E10 (transition) + E6 (Sorties positives) = 3.
    expect(exits.dynamic).toBe(3);
    expect(exits.dynamicRate).toBe(0.5);
    // Emploi durable: E1 = 1 / 6; emploi (durable + transition): E1 + E10 = 2 / 6.
    expect(exits.durableRate).toBeCloseTo(1 / 6, 12);
    expect(exits.employmentRate).toBeCloseTo(2 / 6, 12);
    // (91 + 90 + 0 + 263 + 222 + 212 + 141 + 122) / 8 = 1141 / 8
    expect(exits.averageDurationDays).toBe(142.625);
  });

  test('without a funder the minimum is 0: every non-Retrait exit is examined', () => {
    const all = computeSummary(data, T3_2026, null, today).exits;
    expect(all.examined).toBe(7);
    expect(all.notExamined).toBe(0);
    // Dynamic: E1 + E6 + E10 = 3 / 7; E2 (Au chômage) now examined but not dynamic.
    expect(all.dynamic).toBe(3);
    expect(all.dynamicRate).toBeCloseTo(3 / 7, 12);
  });
});

describe('funder minimum at the month boundary (SPEC §2 examples)', () => {
  const examinedWith = (minimumMonths: number, entryDate: string, exitDate: string) => {
    const one = workbook({
      funders: [funder('CD', { minimumMonths })],
      parcours: [exited('X', entryDate, exitDate, 'CDI')],
    });
    const period = { start: '2026-01-01', end: '2026-12-31', label: '2026' };
    const { examined, notExamined } = computeSummary(one, period, 'CD', today).exits;
    return { examined, notExamined };
  };

  test('2026-01-15 → 2026-04-14 is 2 months, → 2026-04-15 is 3', () => {
    expect(examinedWith(3, '2026-01-15', '2026-04-14')).toEqual({ examined: 0, notExamined: 1 });
    expect(examinedWith(3, '2026-01-15', '2026-04-15')).toEqual({ examined: 1, notExamined: 0 });
  });

  test('2026-01-31 → 2026-02-28 is 1 month, → 2026-02-27 is 0', () => {
    expect(examinedWith(1, '2026-01-31', '2026-02-28')).toEqual({ examined: 1, notExamined: 0 });
    expect(examinedWith(1, '2026-01-31', '2026-02-27')).toEqual({ examined: 0, notExamined: 1 });
  });
});

describe('no exit in the period', () => {
  test('rates and average are null, byReason empty', () => {
    const none = workbook({ parcours: [parcours('A')] });
    expect(computeSummary(none, T3_2026, null, today).exits).toEqual({
      total: 0,
      byCategory: {
        'Emploi durable': 0,
        'Emploi de transition': 0,
        'Sorties positives': 0,
        'Autres sorties': 0,
        'Retrait des sorties constatées': 0,
      },
      byReason: {},
      examined: 0,
      notExamined: 0,
      dynamic: 0,
      dynamicRate: null,
      durableRate: null,
      employmentRate: null,
      averageDurationDays: null,
    });
  });
});
