/**
 * SPEC §3.6 worked out by hand on T3 2026 (01/07..30/09). Rows are listed out of date and row
 * order on purpose: the rule takes them by date, then sheet row.
 */
import type { SupportAction } from '../../src/domain/records';
import { computeSummary } from '../../src/domain/summary/compute-summary';
import { DEFAULT_BARRIERS } from '../../src/domain/workbook-schema';
import { funder, parcours, T3_2026, workbook } from './fixtures';

function step(
  id: string,
  date: string,
  row: number,
  action: SupportAction['action'],
  barrier: string | null = null,
  barrierState: SupportAction['barrierState'] = null,
  hours: number | null = null,
): SupportAction {
  return { row, date, id, action, barrier, barrierState, hours, partner: null, comment: null };
}

const data = workbook({
  funders: [funder('CD')],
  parcours: [
    parcours('A', { entryDate: '2026-03-01', funders: ['CD'] }),
    parcours('B', { entryDate: '2026-03-01', exitDate: '2026-08-15' }),
    parcours('C', { entryDate: '2026-10-01', funders: ['CD'] }), // not active in T3
    parcours('D', { entryDate: '2026-02-01', funders: ['CD'] }),
  ],
  support: [
    // A, Mobilité: identified, lifted, then identified again, all before the period → concerned, not worked on.
    step('A', '2026-06-25', 12, 'Entretien individuel', 'Mobilité', 'Identifié'),
    step('A', '2026-05-10', 10, 'Point sur un frein', 'Mobilité', 'Identifié'),
    step('A', '2026-06-20', 11, 'Point sur un frein', 'Mobilité', 'Levé'),
    // A, two trainings in the period (first one on the last day) and one after it.
    step('A', '2026-07-10', 13, 'Formation', null, null, 35),
    step('A', '2026-09-30', 14, 'Formation', null, null, 14),
    step('A', '2026-10-02', 15, 'Formation', null, null, 20),
    // A, Numérique: lifted, then identified again, both in the period → concerned, worked on, not lifted.
    step('A', '2026-09-10', 41, 'Point sur un frein', 'Numérique', 'Identifié'),
    step('A', '2026-07-05', 40, 'Point sur un frein', 'Numérique', 'Levé'),
    // B, Logement identified before the period, nothing since → concerned only.
    step('B', '2026-06-01', 20, 'Entretien individuel', 'Logement', 'Identifié'),
    // B, an interview on the first day of the period.
    step('B', '2026-07-01', 21, 'Entretien individuel'),
    // B, Mobilité: two rows on one date, row 23 (En cours) after row 22 (Levé) → last is En cours: not lifted.
    step('B', '2026-08-10', 23, 'Point sur un frein', 'Mobilité', 'En cours'),
    step('B', '2026-08-10', 22, 'Point sur un frein', 'Mobilité', 'Levé'),
    // C is not active in T3: ignored.
    step('C', '2026-07-20', 50, 'Formation', 'Mobilité', 'Identifié', 7),
    // D, Budget et dettes lifted before the period → not concerned.
    step('D', '2026-04-01', 30, 'Point sur un frein', 'Budget et dettes', 'Identifié'),
    step('D', '2026-05-01', 31, 'Point sur un frein', 'Budget et dettes', 'Levé'),
    // D, Garde d'enfants identified and lifted in the period.
    step('D', '2026-09-01', 33, 'Point sur un frein', "Garde d'enfants", 'Levé'),
    step('D', '2026-08-01', 32, 'Point sur un frein', "Garde d'enfants", 'Identifié'),
    // D, an immersion of 70 h (« 70 » typed with a decimal comma reads the same: see the codec test).
    step('D', '2026-07-15', 34, 'Immersion en entreprise (PMSMP)', null, null, 70),
  ],
});

const none = { count: 0, participants: 0, hours: 0 };
const zero = { concerned: 0, workedOn: 0, lifted: 0 };

describe('summary section 6, Accompagnement', () => {
  it('counts actions by type and barriers by state, for all parcours', () => {
    const { support } = computeSummary(data, T3_2026, null, { today: '2026-11-20' });
    expect(support.actions).toEqual({
      // B 01/07 (A's 25/06 is before the period).
      'Entretien individuel': { count: 1, participants: 1, hours: 0 },
      'Atelier collectif': none,
      // A 10/07 (35 h) and 30/09 (14 h); 02/10 is after the period.
      Formation: { count: 2, participants: 1, hours: 49 },
      'Immersion en entreprise (PMSMP)': { count: 1, participants: 1, hours: 70 },
      'Démarche accompagnée': none,
      'Orientation vers un partenaire': none,
      // A 05/07, 10/09; B 10/08 twice; D 01/08, 01/09 → 6 rows, 3 participants.
      'Point sur un frein': { count: 6, participants: 3, hours: 0 },
    });
    expect(Object.keys(support.barriers)).toEqual([...DEFAULT_BARRIERS]);
    expect(support.barriers).toEqual({
      ...Object.fromEntries(DEFAULT_BARRIERS.map((b) => [b, zero])),
      // A (identified again before the period), B (worked on, last row En cours).
      Mobilité: { concerned: 2, workedOn: 1, lifted: 0 },
      Logement: { concerned: 1, workedOn: 0, lifted: 0 },
      "Garde d'enfants": { concerned: 1, workedOn: 1, lifted: 1 },
      'Budget et dettes': zero,
      Numérique: { concerned: 1, workedOn: 1, lifted: 0 },
    });
  });

  it('keeps to the funder’s population (CD: A, C, D)', () => {
    const { support } = computeSummary(data, T3_2026, 'CD', { today: '2026-11-20' });
    expect(support.actions['Entretien individuel']).toEqual(none);
    expect(support.actions['Point sur un frein']).toEqual({ count: 4, participants: 2, hours: 0 });
    expect(support.barriers['Mobilité']).toEqual({ concerned: 1, workedOn: 0, lifted: 0 });
    expect(support.barriers['Logement']).toEqual(zero);
  });

  it('names the team’s own Frein list, in its order', () => {
    const lists = { Frein: ['Numérique', 'Mobilité'] };
    const { support } = computeSummary({ ...data, lists }, T3_2026, null, { today: '2026-11-20' });
    expect(Object.keys(support.barriers)).toEqual(['Numérique', 'Mobilité']);
  });
});
