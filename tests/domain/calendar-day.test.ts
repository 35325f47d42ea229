import {
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  formatDayFr,
  fullMonthsBetween,
  isCalendarDay,
  dayInZone,
  midnightInZone,
} from '../../src/domain/calendar-day';

describe('calendar days', () => {
  it('recognises real days only', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-2-3')).toBe(false);
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts full months as SPEC §2 says', () => {
    expect(fullMonthsBetween('2026-01-15', '2026-04-14')).toBe(2);
    expect(fullMonthsBetween('2026-01-15', '2026-04-15')).toBe(3);
    expect(fullMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(fullMonthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(daysBetween('2026-07-01', '2026-09-30')).toBe(91);
  });

  it('computes full years of age', () => {
    expect(ageOn('2000-07-01', '2026-06-30')).toBe(25);
    expect(ageOn('2000-07-01', '2026-07-01')).toBe(26);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(22);
  });

  it('maps Paris midnights to their day in winter, summer and in 1976-1995 rules', () => {
    expect(midnightInZone('2026-01-15', 'Europe/Paris').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(midnightInZone('2026-07-01', 'Europe/Paris').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // In 1985 French summer time ended on 29 September: 10 October was CET (+1).
    expect(midnightInZone('1985-10-10', 'Europe/Paris').toISOString()).toBe('1985-10-09T23:00:00.000Z');
    for (const day of ['1975-06-01', '1985-10-10', '2026-03-29', '2026-10-25', '2026-12-31']) {
      expect(dayInZone(midnightInZone(day, 'Europe/Paris'), 'Europe/Paris')).toBe(day);
    }
    expect(formatDayFr('2026-07-01')).toBe('01/07/2026');
  });
});
