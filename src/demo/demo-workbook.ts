import type { CalendarDay } from '../domain/calendar-day';
import type { Parameters } from '../domain/records';
import { DEFAULT_PRESCRIBERS } from '../domain/workbook-schema';
import { buildDemoAttendance, type DemoAttendance } from './demo-attendance';
import { buildDemoEvaluations, type DemoEvaluation } from './demo-evaluations';
import { buildDemoFunders, type DemoFunder } from './demo-funders';
import { DEMO_STRUCTURE_NAME } from './demo-names';
import { buildDemoParcours, type DemoParcours } from './demo-parcours';
import { buildDemoSupport, type DemoSupport } from './demo-support';
import { buildDemoWorkshops, type DemoWorkshop, MAX_DEMO_WORKSHOPS } from './demo-workshops';
import { createSeededRandom } from './seeded-random';

export interface DemoOptions {
  seed?: number;
  /** The day the demo is « as of »: no date after it; default '2026-11-20'. */
  asOf?: CalendarDay;
  /** Default 120. */
  parcoursCount?: number;
  /** Default 3, at most 6. */
  workshopCount?: number;
}

export interface DemoWorkbook {
  structureName: string;
  /** Overrides of the `Paramètres` defaults. */
  parameters: Partial<Parameters>;
  /** The `Listes` Prescripteur column. */
  prescribers: string[];
  workshops: DemoWorkshop[];
  funders: DemoFunder[];
  parcours: DemoParcours[];
  attendance: DemoAttendance[];
  evaluations: DemoEvaluation[];
  support: DemoSupport[];
}

export const DEMO_DEFAULTS = { seed: 20_261_120, asOf: '2026-11-20', parcoursCount: 120, workshopCount: 3 } as const;

/**
 * A realistic, valid demo workbook, the same for the same options. Pure: no clock, no
 * Math.random, no Node API (it also runs inside Apps Script).
 */
export function buildDemoWorkbook(options: DemoOptions = {}): DemoWorkbook {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const asOf = options.asOf ?? DEMO_DEFAULTS.asOf;
  const parcoursCount = Math.max(0, Math.floor(options.parcoursCount ?? DEMO_DEFAULTS.parcoursCount));
  const workshopCount = Math.min(MAX_DEMO_WORKSHOPS, Math.max(1, Math.floor(options.workshopCount ?? DEMO_DEFAULTS.workshopCount)));

  const workshops = buildDemoWorkshops(workshopCount, null);
  // Separate streams: changing how one part draws does not reshuffle the others.
  const plans = buildDemoParcours(createSeededRandom(seed), asOf, parcoursCount, workshops);
  const attendance = buildDemoAttendance(createSeededRandom(seed ^ 0x5eed_a77e), asOf, plans, workshops);
  const evaluations = buildDemoEvaluations(createSeededRandom(seed ^ 0x0e7a_1000), asOf, plans, workshops);
  const support = buildDemoSupport(createSeededRandom(seed ^ 0x5a99_0a7e), asOf, plans);

  const capacity = Math.max(8, Math.ceil(busiestSession(attendance) / 2) * 2);
  for (const w of workshops) w.capacity = capacity;

  return {
    structureName: DEMO_STRUCTURE_NAME,
    parameters: { structureName: DEMO_STRUCTURE_NAME },
    prescribers: [...DEFAULT_PRESCRIBERS],
    workshops,
    funders: buildDemoFunders(parcoursCount),
    parcours: plans.map((p) => p.parcours),
    attendance,
    evaluations,
    support,
  };
}

/** The most participants expected at one session, so the capacity is never exceeded. */
function busiestSession(attendance: readonly DemoAttendance[]): number {
  let max = 0;
  let count = 0;
  let previous = '';
  for (const row of attendance) {
    // Rows are grouped by (date, atelier).
    const key = `${row.date}|${row.workshop}`;
    count = key === previous ? count + 1 : 1;
    previous = key;
    if (count > max) max = count;
  }
  return max;
}
