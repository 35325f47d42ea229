/** « Échéances »: hours over the last four complete weeks against the contract (SPEC §4), by hand. */
import { contractHoursAction, contractHoursGap, lastFourWeeks } from '../../src/followup/contract-hours';
import { computeDeadlines } from '../../src/followup/deadlines';
import { parcours, presence, workbook } from '../domain-summary/fixtures';

// Thursday 26/11/2026: the window is Monday 26/10 .. Sunday 22/11 (four weeks, 28 days).
const TODAY = '2026-11-26';

describe('lastFourWeeks', () => {
  it('takes the four Monday–Sunday weeks before the current week, whatever the weekday', () => {
    expect(lastFourWeeks('2026-11-23')).toEqual({ start: '2026-10-26', end: '2026-11-22' }); // a Monday
    expect(lastFourWeeks(TODAY)).toEqual({ start: '2026-10-26', end: '2026-11-22' });
    expect(lastFourWeeks('2026-11-29')).toEqual({ start: '2026-10-26', end: '2026-11-22' }); // a Sunday
    expect(lastFourWeeks('2026-11-30')).toEqual({ start: '2026-11-02', end: '2026-11-29' });
  });
});

/** `count` sessions of `hours`, one every weekday from `from`. */
function sessions(id: string, from: string, count: number, hours: number) {
  const rows = [];
  const day = new Date(`${from}T00:00:00Z`);
  while (rows.length < count) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) rows.push(presence(id, day.toISOString().slice(0, 10), 'Maraîchage', 'Présent', hours));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return rows;
}

describe('contractHoursGap', () => {
  const running = parcours('A', { entryDate: '2026-01-05', weeklyHours: 20 });

  it('flags 59 h done of 80 planned (73.75 %), not 60 h (exactly 75 %)', () => {
    // 20 sessions in the window; rows before and after it do not count.
    const below = [...sessions('A', '2026-10-26', 19, 3), presence('A', '2026-11-20', 'Maraîchage', 'Retard', 2), presence('A', '2026-10-23', 'Maraîchage', 'Présent', 7), presence('A', '2026-11-23', 'Maraîchage', 'Présent', 7)];
    expect(contractHoursGap(running, below, TODAY)).toEqual({ hours: 59, planned: 80, start: '2026-10-26', end: '2026-11-22' });
    const exactly = [...sessions('A', '2026-10-26', 20, 3)];
    expect(contractHoursGap(running, exactly, TODAY)).toBeNull();
  });

  it('judges a parcours that entered within the window on its own days there', () => {
    // Entry Monday 09/11: 14 days → 40 h planned; 29 h done is below 30.
    const recent = parcours('B', { entryDate: '2026-11-09', weeklyHours: 20 });
    expect(contractHoursGap(recent, sessions('B', '2026-11-09', 10, 2.9), TODAY)).toMatchObject({ planned: 40, start: '2026-11-09' });
    // Entry Tuesday 17/11: 6 days in the window, too early to judge.
    expect(contractHoursGap(parcours('C', { entryDate: '2026-11-17', weeklyHours: 20 }), [], TODAY)).toBeNull();
    // No weekly hours: nothing to compare with.
    expect(contractHoursGap(parcours('D', { entryDate: '2026-01-05', weeklyHours: null }), [], TODAY)).toBeNull();
  });

  it('says the figures in French', () => {
    expect(contractHoursAction({ hours: 59, planned: 80, start: '2026-10-26', end: '2026-11-22' })).toBe(
      '59 h réalisées sur 80 h prévues du 26/10/2026 au 22/11/2026 (74 %, seuil 75 %) : faire le point sur les heures du contrat.',
    );
  });

  it('appears in « Échéances » for a running parcours only', () => {
    const data = workbook({
      parcours: [running, parcours('E', { entryDate: '2026-01-05', exitDate: '2026-11-20', weeklyHours: 20 })],
      attendance: sessions('A', '2026-10-26', 5, 3),
    });
    const lines = computeDeadlines(data, TODAY).filter((l) => l.kind === 'Heures sous le contrat');
    expect(lines.map((l) => [l.id, l.due])).toEqual([['A', TODAY]]);
    expect(lines[0]!.action).toMatch(/^15 h réalisées sur 80 h prévues/);
  });
});
