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

/**
 * Every SPEC §1 rule the reader checks, plus the demo's own promises, over all rows.
 * Violations are collected (one `expect` per row would take minutes on 60,000 rows).
 */
function demoViolations(w: DemoWorkbook, asOf: CalendarDay): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && problems.length < 20) problems.push(what);
  };
  const byId = new Map(w.parcours.map((p) => [p.id, p]));
  check(byId.size === w.parcours.length, 'IDs en double');
  const workshopByName = new Map(w.workshops.map((x) => [x.name, x]));
  const funderCodes = new Set(w.funders.map((f) => f.code));
  const exitMotifs = new Set(CATEGORY.keys());

  // Participants
  const countersByYear = new Map<string, number[]>();
  for (const p of w.parcours) {
    const at = `parcours ${p.id}`;
    const m = /^P-(\d{4})-(\d{4})$/.exec(p.id);
    check(m !== null, `${at}: ID mal formé`);
    if (!m) continue;
    const year = m[1]!;
    countersByYear.set(year, [...(countersByYear.get(year) ?? []), Number(m[2])]);
    if (p.commissionDate !== null) check(p.commissionDate.slice(0, 4) === year, `${at}: année de l'ID ≠ année de commission`);
    else check(year === asOf.slice(0, 4), `${at}: candidat sans commission créé une autre année`);
    check(p.lastName.length > 0 && p.firstName.length > 0, `${at}: nom ou prénom vide`);
    check(p.sex === 'F' || p.sex === 'H', `${at}: sexe`);
    check((MINIMUM_SOCIAL as readonly string[]).includes(p.minimumSocial), `${at}: minimum social`);
    check(p.weeklyHours !== null && p.weeklyHours >= 20 && p.weeklyHours <= 26, `${at}: heures hebdo ${p.weeklyHours}`);
    check(w.prescribers.includes(p.prescriber ?? ''), `${at}: prescripteur`);
    check(workshopByName.has(p.workshop ?? ''), `${at}: atelier`);
    check(p.funders.length > 0 && p.funders.every((c) => funderCodes.has(c)), `${at}: financeurs ${p.funders}`);
    check(p.observations === null || !HEALTH_WORDS.test(p.observations), `${at}: observation « ${p.observations} »`);

    if (p.entryDate === null) {
      check(p.status === 'Candidat', `${at}: statut ${p.status}`);
      check(p.exitDate === null && p.exitReason === null && p.trialEnd === null && p.contractEnd === null, `${at}: candidat daté`);
      if (p.commissionDate !== null) {
        check(p.commissionDate <= asOf && p.commissionDate >= addDays(asOf, -60), `${at}: commission ancienne`);
      }
      const age = ageOn(p.birthDate, asOf);
      check(age >= 18 && age <= 62, `${at}: âge ${age}`);
      continue;
    }
    const entry = p.entryDate;
    check(entry <= asOf && entry >= addDays(asOf, -730), `${at}: entrée ${entry}`);
    check(p.commissionDate !== null && p.commissionDate < entry, `${at}: commission après l'entrée`);
    const age = ageOn(p.birthDate, entry);
    check(age >= 18 && age <= 62, `${at}: âge à l'entrée ${age}`);
    check(p.trialEnd === addMonths(entry, 1), `${at}: fin d'essai`);
    const first = addMonths(entry, 6);
    const second = addMonths(first, 6);
    check([first, second, addMonths(second, 6)].includes(p.contractEnd ?? ''), `${at}: fin de contrat`);
    if (p.exitDate === null) {
      check(p.exitReason === null, `${at}: motif sans sortie`);
      check(p.contractEnd !== null && p.contractEnd >= asOf, `${at}: contrat échu sans sortie`);
      check(p.status === (asOf <= p.trialEnd! ? "Période d'essai" : 'En parcours'), `${at}: statut ${p.status}`);
    } else {
      check(p.exitDate >= entry && p.exitDate <= asOf, `${at}: sortie ${p.exitDate}`);
      check(p.contractEnd !== null && p.exitDate <= p.contractEnd, `${at}: sortie après la fin de contrat`);
      check(exitMotifs.has(p.exitReason ?? ''), `${at}: motif « ${p.exitReason} »`);
      check(p.status === 'Sorti', `${at}: statut ${p.status}`);
      if (p.exitReason === "Rupture pendant la période d'essai") check(p.exitDate < p.trialEnd!, `${at}: rupture après l'essai`);
    }
  }
  // Counter per year: 1..n with no gap.
  for (const [year, counters] of countersByYear) {
    const sorted = [...counters].sort((a, b) => a - b);
    check(sorted.every((c, i) => c === i + 1), `compteur ${year} discontinu`);
  }

  // Présences
  const seen = new Set<string>();
  let previousKey = '';
  for (const a of w.attendance) {
    const key = `${a.date}|${a.workshop}|${a.id}`;
    const p = byId.get(a.id);
    const workshop = workshopByName.get(a.workshop);
    if (!p || !workshop) {
      check(false, `présence ${key}: ID ou atelier inconnu`);
      continue;
    }
    check(a.workshop === p.workshop, `présence ${key}: pas l'atelier du parcours`);
    check(p.entryDate !== null && a.date >= p.entryDate && a.date <= minDay(p.exitDate ?? asOf, asOf), `présence ${key}: hors parcours`);
    check((workshop.days ?? '').split(', ').includes(weekdayName(a.date)), `présence ${key}: pas un jour d'atelier`);
    check(!seen.has(key), `présence ${key}: doublon`);
    seen.add(key);
    check(key > previousKey, `présence ${key}: ordre`);
    previousKey = key;
    check((PRESENCE_STATUSES as readonly string[]).includes(a.status), `présence ${key}: statut`);
    if (a.status === 'Présent') check(a.hours === workshop.sessionHours, `présence ${key}: heures ${a.hours}`);
    else if (a.status === 'Retard') check(a.hours > 0 && a.hours < workshop.sessionHours!, `présence ${key}: heures ${a.hours}`);
    else check(a.hours === 0, `présence ${key}: heures d'absence ${a.hours}`);
    check(a.comment === null || !HEALTH_WORDS.test(a.comment), `présence ${key}: commentaire « ${a.comment} »`);
  }

  // Évaluations
  const objectivesPerReview = new Map<string, Set<string>>();
  let previous = '';
  for (const e of w.evaluations) {
    const key = `${e.date}|${e.id}`;
    const p = byId.get(e.id);
    if (!p) {
      check(false, `évaluation ${key}: ID inconnu`);
      continue;
    }
    check(p.entryDate !== null && e.date >= p.entryDate && e.date <= minDay(p.exitDate ?? asOf, asOf), `évaluation ${key}: hors parcours`);
    check(OBJECTIVE_DOMAIN.get(e.objective) === e.domain, `évaluation ${key}: objectif ou domaine`);
    check((DOMAINS as readonly string[]).includes(e.domain), `évaluation ${key}: domaine`);
    check((LEVELS as readonly string[]).includes(e.level), `évaluation ${key}: niveau`);
    check(key >= previous, `évaluation ${key}: ordre`);
    previous = key;
    const review = `${key}|${e.type}`;
    const set = objectivesPerReview.get(review) ?? new Set<string>();
    check(!set.has(e.objective), `évaluation ${review}: objectif en double`);
    set.add(e.objective);
    objectivesPerReview.set(review, set);
    const supervisor = workshopByName.get(p.workshop ?? '')?.supervisor;
    check(e.evaluator === supervisor || (CIP_NAMES as readonly (string | null)[]).includes(e.evaluator), `évaluation ${key}: évaluateur`);
    if (e.type === 'Bilan de sortie') check(e.date === p.exitDate, `évaluation ${key}: bilan de sortie hors date de sortie`);
    check(e.comment === null || !HEALTH_WORDS.test(e.comment), `évaluation ${key}: commentaire`);
  }
  for (const [review, objectives] of objectivesPerReview) {
    check(objectives.size >= 3 && objectives.size <= 6, `évaluation ${review}: ${objectives.size} objectifs`);
  }
  return problems;
}

function expectValidDemo(w: DemoWorkbook, asOf: CalendarDay): void {
  expect(demoViolations(w, asOf)).toEqual([]);
}

test('the health words filter catches health details and spares ordinary words', () => {
  expect('Suivi au CMP le mardi').toMatch(HEALTH_WORDS);
  expect('Problème de santé').toMatch(HEALTH_WORDS);
  expect('A besoin d’un planning écrit').not.toMatch(HEALTH_WORDS);
});

test('the validator catches broken rows', () => {
  const demo = buildDemoWorkbook({ parcoursCount: 30 });
  const exited = demo.parcours.find((p) => p.exitDate !== null)!;
  const broken: DemoWorkbook = {
    ...demo,
    parcours: demo.parcours.map((p) => (p === exited ? { ...p, exitReason: 'Parti', observations: 'Suivi au CMP' } : p)),
    attendance: [...demo.attendance, { ...demo.attendance[0]! }],
  };
  const problems = demoViolations(broken, AS_OF);
  expect(problems).toEqual(
    expect.arrayContaining([
      `parcours ${exited.id}: motif « Parti »`,
      `parcours ${exited.id}: observation « Suivi au CMP »`,
      expect.stringMatching(/doublon/),
    ]),
  );
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

  // Its build time is measured by `npm run bench`, not here: this machine is shared and noisy.
  test('ten times larger keeps its proportions', () => {
    const demo = buildDemoWorkbook({ parcoursCount: 6000, workshopCount: 4 });
    expect(demo.attendance.length).toBeGreaterThanOrEqual(500_000);
    expect(demo.attendance.length).toBeLessThanOrEqual(700_000);
    expect(demo.evaluations.length).toBeGreaterThanOrEqual(50_000);
    expect(demo.evaluations.length).toBeLessThanOrEqual(75_000);
    expect(new Set(demo.parcours.map((p) => p.id)).size).toBe(6000);
  });
});
