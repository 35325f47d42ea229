import { addDays, addMonths, ageOn, type CalendarDay, fullMonthsBetween, minDay } from '../../src/domain/calendar-day';
import { DOMAINS, EXIT_CATEGORIES, LEVELS, MINIMUM_SOCIAL, PRESENCE_STATUSES } from '../../src/domain/records';
import { DEFAULT_EXIT_REASONS, DEFAULT_OBJECTIVES, DEFAULT_PRESCRIBERS } from '../../src/domain/workbook-schema';
import { buildDemoWorkbook, type DemoWorkbook } from '../../src/demo/demo-workbook';
import { CIP_NAMES } from '../../src/demo/demo-names';

const AS_OF = '2026-11-20';
const CATEGORY = new Map<string, string>(DEFAULT_EXIT_REASONS.map(([m, c]) => [m, c]));
const OBJECTIVE_DOMAIN = new Map<string, string>(DEFAULT_OBJECTIVES.map(([o, d]) => [o, d]));
const HEALTH_WORDS = /santé|médic|medic|maladi|handicap|psych|traitement|hôpita|hospital|\bsoins?\b|thérap|addict|dépress|médecin|\bcmp\b|diagnos|enceinte|grossesse/i;
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Weekday name, computed through Date.UTC independently of the generator's calendar. */
function weekdayName(day: CalendarDay): string {
  const [y, m, d] = day.split('-').map(Number);
  return WEEKDAYS[(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7]!;
}

/** Every SPEC §1 rule the reader checks, plus the demo's own promises, over all rows. */
function expectValidDemo(w: DemoWorkbook, asOf: CalendarDay): void {
  const byId = new Map(w.parcours.map((p) => [p.id, p]));
  expect(byId.size).toBe(w.parcours.length);
  const workshopByName = new Map(w.workshops.map((x) => [x.name, x]));
  const funderCodes = new Set(w.funders.map((f) => f.code));

  // Participants
  const countersByYear = new Map<string, number[]>();
  for (const p of w.parcours) {
    const m = /^P-(\d{4})-(\d{4})$/.exec(p.id);
    expect(m).not.toBeNull();
    const year = m![1]!;
    countersByYear.set(year, [...(countersByYear.get(year) ?? []), Number(m![2])]);
    if (p.commissionDate !== null) expect(p.commissionDate.slice(0, 4)).toBe(year);
    expect(p.lastName.length).toBeGreaterThan(0);
    expect(p.firstName.length).toBeGreaterThan(0);
    expect(['F', 'H']).toContain(p.sex);
    expect(MINIMUM_SOCIAL).toContain(p.minimumSocial);
    expect(p.weeklyHours).not.toBeNull();
    expect(p.weeklyHours!).toBeGreaterThanOrEqual(20);
    expect(p.weeklyHours!).toBeLessThanOrEqual(26);
    expect(w.prescribers).toContain(p.prescriber);
    expect(workshopByName.has(p.workshop ?? '')).toBe(true);
    expect(p.funders.length).toBeGreaterThan(0);
    for (const code of p.funders) expect(funderCodes.has(code)).toBe(true);
    if (p.observations !== null) expect(p.observations).not.toMatch(HEALTH_WORDS);

    if (p.entryDate === null) {
      expect(p.status).toBe('Candidat');
      expect(p.exitDate).toBeNull();
      expect(p.exitReason).toBeNull();
      expect(p.trialEnd).toBeNull();
      expect(p.contractEnd).toBeNull();
      if (p.commissionDate !== null) {
        expect(p.commissionDate <= asOf).toBe(true);
        expect(p.commissionDate >= addDays(asOf, -60)).toBe(true);
      }
      const age = ageOn(p.birthDate, asOf);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(62);
      continue;
    }
    const entry = p.entryDate;
    expect(entry <= asOf).toBe(true);
    expect(entry >= addDays(asOf, -730)).toBe(true);
    expect(p.commissionDate).not.toBeNull();
    expect(p.commissionDate! < entry).toBe(true);
    const age = ageOn(p.birthDate, entry);
    expect(age).toBeGreaterThanOrEqual(18);
    expect(age).toBeLessThanOrEqual(62);
    expect(p.trialEnd).toBe(addMonths(entry, 1));
    const first = addMonths(entry, 6);
    expect([first, addMonths(first, 6), addMonths(addMonths(first, 6), 6)]).toContain(p.contractEnd);
    if (p.exitDate === null) {
      expect(p.exitReason).toBeNull();
      expect(p.contractEnd! >= asOf).toBe(true);
      expect(p.status).toBe(asOf <= p.trialEnd! ? "Période d'essai" : 'En parcours');
    } else {
      expect(p.exitDate >= entry).toBe(true);
      expect(p.exitDate <= asOf).toBe(true);
      expect(p.exitDate <= p.contractEnd!).toBe(true);
      expect(CATEGORY.has(p.exitReason ?? '')).toBe(true);
      expect(p.status).toBe('Sorti');
      if (p.exitReason === "Rupture pendant la période d'essai") expect(p.exitDate < p.trialEnd!).toBe(true);
    }
  }
  // Counter per year: 1..n with no gap.
  for (const counters of countersByYear.values()) {
    expect([...counters].sort((a, b) => a - b)).toEqual(counters.map((_, i) => i + 1));
  }

  // Présences
  const seen = new Set<string>();
  let previousKey = '';
  for (const a of w.attendance) {
    const p = byId.get(a.id);
    expect(p).toBeDefined();
    expect(a.workshop).toBe(p!.workshop);
    expect(a.date >= p!.entryDate!).toBe(true);
    expect(a.date <= minDay(p!.exitDate ?? asOf, asOf)).toBe(true);
    const workshop = workshopByName.get(a.workshop)!;
    expect(workshop.days!.split(', ')).toContain(weekdayName(a.date));
    const key = `${a.date}|${a.workshop}|${a.id}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    expect(key > previousKey).toBe(true);
    previousKey = key;
    expect(PRESENCE_STATUSES).toContain(a.status);
    if (a.status === 'Présent') expect(a.hours).toBe(workshop.sessionHours);
    else if (a.status === 'Retard') {
      expect(a.hours).toBeGreaterThan(0);
      expect(a.hours).toBeLessThan(workshop.sessionHours!);
    } else expect(a.hours).toBe(0);
    expect(a.hours).toBeLessThanOrEqual(12);
    if (a.comment !== null) expect(a.comment).not.toMatch(HEALTH_WORDS);
  }

  // Évaluations
  const objectivesPerReview = new Map<string, Set<string>>();
  let previous = '';
  for (const e of w.evaluations) {
    const p = byId.get(e.id);
    expect(p).toBeDefined();
    expect(e.date >= p!.entryDate!).toBe(true);
    expect(e.date <= minDay(p!.exitDate ?? asOf, asOf)).toBe(true);
    expect(OBJECTIVE_DOMAIN.get(e.objective)).toBe(e.domain);
    expect(DOMAINS).toContain(e.domain);
    expect(LEVELS).toContain(e.level);
    const orderKey = `${e.date}|${e.id}`;
    expect(orderKey >= previous).toBe(true);
    previous = orderKey;
    const review = `${e.date}|${e.id}|${e.type}`;
    const set = objectivesPerReview.get(review) ?? new Set<string>();
    expect(set.has(e.objective)).toBe(false);
    set.add(e.objective);
    objectivesPerReview.set(review, set);
    const supervisor = workshopByName.get(p!.workshop!)!.supervisor;
    expect([supervisor, ...CIP_NAMES]).toContain(e.evaluator);
    if (e.type === 'Bilan de sortie') expect(e.date).toBe(p!.exitDate);
    if (e.comment !== null) expect(e.comment).not.toMatch(HEALTH_WORDS);
  }
  for (const objectives of objectivesPerReview.values()) {
    expect(objectives.size).toBeGreaterThanOrEqual(3);
    expect(objectives.size).toBeLessThanOrEqual(6);
  }
}

test('the health words filter catches health details and spares ordinary words', () => {
  expect('Suivi au CMP le mardi').toMatch(HEALTH_WORDS);
  expect('Problème de santé').toMatch(HEALTH_WORDS);
  expect('A besoin d’un planning écrit').not.toMatch(HEALTH_WORDS);
});

describe('buildDemoWorkbook — default demo', () => {
  const demo = buildDemoWorkbook();

  test('is deterministic, and the seed matters', () => {
    expect(buildDemoWorkbook()).toEqual(demo);
    expect(buildDemoWorkbook({ seed: 20_261_120, asOf: AS_OF, parcoursCount: 120, workshopCount: 3 })).toEqual(demo);
    expect(buildDemoWorkbook({ seed: 1 }).parcours).not.toEqual(demo.parcours);
  });

  test('sizes: 120 parcours, about 100 sessions and 10 assessments per parcours', () => {
    expect(demo.parcours).toHaveLength(120);
    expect(demo.attendance.length).toBeGreaterThanOrEqual(9_000);
    expect(demo.attendance.length).toBeLessThanOrEqual(15_000);
    expect(demo.evaluations.length).toBeGreaterThanOrEqual(900);
    expect(demo.evaluations.length).toBeLessThanOrEqual(1_500);
  });

  test('structure, ateliers, funders, prescribers', () => {
    expect(demo.structureName.length).toBeGreaterThan(0);
    expect(demo.parameters.structureName).toBe(demo.structureName);
    expect(demo.prescribers).toEqual([...DEFAULT_PRESCRIBERS]);
    expect(demo.workshops.map((w) => w.name)).toEqual(['Maraîchage', 'Rénovation des locaux', 'Cuisine / restauration solidaire']);
    for (const w of demo.workshops) {
      expect(w.active).toBe(true);
      expect(w.supervisor).toBeTruthy();
      expect(w.sessionHours).toBeGreaterThan(0);
      // Capacity covers the busiest session.
      const perSession = new Map<string, number>();
      for (const a of demo.attendance.filter((x) => x.workshop === w.name)) perSession.set(a.date, (perSession.get(a.date) ?? 0) + 1);
      expect(Math.max(...perSession.values())).toBeLessThanOrEqual(w.capacity!);
    }
    expect(demo.funders.map((f) => f.code)).toEqual(['CD', 'DDETS', 'PV']);
    expect(demo.funders.find((f) => f.code === 'DDETS')!.minimumMonths).toBe(3);
    expect(demo.funders.find((f) => f.code === 'CD')!.etpContracted).toBeGreaterThan(0);
  });

  test('every row is valid and consistent', () => {
    expectValidDemo(demo, AS_OF);
  });

  test('statuses at asOf: candidates, trials, current and exited parcours', () => {
    const count = (s: string) => demo.parcours.filter((p) => p.status === s).length;
    expect(count('Candidat')).toBeGreaterThanOrEqual(2);
    expect(count("Période d'essai")).toBeGreaterThanOrEqual(1);
    expect(count('En parcours')).toBeGreaterThanOrEqual(10);
    expect(count('Sorti')).toBeGreaterThanOrEqual(40);
    expect(demo.parcours.some((p) => p.entryDate === null && p.commissionDate === null)).toBe(true);
    expect(demo.parcours.some((p) => p.entryDate === null && p.commissionDate !== null)).toBe(true);
    // Renewed contracts.
    expect(demo.parcours.some((p) => p.entryDate !== null && p.contractEnd === addMonths(addMonths(p.entryDate, 6), 6))).toBe(true);
  });

  test('exits: every category, trial ruptures, and a DDETS exit shorter than its minimum', () => {
    const exited = demo.parcours.filter((p) => p.exitDate !== null);
    const categories = new Set(exited.map((p) => CATEGORY.get(p.exitReason!)));
    expect([...categories].sort()).toEqual([...EXIT_CATEGORIES].sort());
    expect(exited.filter((p) => p.exitReason === "Rupture pendant la période d'essai").length).toBeGreaterThanOrEqual(2);
    const shortDdets = exited.filter(
      (p) =>
        p.funders.includes('DDETS') &&
        CATEGORY.get(p.exitReason!) !== 'Retrait' &&
        fullMonthsBetween(p.entryDate!, p.exitDate!) < 3,
    );
    expect(shortDdets.length).toBeGreaterThanOrEqual(1);
  });

  test('a varied public', () => {
    const ps = demo.parcours;
    const share = (pred: (p: (typeof ps)[number]) => boolean) => ps.filter(pred).length / ps.length;
    expect(share((p) => p.sex === 'F')).toBeGreaterThan(0.2);
    expect(share((p) => p.sex === 'H')).toBeGreaterThan(0.2);
    expect(share((p) => p.qpv)).toBeGreaterThan(0.15);
    expect(share((p) => p.qpv)).toBeLessThan(0.45);
    expect(share((p) => p.rqth === true)).toBeGreaterThan(0.05);
    expect(share((p) => p.rqth === true)).toBeLessThan(0.3);
    for (const m of MINIMUM_SOCIAL) expect(ps.some((p) => p.minimumSocial === m)).toBe(true);
    expect(ps.some((p) => p.education === null)).toBe(true);
    expect(ps.some((p) => p.deld === true)).toBe(true);
    expect(ps.some((p) => p.franceTravail === false)).toBe(true);
    expect(ps.some((p) => p.funders.length >= 2)).toBe(true);
    expect(ps.some((p) => p.funders.includes('PV'))).toBe(true);
    expect(ps.some((p) => ageOn(p.birthDate, p.entryDate ?? AS_OF) < 26)).toBe(true);
    expect(ps.some((p) => ageOn(p.birthDate, p.entryDate ?? AS_OF) >= 50)).toBe(true);
    expect(new Set(ps.map((p) => p.commune)).size).toBeGreaterThanOrEqual(3);
    expect(ps.some((p) => p.observations !== null)).toBe(true);
  });

  test('attendance: every session of the atelier, all statuses, recent runs of unjustified absences', () => {
    const statuses = new Set(demo.attendance.map((a) => a.status));
    expect([...statuses].sort()).toEqual([...PRESENCE_STATUSES].sort());
    const present = demo.attendance.filter((a) => a.status === 'Présent').length;
    expect(present / demo.attendance.length).toBeGreaterThan(0.7);

    // One row per session: Maraîchage meets lundi, mardi, jeudi, vendredi. Week of 2026-11-09:
    // Wednesday 11 November is a holiday anyway; 9, 10, 12, 13 are sessions.
    const rowsByParcours = new Map<string, typeof demo.attendance>();
    for (const a of demo.attendance) rowsByParcours.set(a.id, [...(rowsByParcours.get(a.id) ?? []), a]);
    const current = demo.parcours.filter((p) => p.workshop === 'Maraîchage' && p.entryDate !== null && p.entryDate < '2026-11-09' && p.exitDate === null);
    expect(current.length).toBeGreaterThan(0);
    for (const p of current) {
      const week = rowsByParcours.get(p.id)!.filter((a) => a.date >= '2026-11-09' && a.date <= '2026-11-15').map((a) => a.date);
      expect(week).toEqual(['2026-11-09', '2026-11-10', '2026-11-12', '2026-11-13']);
    }
    // No session on a public holiday (14 July, 25 December).
    expect(demo.attendance.some((a) => a.date.endsWith('-07-14') || a.date.endsWith('-12-25'))).toBe(false);

    // Current participants whose last three sessions are unjustified absences.
    const runs = demo.parcours.filter((p) => {
      if (p.exitDate !== null || p.entryDate === null) return false;
      const last = (rowsByParcours.get(p.id) ?? []).slice(-3);
      return last.length === 3 && last.every((a) => a.status === 'Absent non justifié') && last[2]!.date >= addDays(AS_OF, -7);
    });
    expect(runs.length).toBeGreaterThanOrEqual(2);
  });

  test('evaluations: trial, follow-up and exit reviews; levels mostly rise', () => {
    const reviewsOf = (id: string) => demo.evaluations.filter((e) => e.id === id);
    for (const p of demo.parcours) {
      const evals = reviewsOf(p.id);
      if (p.entryDate === null) {
        expect(evals).toHaveLength(0);
        continue;
      }
      const lastDay = p.exitDate ?? AS_OF;
      const trialReviewed = evals.some((e) => e.type === "Bilan de période d'essai");
      // A trial review when the trial ended before the parcours did (held on the last working day of the trial).
      if (p.trialEnd! < lastDay) expect(trialReviewed).toBe(true);
      else expect(trialReviewed).toBe(false);
      if (p.exitDate !== null) expect(evals.some((e) => e.type === 'Bilan de sortie' && e.date === p.exitDate)).toBe(true);
      // Follow-ups every 2 to 3 months: a parcours of 8 months or more has at least two.
      if (fullMonthsBetween(p.entryDate, lastDay) >= 8) {
        const followUps = new Set(evals.filter((e) => e.type === 'Entretien de suivi' || e.type === 'Bilan trimestriel').map((e) => e.date));
        expect(followUps.size).toBeGreaterThanOrEqual(2);
      }
    }
    // Per objective: first level vs last level.
    const firstLast = new Map<string, [number, number]>();
    for (const e of demo.evaluations) {
      const key = `${e.id}|${e.objective}`;
      const rank = LEVELS.indexOf(e.level);
      const fl = firstLast.get(key);
      firstLast.set(key, fl ? [fl[0], rank] : [rank, rank]);
    }
    const values = [...firstLast.values()];
    const up = values.filter(([a, b]) => b > a).length;
    const down = values.filter(([a, b]) => b < a).length;
    expect(up).toBeGreaterThan(5 * down);
    expect(demo.evaluations.some((e) => e.level === 'Acquis')).toBe(true);
  });
});

describe('buildDemoWorkbook — other sizes and dates', () => {
  test('600 parcours on 4 ateliers: about 60,000 sessions and 6,000 assessments', () => {
    const demo = buildDemoWorkbook({ parcoursCount: 600, workshopCount: 4 });
    expect(demo.parcours).toHaveLength(600);
    expect(demo.workshops.map((w) => w.name)).toContain('Espaces verts');
    expect(demo.attendance.length).toBeGreaterThanOrEqual(50_000);
    expect(demo.attendance.length).toBeLessThanOrEqual(70_000);
    expect(demo.evaluations.length).toBeGreaterThanOrEqual(5_000);
    expect(demo.evaluations.length).toBeLessThanOrEqual(7_500);
    expectValidDemo(demo, AS_OF);
  });

  test('another seed, date and six ateliers stay valid', () => {
    const asOf = '2025-03-03';
    const demo = buildDemoWorkbook({ seed: 7, asOf, parcoursCount: 40, workshopCount: 9 });
    expect(demo.workshops).toHaveLength(6);
    expect(demo.workshops.map((w) => w.name)).toEqual(expect.arrayContaining(['Couture', 'Faïencerie']));
    expectValidDemo(demo, asOf);
    const categories = new Set(demo.parcours.filter((p) => p.exitReason).map((p) => CATEGORY.get(p.exitReason!)));
    expect(categories.size).toBe(EXIT_CATEGORIES.length);
  });

  test('tiny and empty demos do not fail', () => {
    expect(buildDemoWorkbook({ parcoursCount: 0 }).parcours).toEqual([]);
    expect(buildDemoWorkbook({ parcoursCount: 0 }).attendance).toEqual([]);
    const one = buildDemoWorkbook({ parcoursCount: 1 });
    expect(one.parcours).toHaveLength(1);
    expectValidDemo(one, AS_OF);
  });

  test('ten times larger builds in a few seconds', () => {
    const start = performance.now();
    const demo = buildDemoWorkbook({ parcoursCount: 6000, workshopCount: 4 });
    const seconds = (performance.now() - start) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(demo.attendance.length).toBeGreaterThanOrEqual(500_000);
    expect(demo.attendance.length).toBeLessThanOrEqual(700_000);
    expect(demo.evaluations.length).toBeGreaterThanOrEqual(50_000);
    expect(demo.evaluations.length).toBeLessThanOrEqual(75_000);
    expect(new Set(demo.parcours.map((p) => p.id)).size).toBe(6000);
  });
});
