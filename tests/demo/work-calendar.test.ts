import {
  isPublicHoliday,
  isWorkingDay,
  weekdayIndex,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../../src/demo/work-calendar';
import { workshopWeekdays } from '../../src/demo/demo-workshops';

describe('work calendar of the demo', () => {
  test('weekday index counts from Monday', () => {
    expect(weekdayIndex('2026-11-20')).toBe(4); // a Friday
    expect(weekdayIndex('2026-11-16')).toBe(0); // a Monday
    expect(weekdayIndex('2024-02-29')).toBe(3); // a Thursday
    expect(weekdayIndex('2000-01-02')).toBe(6); // a Sunday, before the reference Monday
  });

  test('French public holidays, including the Easter-based ones', () => {
    // Easter 2026 is on 5 April; 2025 on 20 April.
    for (const d of ['2026-04-06', '2026-05-14', '2026-05-25', '2025-04-21', '2025-05-29', '2025-06-09', '2026-07-14', '2026-11-11']) {
      expect(isPublicHoliday(d)).toBe(true);
    }
    for (const d of ['2026-04-05', '2026-04-07', '2026-05-13', '2025-04-20', '2026-07-13']) {
      expect(isPublicHoliday(d)).toBe(false);
    }
  });

  test('working days skip weekends and holidays', () => {
    expect(isWorkingDay('2026-11-20')).toBe(true);
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-11')).toBe(false);
    // Saturday 14 Nov → Friday 13; Wednesday 11 Nov (holiday) → Tuesday 10.
    expect(workingDayOnOrBefore('2026-11-14', '2026-01-01')).toBe('2026-11-13');
    expect(workingDayOnOrBefore('2026-11-11', '2026-01-01')).toBe('2026-11-10');
    // Never below the floor.
    expect(workingDayOnOrBefore('2026-11-15', '2026-11-14')).toBe('2026-11-14');
    // Saturday 25 Dec 2027 → Monday 27 Dec.
    expect(workingDayOnOrAfter('2027-12-25', '2028-12-31')).toBe('2027-12-27');
    expect(workingDayOnOrAfter('2026-11-21', '2026-11-21')).toBe('2026-11-21');
  });

  test('atelier days are read from the Jours text', () => {
    expect(workshopWeekdays('lundi, mardi, jeudi')).toEqual([0, 1, 3]);
    expect(workshopWeekdays(' Vendredi ,mercredi')).toEqual([4, 2]);
    expect(workshopWeekdays(null)).toEqual([]);
  });
});
