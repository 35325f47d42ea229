import { computeSummary } from '../../src/domain/summary/compute-summary';
import { funder, parcours, presence, T3_2026, workbook, workshop } from './fixtures';

const today = { timeZone: 'Europe/Paris', today: '2026-10-05' };

// 2026-T3 has 31 + 31 + 30 = 92 days.
const data = workbook({
  workshops: [workshop('Maraîchage'), workshop('Menuiserie'), workshop('Cuisine')],
  funders: [funder('CD', { etpContracted: 2 }), funder('PV')],
  parcours: [
    parcours('A', { entryDate: '2026-03-01', funders: ['CD'] }),
    parcours('B', { entryDate: '2026-03-01', funders: ['CD'] }),
    parcours('C', { entryDate: '2026-01-05', exitDate: '2026-06-30', exitReason: 'CDI', funders: ['CD'] }),
    parcours('D', { entryDate: '2026-03-01', funders: ['PV'] }),
  ],
  attendance: [
    presence('A', '2026-07-02', 'Maraîchage', 'Présent', 3),
    presence('A', '2026-07-03', 'Maraîchage', 'Retard', 2.5),
    presence('A', '2026-07-06', 'Maraîchage', 'Absent justifié', 0),
    presence('B', '2026-07-02', 'Maraîchage', 'Présent', 3),
    presence('B', '2026-08-10', 'Cuisine', 'Absent non justifié', 0),
    presence('B', '2026-09-30', 'Repassage', 'Présent', 4), // atelier not in `Ateliers`: listed last
    presence('A', '2026-06-30', 'Maraîchage', 'Présent', 3), // before the period
    presence('B', '2026-10-01', 'Cuisine', 'Présent', 3), // after the period
    presence('C', '2026-07-02', 'Maraîchage', 'Présent', 3), // C is not active
    presence('D', '2026-07-02', 'Menuiserie', 'Présent', 7), // D is financed by PV only
  ],
});

describe('attendance for CD', () => {
  const attendance = computeSummary(data, T3_2026, 'CD', today).attendance;

  test('hours, sessions, present, presence rate', () => {
    // Counted rows: the first six. Present/Retard: 3 + 2.5 + 3 + 4 = 12.5 h, 4 of 6 rows.
    expect(attendance.hours).toBe(12.5);
    expect(attendance.sessions).toBe(6);
    expect(attendance.present).toBe(4);
    expect(attendance.presenceRate).toBeCloseTo(4 / 6, 12);
  });

  test('ETP réalisés, conventionnés and consumption', () => {
    // etp = 12.5 / (1607 × 92 / 365) = 12.5 × 365 / 147 844 = 4 562.5 / 147 844 ≈ 0.030860
    expect(attendance.etp).toBeCloseTo(0.03086, 5);
    // conventionnés = the funder's 2 as written (a yearly average of posts, not pro-rated)
    expect(attendance.etpContracted).toBe(2);
    // consumption = 0.030860 / 2 ≈ 0.015430
    expect(attendance.etpConsumption).toBeCloseTo(0.01543, 5);
  });

  test('a quarter worked exactly at the funded level gives 100 %', () => {
    // The funder finances 2 ETP of 1460 h a year (4 h a day over 365 days, round figures on purpose).
    // Over T3 (92 days) one full-time post is 1460 × 92 / 365 = 368 h, so 2 posts are 736 h:
    // two participants each present 8 h on 46 days = 2 × 46 × 8 = 736 h. ETP réalisés = 736 / 368 = 2,
    // conventionnés = 2 as written, consumption = 2 / 2 = 100 %.
    const days = Array.from({ length: 46 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 6, 1 + 2 * i));
      return d.toISOString().slice(0, 10);
    });
    const worked = {
      ...data,
      funders: [funder('CD', { etpContracted: 2, hoursPerEtp: 1460 })],
      attendance: ['A', 'B'].flatMap((id) => days.map((d) => presence(id, d, 'Maraîchage', 'Présent', 8))),
    };
    expect(days[45]).toBe('2026-09-29'); // every other day from 1 July
    const attendance = computeSummary(worked, T3_2026, 'CD', today).attendance;
    expect(attendance.hours).toBe(736);
    expect(attendance.etp).toBe(2);
    expect(attendance.etpContracted).toBe(2);
    expect(attendance.etpConsumption).toBe(1);
  });
});

describe('attendance without ETP conventionnés', () => {
  test('a funder without ETP conventionnés: contracted and consumption are null', () => {
    const attendance = computeSummary(data, T3_2026, 'PV', today).attendance;
    // D alone: 7 h → etp = 7 × 365 / 147 844 = 2 555 / 147 844 ≈ 0.017282
    expect(attendance.hours).toBe(7);
    expect(attendance.etp).toBeCloseTo(0.017282, 5);
    expect(attendance.etpContracted).toBeNull();
    expect(attendance.etpConsumption).toBeNull();
  });

  test('all funders: 1607 h per ETP, no contracted ETP, Menuiserie between Maraîchage and Cuisine', () => {
    const attendance = computeSummary(data, T3_2026, null, today).attendance;
    // 12.5 + 7 = 19.5 h → 19.5 × 365 / 147 844 = 7 117.5 / 147 844 ≈ 0.048142
    expect(attendance.hours).toBe(19.5);
    expect(attendance.sessions).toBe(7);
    expect(attendance.etp).toBeCloseTo(0.048142, 5);
    expect(attendance.etpContracted).toBeNull();
    expect(attendance.etpConsumption).toBeNull();
    expect(attendance.byWorkshop.map((w) => w.workshop)).toEqual(['Maraîchage', 'Menuiserie', 'Cuisine', 'Repassage']);
  });

  test('a funder with its own hours per ETP', () => {
    const own = { ...data, funders: [funder('CD', { hoursPerEtp: 1820, etpContracted: 1 })] };
    // 12.5 / (1820 × 92 / 365) = 4 562.5 / 167 440 ≈ 0.027249; consumption = that / 1 ETP
    const attendance = computeSummary(own, T3_2026, 'CD', today).attendance;
    expect(attendance.etp).toBeCloseTo(0.027249, 5);
    expect(attendance.etpConsumption).toBeCloseTo(0.027249, 5);
  });

  test('no counted row: presence rate null, no ateliers', () => {
    const empty = { ...data, attendance: [] };
    const attendance = computeSummary(empty, T3_2026, 'CD', today).attendance;
    expect(attendance).toMatchObject({ hours: 0, sessions: 0, present: 0, presenceRate: null, etp: 0, etpConsumption: 0 });
    expect(attendance.byWorkshop).toEqual([]);
  });
});
