import { addDays, addMonths, type CalendarDay } from '../domain/calendar-day';
import { type Evaluation, type EvaluationType, LEVELS, type Level } from '../domain/records';
import { DEFAULT_OBJECTIVES } from '../domain/workbook-schema';
import { CIP_NAMES } from './demo-names';
import { demoParameterNumber } from './demo-parameters';
import { type DemoParcoursPlan, lastDayOf } from './demo-parcours';
import type { DemoWorkshop } from './demo-workshops';
import type { SeededRandom } from './seeded-random';
import { workingDayOnOrBefore } from './work-calendar';

export type DemoEvaluation = Omit<Evaluation, 'row'>;

const FOLLOW_UP_MONTHS = demoParameterNumber('followUpMonths');
/** No follow-up interview in the last two weeks before an exit: the exit review covers it. */
const QUIET_DAYS_BEFORE_EXIT = 14;

const NEUTRAL_COMMENTS = ['Progrès réguliers', 'À consolider', 'Bonne implication', 'Objectif à reprendre avec l’encadrant'];

interface Review {
  date: CalendarDay;
  type: EvaluationType;
}

/**
 * A trial review at the end of the trial, a follow-up every two months, an exit review; each
 * assesses 3 to 6 of the person's objectives, with levels that mostly rise over time.
 * Sorted by date, then ID.
 */
export function buildDemoEvaluations(
  rng: SeededRandom,
  asOf: CalendarDay,
  plans: readonly DemoParcoursPlan[],
  workshops: readonly DemoWorkshop[],
): DemoEvaluation[] {
  const supervisors = new Map(workshops.map((w) => [w.name, w.supervisor]));
  const rows: DemoEvaluation[] = [];
  for (const { parcours: p } of plans) {
    if (p.entryDate === null || p.entryDate > asOf) continue;
    const reviews = reviewsOf(rng, p.entryDate, p.trialEnd, p.exitDate, lastDayOf(p, asOf));
    if (reviews.length === 0) continue;
    const tracked = rng.sample(DEFAULT_OBJECTIVES, rng.int(6, 7));
    const levels = new Map<string, number>();
    const cip = rng.pick(CIP_NAMES);
    const supervisor = (p.workshop === null ? null : supervisors.get(p.workshop)) ?? cip;
    for (const review of reviews) {
      const evaluator = review.type === 'Bilan de sortie' || rng.chance(0.3) ? cip : supervisor;
      for (const [objective, domain] of rng.sample(tracked, objectivesPerReview(rng))) {
        const level = nextLevel(rng, levels.get(objective));
        levels.set(objective, level);
        rows.push({
          date: review.date,
          id: p.id,
          type: review.type,
          domain,
          objective,
          level: LEVELS[level] as Level,
          evaluator,
          comment: rng.chance(0.08) ? rng.pick(NEUTRAL_COMMENTS) : null,
        });
      }
    }
  }
  // Stable sort keeps each review's objectives in catalogue order.
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function reviewsOf(
  rng: SeededRandom,
  entry: CalendarDay,
  trialEnd: CalendarDay | null,
  exit: CalendarDay | null,
  lastDay: CalendarDay,
): Review[] {
  const reviews: Review[] = [];
  const beforeExit = (d: CalendarDay) => exit === null || d < addDays(exit, -QUIET_DAYS_BEFORE_EXIT);
  if (trialEnd !== null) {
    const trialReview = workingDayOnOrBefore(trialEnd, entry);
    if (trialReview <= lastDay && (exit === null || trialReview < exit)) {
      reviews.push({ date: trialReview, type: "Bilan de période d'essai" });
      // Every two months, sometimes a month late.
      let months = 0;
      for (;;) {
        months += FOLLOW_UP_MONTHS + (rng.chance(0.4) ? 1 : 0);
        const d = workingDayOnOrBefore(addMonths(trialEnd, months), entry);
        if (d > lastDay || !beforeExit(d)) break;
        reviews.push({ date: d, type: rng.chance(0.5) ? 'Entretien de suivi' : 'Bilan trimestriel' });
      }
    }
  }
  if (exit !== null && exit <= lastDay) reviews.push({ date: exit, type: 'Bilan de sortie' });
  return reviews;
}

/** First assessment mostly « Non acquis » or « En cours »; then mostly upward. */
function nextLevel(rng: SeededRandom, previous: number | undefined): number {
  if (previous === undefined) return rng.weighted([
    [0, 55],
    [1, 40],
    [2, 5],
  ]);
  const r = rng.next();
  if (previous < 2 && r < 0.45) return previous + 1;
  if (previous > 0 && r > 0.95) return previous - 1;
  return previous;
}

/** Most reviews look at three objectives, a few at up to six. */
function objectivesPerReview(rng: SeededRandom): number {
  return rng.weighted([
    [3, 65],
    [4, 25],
    [5, 7],
    [6, 3],
  ]);
}
