import { computeSummary } from '../../src/domain/summary/compute-summary';
import { summarySchema } from '../../src/domain/summary/summary-schema';
import { funder, parcours, presence, T3_2026, workbook, workshop } from './fixtures';

const today = { timeZone: 'Europe/Paris', today: '2026-10-05' };

const data = workbook({
  funders: [funder('CD', { etpContracted: 3 }), funder('PV')],
  workshops: [workshop('Maraîchage')],
  parcours: [
    parcours('P1', { funders: ['CD', 'PV'] }), // financed by both
    parcours('P2', { funders: ['CD'] }),
    parcours('P3', { funders: ['PV'] }),
    parcours('P4', { funders: [] }),
    parcours('P5', { entryDate: '2026-01-05', exitDate: '2026-08-31', exitReason: 'CDI', funders: ['CD'] }),
  ],
  attendance: [presence('P1', '2026-07-02', 'Maraîchage', 'Présent', 3)],
  issues: [{ sheet: 'Présences', row: 12, column: 'ID', message: 'Identifiant inconnu : « P-2026-0099 ».' }],
});

describe('populations', () => {
  test('a parcours with two funders counts in both, and once for all funders', () => {
    expect(computeSummary(data, T3_2026, 'CD', today).fileActive.active).toBe(3); // P1, P2, P5
    expect(computeSummary(data, T3_2026, 'PV', today).fileActive.active).toBe(2); // P1, P3
    expect(computeSummary(data, T3_2026, null, today).fileActive.active).toBe(5); // P1..P5
    expect(computeSummary(data, T3_2026, 'CD', today).attendance.hours).toBe(3);
    expect(computeSummary(data, T3_2026, 'PV', today).attendance.hours).toBe(3);
    expect(computeSummary(data, T3_2026, null, today).attendance.hours).toBe(3);
  });

  test('the funder code is matched ignoring case and spaces; the summary shows the declared code', () => {
    const summary = computeSummary(data, T3_2026, ' cd ', today);
    expect(summary.funder).toBe('CD');
    expect(summary.fileActive.active).toBe(3);
  });

  test('an unknown funder is refused in French, naming the declared ones', () => {
    expect(() => computeSummary(data, T3_2026, 'DDETS', today)).toThrow(
      'Financeur inconnu : « DDETS ». Financeurs déclarés dans la feuille Financeurs : CD, PV.',
    );
    expect(() => computeSummary(workbook(), T3_2026, 'CD', today)).toThrow(/Aucun financeur n’est déclaré/);
  });
});

describe('the summary JSON', () => {
  const summary = computeSummary(data, T3_2026, 'CD', today);

  test('header fields and data issues', () => {
    expect(summary.structure).toBe('Atelier du Pré Vert');
    expect(summary.funder).toBe('CD');
    expect(summary.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(computeSummary(data, T3_2026, null, today).funder).toBeNull();
    expect(summary.dataIssues).toEqual([
      { sheet: 'Présences', row: 12, column: 'ID', message: 'Identifiant inconnu : « P-2026-0099 ».' },
    ]);
  });

  test('keys in the order of SPEC §4', () => {
    expect(Object.keys(summary)).toEqual([
      'structure',
      'funder',
      'period',
      'fileActive',
      'profile',
      'attendance',
      'exits',
      'evaluations',
      'support',
      'previousYear',
      'dataIssues',
    ]);
    expect(Object.keys(summary.attendance)).toEqual([
      'hours',
      'sessions',
      'present',
      'presenceRate',
      'etp',
      'etpContracted',
      'etpConsumption',
      'byWorkshop',
    ]);
    expect(Object.keys(summary.exits)).toEqual([
      'total',
      'byCategory',
      'byReason',
      'examined',
      'notExamined',
      'dynamic',
      'dynamicRate',
      'durableRate',
      'employmentRate',
      'averageDurationDays',
    ]);
  });

  test('summarySchema accepts the output, survives a JSON round trip', () => {
    expect(summarySchema.parse(summary)).toEqual(summary);
    expect(summarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  test('summarySchema rejects a missing key, an extra key and a rate above 1', () => {
    const { candidates: _dropped, ...fileActive } = summary.fileActive;
    expect(summarySchema.safeParse({ ...summary, fileActive }).success).toBe(false);
    const { dataIssues: _issues, ...withoutIssues } = summary;
    expect(summarySchema.safeParse(withoutIssues).success).toBe(false);
    expect(summarySchema.safeParse({ ...summary, extra: 1 }).success).toBe(false);
    const attendance = { ...summary.attendance, presenceRate: 1.5 };
    expect(summarySchema.safeParse({ ...summary, attendance }).success).toBe(false);
  });
});
