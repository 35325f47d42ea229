import { computeSummary } from '../../src/domain/summary/compute-summary';
import { funder, parcours, T3_2026, workbook } from './fixtures';

const today = { today: '2026-10-05' };

const exited = (id: string, entryDate: string, exitDate: string, exitReason: string | null) =>
  parcours(id, { entryDate, exitDate, exitReason, funders: ['CD'] });

// CD examines exits of parcours of 3 months or more.
const data = workbook({
  funders: [funder('CD', { minimumMonths: 3 })],
  parcours: [
    exited('E1', '2026-04-15', '2026-07-15', 'CDI'), // 3 months (07-15 reached) → examined, dynamic; 91 days
    exited('E2', '2026-04-15', '2026-07-14', 'Au chômage'), // 2 months → not examined; 90 days
    exited('E3', '2026-07-01', '2026-07-01', 'Déménagement'), // Retrait: neither; 0 days
    exited('E4', '2026-01-10', '2026-09-30', null), // Non renseigné → Autre sortie, examined; 263 days
    exited('E5', '2026-01-10', '2026-08-20', "Partie à l'étranger"), // unknown → Autre sortie, examined; 222 days
    exited('E6', '2026-02-01', '2026-09-01', 'entrée en formation QUALIFIANTE'), // Sortie positive, examined; 212 days
    exited('E7', '2026-01-01', '2026-06-30', 'CDI'), // before the period: not an exit of T3
    exited('E8', '2026-03-01', '2026-07-20', 'Autre raison'), // unknown → Autre sortie, 4 months, examined; 141 days
    parcours('E9', { entryDate: '2026-03-01', funders: ['CD'] }), // no exit
  ],
});

describe('exits for CD (minimum 3 months)', () => {
  const exits = computeSummary(data, T3_2026, 'CD', today).exits;

  test('total and categories (all five keys)', () => {
    expect(exits.total).toBe(7);
    expect(exits.byCategory).toEqual({
      'Emploi durable': 1,
      'Emploi de transition': 0,
      'Sortie positive': 1,
      'Autre sortie': 4,
      Retrait: 1,
    });
  });

  test('motifs: Motifs de sortie order, unknown ones alphabetically, then Non renseigné; zeros left out', () => {
    expect(Object.entries(exits.byReason)).toEqual([
      ['CDI', 1],
      ['Entrée en formation qualifiante', 1],
      ['Au chômage', 1],
      ['Déménagement', 1],
      ['Autre raison', 1],
      ["Partie à l'étranger", 1],
      ['Non renseigné', 1],
    ]);
  });

  test('examined, not examined, dynamic rate, average duration', () => {
    // Examined: E1, E4, E5, E6, E8; not examined: E2; E3 (Retrait) in neither.
    expect(exits.examined).toBe(5);
    expect(exits.notExamined).toBe(1);
    // Dynamic among examined: E1 (Emploi durable) + E6 (Sortie positive) = 2 / 5.
    expect(exits.dynamicRate).toBe(0.4);
    // (91 + 90 + 0 + 263 + 222 + 212 + 141) / 7 = 1019 / 7 ≈ 145.571
    expect(exits.averageDurationDays).toBeCloseTo(145.5714, 4);
  });

  test('without a funder the minimum is 0: every non-Retrait exit is examined', () => {
    const all = computeSummary(data, T3_2026, null, today).exits;
    expect(all.examined).toBe(6);
    expect(all.notExamined).toBe(0);
    // Dynamic: E1 + E6 = 2 / 6.
    expect(all.dynamicRate).toBeCloseTo(1 / 3, 12);
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
      byCategory: { 'Emploi durable': 0, 'Emploi de transition': 0, 'Sortie positive': 0, 'Autre sortie': 0, Retrait: 0 },
      byReason: {},
      examined: 0,
      notExamined: 0,
      dynamicRate: null,
      averageDurationDays: null,
    });
  });
});
