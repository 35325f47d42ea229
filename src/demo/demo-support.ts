import { addDays, addMonths, type CalendarDay } from '../domain/calendar-day';
import type { BarrierState, SupportAction, SupportActionType } from '../domain/records';
import type { DEFAULT_BARRIERS } from '../domain/workbook-schema';
import { demoParameterNumber } from './demo-parameters';
import { type DemoParcoursPlan, lastDayOf } from './demo-parcours';
import type { SeededRandom } from './seeded-random';
import { isWorkingDay } from './work-calendar';

export type DemoSupport = Omit<SupportAction, 'row'>;

const FOLLOW_UP_MONTHS = demoParameterNumber('followUpMonths');

/** How often each barrier is met at entry (ACI seeds: mobility and paperwork first, justice rarely). */
const BARRIER_WEIGHTS: readonly (readonly [(typeof DEFAULT_BARRIERS)[number], number])[] = [
  ['Mobilité', 30],
  ['Logement', 14],
  ["Garde d'enfants", 8],
  ['Savoirs de base et langue', 10],
  ['Démarches administratives', 22],
  ['Budget et dettes', 14],
  ['Santé', 8],
  ['Justice', 3],
  ['Numérique', 16],
  ['Projet professionnel', 25],
];

/** Who helps with each barrier (kinds of partner, never a person). */
const PARTNER_OF: Record<string, string> = {
  Mobilité: 'Plateforme mobilité',
  Logement: 'Bailleur social',
  "Garde d'enfants": 'CCAS / CIAS',
  'Savoirs de base et langue': 'Organisme de formation',
  'Démarches administratives': 'CCAS / CIAS',
  'Budget et dettes': 'Point conseil budget',
  Santé: 'CCAS / CIAS',
  Justice: 'CCAS / CIAS',
  Numérique: 'Organisme de formation',
  'Projet professionnel': 'France Travail',
};

/** Neutral wording only: a comment never says more than a category (SPEC §6). */
const STEP_COMMENTS: Record<BarrierState, readonly string[]> = {
  Identifié: ['Repéré à l’entretien d’accueil', 'Évoqué par la personne'],
  'En cours': ['Démarche engagée', 'Rendez-vous pris avec le partenaire', 'Dossier déposé'],
  Levé: ['Solution trouvée', 'Plus un frein à l’emploi'],
};

// The same few hundred days are checked tens of thousands of times at 10× the demo.
const workingDays = new Map<CalendarDay, boolean>();

/** The day itself when it is a working day, else the next one not after `ceiling`. */
function workingDayOnOrAfter(day: CalendarDay, ceiling: CalendarDay): CalendarDay {
  let d = day;
  for (;;) {
    let working = workingDays.get(d);
    if (working === undefined) {
      working = isWorkingDay(d);
      workingDays.set(d, working);
    }
    if (working || d >= ceiling) return d;
    d = addDays(d, 1);
  }
}

interface Barrier {
  label: string;
  state: BarrierState;
  /** The interview at which it will be lifted (an index), or never. */
  liftAt: number | null;
}

/**
 * The support of each parcours, as a coordinator records it: an interview every two months
 * from entry (the first within ten days), one to three barriers identified at the first one and
 * moved on at the later ones (worked on with a partner, often lifted after two to six months,
 * now and then identified again), a collective TRE workshop for some, a training or an immersion
 * (PMSMP) with its hours for others. Every date is a working day within the parcours and not after
 * `asOf`. Sorted by date, then ID.
 */
export function buildDemoSupport(rng: SeededRandom, asOf: CalendarDay, plans: readonly DemoParcoursPlan[]): DemoSupport[] {
  const rows: DemoSupport[] = [];
  for (const { parcours: p } of plans) {
    if (p.entryDate === null || p.entryDate > asOf) continue;
    const last = lastDayOf(p, asOf);
    const interviews: CalendarDay[] = [];
    for (let i = 0; ; i++) {
      const planned = i === 0 ? addDays(p.entryDate, rng.int(2, 10)) : addMonths(interviews[0]!, i * FOLLOW_UP_MONTHS);
      const day = workingDayOnOrAfter(addDays(planned, i === 0 ? 0 : rng.int(-3, 3)), last);
      if (day > last) break;
      if (interviews.length > 0 && day <= interviews[interviews.length - 1]!) continue;
      interviews.push(day);
    }
    if (interviews.length === 0) continue;

    const barriers: Barrier[] = rng.sample(
      [...new Set([rng.weighted(BARRIER_WEIGHTS), rng.weighted(BARRIER_WEIGHTS), rng.weighted(BARRIER_WEIGHTS)])],
      rng.int(1, 3),
    ).map((label) => ({ label, state: 'Identifié', liftAt: rng.chance(0.6) ? rng.int(1, 3) : null }));
    // A step that would fall after the exit (or after `asOf`) is not recorded.
    const push = (date: CalendarDay, action: SupportActionType, fields: Partial<DemoSupport> = {}) =>
      date <= last &&
      rows.push({ date, id: p.id, action, barrier: null, barrierState: null, hours: null, partner: null, comment: null, ...fields });

    interviews.forEach((date, i) => {
      push(date, 'Entretien individuel', { comment: i === 0 ? 'Entretien d’accueil' : null });
      for (const b of barriers) {
        if (i === 0) {
          push(date, 'Point sur un frein', { barrier: b.label, barrierState: 'Identifié', comment: rng.pick(STEP_COMMENTS.Identifié) });
          continue;
        }
        if (b.state === 'Levé') {
          // Now and then a lifted barrier comes back (a car breaks down, a lease ends).
          if (rng.chance(0.08)) {
            b.state = 'Identifié';
            b.liftAt = null;
            push(date, 'Point sur un frein', { barrier: b.label, barrierState: 'Identifié', comment: 'Frein réapparu' });
          }
          continue;
        }
        const lifted = b.liftAt !== null && i >= b.liftAt;
        b.state = lifted ? 'Levé' : 'En cours';
        const action: SupportActionType = lifted || rng.chance(0.5) ? 'Démarche accompagnée' : 'Orientation vers un partenaire';
        push(workingDayOnOrAfter(addDays(date, rng.int(1, 6)), last), action, {
          barrier: b.label,
          barrierState: b.state,
          partner: PARTNER_OF[b.label] ?? null,
          comment: rng.pick(STEP_COMMENTS[b.state]),
        });
      }
    });

    // A collective job-search (TRE) workshop for some, a training or an immersion for others.
    const first = interviews[0]!;
    if (rng.chance(0.35)) {
      push(workingDayOnOrAfter(addDays(first, rng.int(14, 40)), last), 'Atelier collectif', { hours: 3, comment: 'Atelier techniques de recherche d’emploi' });
    }
    if (rng.chance(0.3)) {
      const hours = rng.pick([14, 21, 35, 70]);
      push(workingDayOnOrAfter(addDays(first, rng.int(30, 120)), last), 'Formation', { hours, partner: 'Organisme de formation', comment: rng.pick(['Formation sécurité', 'Remise à niveau', 'Permis CACES']) });
    }
    if (rng.chance(0.25)) {
      push(workingDayOnOrAfter(addDays(first, rng.int(60, 150)), last), 'Immersion en entreprise (PMSMP)', {
        hours: rng.pick([35, 70]),
        partner: 'Entreprise d’accueil',
        comment: 'PMSMP sous convention',
      });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
