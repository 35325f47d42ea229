import {
  lastCompleteQuarter,
  parsePeriod,
  periodDays,
  periodLabelFr,
  recentPeriodChoices,
} from '../../src/domain/period';

describe('parsePeriod', () => {
  test.each([
    ['2026-T1', '2026-01-01', '2026-03-31'],
    ['2026-T2', '2026-04-01', '2026-06-30'],
    ['2026-T3', '2026-07-01', '2026-09-30'],
    ['2026-T4', '2026-10-01', '2026-12-31'],
  ])('%s covers %s..%s', (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ start, end, label: text });
  });

  test('Q alias, lower case and surrounding spaces are normalised to the T label', () => {
    expect(parsePeriod('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30', label: '2026-T3' });
    expect(parsePeriod('  2026-t4 ')?.label).toBe('2026-T4');
    expect(parsePeriod('2026-q1')?.label).toBe('2026-T1');
  });

  test('a year is the whole calendar year', () => {
    expect(parsePeriod('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31', label: '2026' });
  });

  test('a range of days, start ≤ end, spaces around .. tolerated', () => {
    expect(parsePeriod('2026-07-01..2026-08-15')).toEqual({
      start: '2026-07-01',
      end: '2026-08-15',
      label: '2026-07-01..2026-08-15',
    });
    expect(parsePeriod('2026-07-01 .. 2026-07-01')?.label).toBe('2026-07-01..2026-07-01');
  });

  test.each([
    '',
    'abc',
    '2026-T5',
    '2026-T0',
    '26-T3',
    'T3 2026',
    '2026-S1',
    '202',
    '2026-09-30..2026-07-01',
    '2026-02-30..2026-03-01',
    '2026-7-1..2026-9-30',
    '2026-07-01..',
    '01/07/2026..30/09/2026',
  ])('%j is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('periodDays', () => {
  test('quarter lengths, by hand', () => {
    // 2026-T1: 31 + 28 + 31 = 90; 2026-T3: 31 + 31 + 30 = 92; 2028-T1 (leap): 31 + 29 + 31 = 91.
    expect(periodDays(parsePeriod('2026-T1')!)).toBe(90);
    expect(periodDays(parsePeriod('2026-T3')!)).toBe(92);
    expect(periodDays(parsePeriod('2028-T1')!)).toBe(91);
  });
  test('years and ranges are inclusive', () => {
    expect(periodDays(parsePeriod('2026')!)).toBe(365);
    expect(periodDays(parsePeriod('2028')!)).toBe(366);
    // July 31 days + August 1..15 = 46.
    expect(periodDays(parsePeriod('2026-07-01..2026-08-15')!)).toBe(46);
    expect(periodDays(parsePeriod('2026-07-01..2026-07-01')!)).toBe(1);
  });
});

describe('lastCompleteQuarter and recentPeriodChoices', () => {
  test.each([
    ['2026-08-14', '2026-T2'],
    ['2026-04-01', '2026-T1'],
    ['2026-03-31', '2025-T4'],
    ['2026-01-01', '2025-T4'],
    ['2026-12-31', '2026-T3'],
  ])('on %s the last complete quarter is %s', (today, label) => {
    expect(lastCompleteQuarter(today).label).toBe(label);
  });

  test('choices: last four complete quarters, the current one, last year, this year', () => {
    expect(recentPeriodChoices('2026-08-14').map((p) => p.label)).toEqual([
      '2026-T2',
      '2026-T1',
      '2025-T4',
      '2025-T3',
      '2026-T3',
      '2025',
      '2026',
    ]);
    // 2026-02-01 is in 2026-T1: complete quarters back are 2025-T4, T3, T2, then 2025-T1 (4th).
    expect(recentPeriodChoices('2026-02-01')[3]).toEqual({ start: '2025-01-01', end: '2025-03-31', label: '2025-T1' });
  });
});

describe('periodLabelFr', () => {
  test('quarters, years and ranges read in French', () => {
    expect(periodLabelFr(parsePeriod('2026-T3')!)).toBe('3e trimestre 2026 (du 01/07/2026 au 30/09/2026)');
    expect(periodLabelFr(parsePeriod('2026-Q1')!)).toBe('1er trimestre 2026 (du 01/01/2026 au 31/03/2026)');
    expect(periodLabelFr(parsePeriod('2026')!)).toBe('Année 2026');
    expect(periodLabelFr(parsePeriod('2026-07-01..2026-08-15')!)).toBe('Du 01/07/2026 au 15/08/2026');
  });
});
