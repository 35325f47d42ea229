import { computeSummary } from '../../src/domain/summary/compute-summary';
import { evaluation, parcours, T3_2026, workbook } from './fixtures';

const today = { timeZone: 'Europe/Paris', today: '2026-10-05' };

const data = workbook({
  parcours: [
    parcours('A', { entryDate: '2026-03-01' }),
    parcours('B', { entryDate: '2026-03-01' }),
    parcours('C', { entryDate: '2026-03-01' }),
    parcours('D', { entryDate: '2026-03-01' }),
    parcours('E', { entryDate: '2026-03-01' }),
    parcours('G', { entryDate: '2026-10-01' }), // not active in T3
  ],
  evaluations: [
    // A, "Travailler en équipe": first ever Non acquis (May), last in T3 En cours → progressing.
    evaluation('A', '2026-05-10', 'Travailler en équipe', 'Non acquis', 10),
    evaluation('A', '2026-07-15', 'Travailler en équipe', 'En cours', 11),
    evaluation('A', '2026-08-20', 'Travailler en équipe', 'En cours', 12),
    // A, "Être ponctuel et assidu": two on one date, listed out of row order; row 20 is last → Acquis.
    evaluation('A', '2026-09-10', 'Être ponctuel et assidu', 'Acquis', 20),
    evaluation('A', '2026-09-10', 'Être ponctuel et assidu', 'En cours', 13),
    // B, "Travailler en équipe": Acquis in April, En cours in T3 → went down, not progressing.
    evaluation('B', '2026-04-01', 'Travailler en équipe', 'Acquis', 30),
    evaluation('B', '2026-07-10', 'Travailler en équipe', 'En cours', 31),
    // B, one date, row 33 (En cours) after row 32 (Acquis): last is En cours, first is Acquis.
    evaluation('B', '2026-08-01', 'Organiser son poste de travail', 'En cours', 33, 'Savoir-faire'),
    evaluation('B', '2026-08-01', 'Organiser son poste de travail', 'Acquis', 32, 'Savoir-faire'),
    // C: the same objective typed differently (case, accent, apostrophe, spaces) → En cours then Acquis: progressing.
    evaluation('C', '2026-06-01', 'Prévenir en cas d’absence', 'En cours', 40),
    evaluation('C', '2026-07-20', "PRÉVENIR en cas d'absence ", 'Acquis', 41),
    // C: same text in another domain is another objective.
    evaluation('C', '2026-07-21', 'Prévenir en cas d’absence', 'Non acquis', 42, 'Savoir'),
    // D: only after the period end; E: only before the period. Neither is evaluated in T3.
    evaluation('D', '2026-10-02', 'Travailler en équipe', 'Acquis', 50),
    evaluation('E', '2026-06-01', 'Travailler en équipe', 'Acquis', 51),
    // G is not active: ignored.
    evaluation('G', '2026-07-05', 'Travailler en équipe', 'Acquis', 52),
  ],
});

test('evaluations of T3', () => {
  // Evaluated: A, B, C. Objectives assessed in T3 (last level): A-équipe En cours, A-ponctuel Acquis,
  // B-équipe En cours, B-organiser En cours, C-prévenir (Savoir-être) Acquis, C-prévenir (Savoir) Non acquis
  // → 6 assessed, 2 acquired. Progressing: A and C.
  expect(computeSummary(data, T3_2026, null, today).evaluations).toEqual({
    participantsEvaluated: 3,
    objectivesAssessed: 6,
    objectivesAcquired: 2,
    acquiredRate: 2 / 6,
    participantsProgressing: 2,
  });
});

test('no assessment in the period: acquired rate null', () => {
  const q2 = { start: '2026-04-01', end: '2026-04-30', label: '2026-04-01..2026-04-30' };
  // Only B's 2026-04-01 Acquis is in April (and it is its first level: not progressing).
  expect(computeSummary(data, q2, null, today).evaluations).toEqual({
    participantsEvaluated: 1,
    objectivesAssessed: 1,
    objectivesAcquired: 1,
    acquiredRate: 1,
    participantsProgressing: 0,
  });
  const march = { start: '2026-03-01', end: '2026-03-31', label: '2026-03-01..2026-03-31' };
  expect(computeSummary(data, march, null, today).evaluations.acquiredRate).toBeNull();
});

test('objectives are matched like headers and list values: punctuation dropped, any script kept', () => {
  const typed = workbook({
    parcours: [parcours('H', { entryDate: '2026-03-01' })],
    evaluations: [
      // The same free-text objective, once with its apostrophe, once without: one objective, progressing.
      evaluation('H', '2026-06-01', 'Prévenir en cas d’absence', 'Non acquis', 60),
      evaluation('H', '2026-07-20', 'prevenir en cas dabsence', 'En cours', 61),
      // Two objectives written in another script are two objectives, not one empty key.
      evaluation('H', '2026-07-21', 'Пунктуальность', 'Acquis', 62),
      evaluation('H', '2026-07-22', 'Вежливость', 'En cours', 63),
    ],
  });
  // Assessed in T3: prévenir (En cours, first Non acquis: progressing), Пунктуальность (Acquis), Вежливость.
  expect(computeSummary(typed, T3_2026, null, today).evaluations).toEqual({
    participantsEvaluated: 1,
    objectivesAssessed: 3,
    objectivesAcquired: 1,
    acquiredRate: 1 / 3,
    participantsProgressing: 1,
  });
});
