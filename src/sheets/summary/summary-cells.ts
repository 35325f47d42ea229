import { DYNAMIC_EXIT_CATEGORIES, EXIT_CATEGORIES, type ExitCategory } from '../../domain/records';
import type { Summary } from '../../domain/summary/summary-schema';
import type { SumRelation } from './secrecy';

/**
 * Every count the summary sheet shows, by a stable key, and the sums that tie them together on the
 * sheet: what secondary suppression (secrecy.ts) works on. Counts shown only through a rate (the
 * examined exits in Emploi durable, the present rows of one atelier…) are keys too: a rate shown
 * beside its denominator gives its numerator back.
 */
export interface SummaryCells {
  values: Map<string, number>;
  relations: SumRelation[];
}

export const CELL = {
  active: 'fileActive.active',
  entries: 'fileActive.entries',
  exits: 'exits.total',
  candidates: 'fileActive.candidates',
  sex: (s: string) => `profile.sex.${s}`,
  age: (band: string) => `profile.age.${band}`,
  minimumSocial: (m: string) => `profile.minimumSocial.${m}`,
  rsaOrientation: (o: string) => `profile.rsaOrientation.${o}`,
  situation: (key: 'qpv' | 'rqth' | 'deld') => `profile.${key}`,
  education: (e: string) => `profile.education.${e}`,
  prescriber: (p: string) => `profile.prescriber.${p}`,
  sessions: 'attendance.sessions',
  present: 'attendance.present',
  workshopActive: (i: number) => `attendance.workshop.${i}.active`,
  workshopSessions: (i: number) => `attendance.workshop.${i}.sessions`,
  workshopPresent: (i: number) => `attendance.workshop.${i}.present`,
  category: (c: string) => `exits.category.${c}`,
  reason: (r: string) => `exits.reason.${r}`,
  examined: 'exits.examined',
  notExamined: 'exits.notExamined',
  dynamic: 'exits.dynamic',
  durableExamined: 'exits.durableExamined',
  employmentExamined: 'exits.employmentExamined',
  evaluated: 'evaluations.participantsEvaluated',
  assessed: 'evaluations.objectivesAssessed',
  acquired: 'evaluations.objectivesAcquired',
  progressing: 'evaluations.participantsProgressing',
  dataIssues: 'dataIssues',
  previous: (key: string) => `previousYear.${key}`,
} as const;

/** A rate's numerator as a whole count (the rate was computed from it). */
function numerator(rate: number | null, denominator: number): number {
  return rate === null ? 0 : Math.round(rate * denominator);
}

/**
 * `motifCategory`: the category each motif shown counts in (a reader who knows the ASP's table
 * can add the motifs of a category up, so those sums are relations too).
 */
export function summaryCells(summary: Summary, motifCategory: (motif: string) => ExitCategory | null): SummaryCells {
  const values = new Map<string, number>();
  const relations: SumRelation[] = [];
  const set = (key: string, n: number) => values.set(key, n);
  const sum = (total: string, parts: string[]) => relations.push({ total, parts });

  const { fileActive, profile, attendance, exits, evaluations, previousYear } = summary;
  set(CELL.active, fileActive.active);
  set(CELL.entries, fileActive.entries);
  set(CELL.exits, fileActive.exits);
  set(CELL.candidates, fileActive.candidates);

  const table = (key: (label: string) => string, counts: Record<string, number>, total: string) => {
    for (const [label, n] of Object.entries(counts)) set(key(label), n);
    sum(total, Object.keys(counts).map(key));
  };
  table(CELL.sex, profile.sex, CELL.active);
  table(CELL.age, profile.age, CELL.active);
  table(CELL.minimumSocial, profile.minimumSocial, CELL.active);
  table(CELL.rsaOrientation, profile.rsaOrientation, CELL.minimumSocial('RSA'));
  table(CELL.education, profile.education, CELL.active);
  table(CELL.prescriber, profile.prescriber, CELL.active);
  set(CELL.situation('qpv'), profile.qpv);
  set(CELL.situation('rqth'), profile.rqth);
  set(CELL.situation('deld'), profile.deld);

  set(CELL.sessions, attendance.sessions);
  set(CELL.present, attendance.present);
  attendance.byWorkshop.forEach((w, i) => {
    set(CELL.workshopActive(i), w.active);
    set(CELL.workshopSessions(i), w.sessions);
    set(CELL.workshopPresent(i), numerator(w.presenceRate, w.sessions));
  });
  const workshops = attendance.byWorkshop.map((_, i) => i);
  sum(CELL.sessions, workshops.map(CELL.workshopSessions));
  sum(CELL.present, workshops.map(CELL.workshopPresent));

  table(CELL.category, exits.byCategory, CELL.exits);
  table(CELL.reason, exits.byReason, CELL.exits);
  for (const category of EXIT_CATEGORIES) {
    const motifs = Object.keys(exits.byReason).filter((motif) => motifCategory(motif) === category);
    if (motifs.length > 0) sum(CELL.category(category), motifs.map(CELL.reason));
  }
  set(CELL.examined, exits.examined);
  set(CELL.notExamined, exits.notExamined);
  set(CELL.dynamic, exits.dynamic);
  set(CELL.durableExamined, numerator(exits.durableRate, exits.examined));
  set(CELL.employmentExamined, numerator(exits.employmentRate, exits.examined));
  sum(CELL.exits, [CELL.examined, CELL.notExamined, CELL.category('Retrait des sorties constatées')]);
  if (exits.notExamined === 0) {
    // Every exit outside Retrait is examined: the examined ones of a category are that category.
    sum(CELL.dynamic, DYNAMIC_EXIT_CATEGORIES.map(CELL.category));
    sum(CELL.durableExamined, [CELL.category('Emploi durable')]);
    sum(CELL.employmentExamined, [CELL.category('Emploi durable'), CELL.category('Emploi de transition')]);
  }

  set(CELL.evaluated, evaluations.participantsEvaluated);
  set(CELL.assessed, evaluations.objectivesAssessed);
  set(CELL.acquired, evaluations.objectivesAcquired);
  set(CELL.progressing, evaluations.participantsProgressing);
  set(CELL.dataIssues, summary.dataIssues.length);

  for (const key of ['active', 'entries', 'exits', 'dynamic'] as const) {
    const n = previousYear[key];
    if (n !== null) set(CELL.previous(key), n);
  }
  // The examined exits of that year, given back by the dynamic rate and its count.
  const { dynamic, dynamicRate } = previousYear;
  const examined = dynamic !== null && dynamicRate !== null && dynamicRate > 0 ? Math.round(dynamic / dynamicRate) : 0;
  set(CELL.previous('examined'), examined);
  set(CELL.previous('durableExamined'), numerator(previousYear.durableRate, examined));
  set(CELL.previous('employmentExamined'), numerator(previousYear.employmentRate, examined));
  return { values, relations };
}
