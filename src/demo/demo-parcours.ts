import {
  addDays,
  addMonths,
  type CalendarDay,
  dayParts,
  fullMonthsBetween,
  minDay,
} from '../domain/calendar-day';
import {
  type EducationLevel,
  type ExitCategory,
  type MinimumSocial,
  OTHER_EXIT_CATEGORY,
  type Parcours,
  type RsaOrientation,
  type Sex,
  WITHDRAWN_EXIT_CATEGORY,
} from '../domain/records';
import { DEFAULT_EXIT_REASONS, type DEFAULT_PRESCRIBERS } from '../domain/workbook-schema';
import { parcoursStatus } from '../domain/parcours-status';
import { demoParameterNumber } from './demo-parameters';
import type { DemoWorkshop } from './demo-workshops';
import {
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MAIN_TOWN,
  MALE_FIRST_NAMES,
  OTHER_TOWNS,
  REFERENT_NAMES,
} from './demo-names';
import type { SeededRandom } from './seeded-random';
import { workingDayOnOrAfter, workingDayOnOrBefore } from './work-calendar';

export type DemoParcours = Omit<Parcours, 'row'>;

/** A generated parcours and how its attendance should end. */
export interface DemoParcoursPlan {
  parcours: DemoParcours;
  /** The last sessions before the end are unjustified absences (someone who stopped coming). */
  trailingUnjustifiedAbsences: number;
}

type Prescriber = (typeof DEFAULT_PRESCRIBERS)[number];
type Motif = (typeof DEFAULT_EXIT_REASONS)[number][0];

const TRIAL_MONTHS = demoParameterNumber('trialMonths');
const CONTRACT_MONTHS = demoParameterNumber('contractMonths');
/** Entry dates spread over the two years before `asOf`. */
const HISTORY_DAYS = 730;
/** The DDETS minimum duration of the demo funders (months). */
const DDETS_MINIMUM_MONTHS = 3;

/** Share of women by atelier (same order as the workshop catalogue). */
const FEMALE_SHARE = [0.35, 0.2, 0.65, 0.25, 0.85, 0.6] as const;

/** Motifs of exits at or near the contract end. */
const END_MOTIFS: readonly (readonly [Motif, number])[] = [
  ['CDI', 6],
  ['CDI aidé', 2],
  ['CDD ou intérim de 6 mois et plus', 6],
  ['Intégration dans la fonction publique', 1],
  ["Création ou reprise d'entreprise", 1],
  ['CDD ou intérim de moins de 6 mois', 8],
  ['Contrat aidé chez un autre employeur (PEC, CUI)', 3],
  ['Entrée en formation qualifiante ou pré-qualifiante', 7],
  ['Embauche dans une structure IAE', 4],
  ['Orientation vers un ESAT ou une entreprise adaptée', 2],
  ['Autre sortie reconnue comme positive', 3],
  ['Au chômage', 14],
  ['Inactivité', 3],
  ['Sans nouvelles', 2],
  ['Abandon', 1],
  ['Déménagement', 2],
  ['Raisons de santé', 2],
  ['Congé maternité ou parental', 1],
  ['Décision administrative ou de justice', 0.5],
  ['Décès', 0.3],
];

/** Motifs of exits a few weeks after the trial period. */
const EARLY_MOTIFS: readonly (readonly [Motif, number])[] = [
  ['Abandon', 5],
  ['Sans nouvelles', 4],
  ['CDD ou intérim de moins de 6 mois', 3],
  ['Déménagement', 2],
  ['Raisons de santé', 2],
  ['CDI', 1],
  ['Entrée en formation qualifiante ou pré-qualifiante', 1],
  ['Décision administrative ou de justice', 0.5],
];

/**
 * The CD's orientation of an RSA beneficiary, from the age drawn (no draw of its own, so the rest
 * of the demo stays as it was): mostly socio-professionnelle, one in ten not filled in.
 */
function demoRsaOrientation(years: number): RsaOrientation | null {
  const orientations: readonly (RsaOrientation | null)[] = [
    'Socio-professionnelle',
    'Professionnelle',
    'Socio-professionnelle',
    'Sociale',
    'Socio-professionnelle',
    'Professionnelle',
    'Socio-professionnelle',
    'Socio-professionnelle',
    'Sociale',
    null,
  ];
  return orientations[years % orientations.length]!;
}

const TRIAL_RUPTURE: Motif = "Rupture pendant la période d'essai";
/** Motifs after which the last sessions were missed without notice. */
const DROP_OUT_MOTIFS: readonly string[] = ['Abandon', 'Sans nouvelles'];

const EDUCATION: readonly (readonly [EducationLevel | null, number])[] = [
  ['Infra 3', 35],
  ['3 (CAP, BEP)', 33],
  ['4 (Bac)', 15],
  ['5 et plus', 5],
  [null, 12],
];

const GENERAL_PRESCRIBERS: readonly (readonly [Prescriber, number])[] = [
  ['France Travail', 10],
  ['CCAS / CIAS', 4],
  ['Service social de secteur', 3],
  ['Association', 2],
  ['Centre médico-psychologique', 1.5],
  ['Candidature spontanée', 1.5],
  ['SPIP', 1],
  ['Mission locale', 0.5],
  ['Cap emploi', 0.5],
];

/** Short, neutral, practical notes: never health, family or judicial details (SPEC §5). */
const NEUTRAL_OBSERVATIONS = [
  'Permis B en cours',
  'Pas de véhicule : vient en bus',
  'Souhaite se former à la conduite d’engins',
  'Projet professionnel : agent d’entretien',
  'Projet professionnel : commis de cuisine',
  'Intéressé(e) par les espaces verts',
  'Disponible à partir de 9 h',
  'A besoin d’un planning écrit',
  'Démarches de logement en cours avec le référent',
] as const;

const ENTRY_WINDOW_DAYS = HISTORY_DAYS - 3;

export function buildDemoParcours(
  rng: SeededRandom,
  asOf: CalendarDay,
  count: number,
  workshops: readonly DemoWorkshop[],
): DemoParcoursPlan[] {
  const candidateCount = count < 2 ? 0 : Math.min(count - 1, Math.max(2, Math.round(count * 0.08)));
  const admittedCount = count - candidateCount;
  const drafts: Draft[] = [];
  const historyStart = addDays(asOf, -HISTORY_DAYS);

  for (let i = 0; i < admittedCount; i++) {
    // Stratified over the window, so every size has recent entries (some still in trial at asOf).
    const offset = Math.floor(((i + rng.next()) / admittedCount) * ENTRY_WINDOW_DAYS);
    let entry = workingDayOnOrBefore(workingDayOnOrAfter(addDays(historyStart, offset), asOf), historyStart);
    // The status on asOf must not hinge on whether a trial ending that very day still counts.
    if (addMonths(entry, TRIAL_MONTHS) === asOf) entry = workingDayOnOrBefore(addDays(entry, -1), historyStart);
    drafts.push(admittedDraft(rng, asOf, entry, workshops));
  }
  for (let i = 0; i < candidateCount; i++) drafts.push(candidateDraft(rng, asOf, workshops));

  // IDs follow creation order: counter per year of creation.
  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => (a.draft.createdOn < b.draft.createdOn ? -1 : a.draft.createdOn > b.draft.createdOn ? 1 : a.index - b.index))
    .map((x) => x.draft);
  const counters = new Map<number, number>();
  const plans = ordered.map((draft): DemoParcoursPlan => {
    const year = dayParts(draft.createdOn).year;
    const counter = (counters.get(year) ?? 0) + 1;
    counters.set(year, counter);
    draft.parcours.id = `P-${year}-${String(counter).padStart(4, '0')}`;
    draft.parcours.status = parcoursStatus(draft.parcours, asOf);
    return { parcours: draft.parcours, trailingUnjustifiedAbsences: draft.trailingUnjustifiedAbsences };
  });

  ensureEveryExitCategory(plans);
  ensureShortDdetsExit(plans);
  markRecentDropOuts(rng, plans, asOf);
  return plans;
}

interface Draft {
  createdOn: CalendarDay;
  parcours: DemoParcours;
  trailingUnjustifiedAbsences: number;
}

function admittedDraft(
  rng: SeededRandom,
  asOf: CalendarDay,
  entry: CalendarDay,
  workshops: readonly DemoWorkshop[],
): Draft {
  const parcours = person(rng, entry, workshops);
  const commission = workingDayOnOrBefore(addDays(entry, -rng.int(7, 35)), addDays(entry, -40));
  const trialEnd = addMonths(entry, TRIAL_MONTHS);
  const firstContractEnd = addMonths(entry, CONTRACT_MONTHS);
  let contractEnd = firstContractEnd;
  let plannedExit: CalendarDay;
  let motif: Motif;

  const outcome = rng.next();
  if (outcome < 0.07) {
    plannedExit = addDays(entry, rng.int(3, 20));
    motif = TRIAL_RUPTURE;
  } else if (outcome < 0.2) {
    plannedExit = addDays(trialEnd, rng.int(5, 60));
    motif = rng.weighted(EARLY_MOTIFS);
  } else if (outcome < 0.5) {
    plannedExit = addDays(firstContractEnd, -rng.int(0, 20));
    motif = rng.weighted(END_MOTIFS);
  } else {
    // Renewed once or twice; a renewal is recorded shortly before the contract ends.
    const renewals = rng.chance(0.4) ? 2 : 1;
    for (let r = 0; r < renewals; r++) {
      if (addDays(contractEnd, -20) <= asOf) contractEnd = addMonths(contractEnd, CONTRACT_MONTHS);
    }
    plannedExit = addDays(contractEnd, -rng.int(0, 75));
    motif = rng.weighted(END_MOTIFS);
  }
  plannedExit = workingDayOnOrBefore(plannedExit, entry);
  const exited = plannedExit <= asOf;

  parcours.commissionDate = commission;
  parcours.entryDate = entry;
  parcours.trialEnd = trialEnd;
  parcours.contractEnd = contractEnd;
  parcours.exitDate = exited ? plannedExit : null;
  parcours.exitReason = exited ? motif : null;
  return {
    createdOn: commission,
    parcours,
    trailingUnjustifiedAbsences: exited && DROP_OUT_MOTIFS.includes(motif) ? 3 : 0,
  };
}

function candidateDraft(rng: SeededRandom, asOf: CalendarDay, workshops: readonly DemoWorkshop[]): Draft {
  const parcours = person(rng, asOf, workshops);
  const floor = addDays(asOf, -60);
  if (rng.chance(0.5)) parcours.commissionDate = workingDayOnOrBefore(addDays(asOf, -rng.int(0, 45)), floor);
  const createdOn = parcours.commissionDate ?? workingDayOnOrBefore(addDays(asOf, -rng.int(0, 30)), floor);
  return { createdOn, parcours, trailingUnjustifiedAbsences: 0 };
}

/** Identity and social profile of one person, aged 18–62 on `reference` (the entry, or asOf for a candidate). */
function person(rng: SeededRandom, reference: CalendarDay, workshops: readonly DemoWorkshop[]): DemoParcours {
  const workshopIndex = rng.int(0, workshops.length - 1);
  const sex: Sex = rng.chance(FEMALE_SHARE[workshopIndex] ?? 0.5) ? 'F' : 'H';
  const age = rng.weighted<[number, number]>([
    [[18, 25], 20],
    [[26, 49], 55],
    [[50, 62], 25],
  ]);
  const years = rng.int(age[0], age[1]);
  // Up to 363 days before the birthday: full years on `reference` stay `years`.
  const birthDate = addDays(addMonths(reference, -12 * years), -rng.int(0, 363));
  const minimumSocial: MinimumSocial =
    years < 25
      ? rng.weighted<MinimumSocial>([
          ['Aucun', 80],
          ['AAH', 20],
        ])
      : rng.weighted<MinimumSocial>([
          ['RSA', 48],
          ['AAH', 12],
          ['ASS', 10],
          ['Aucun', 30],
        ]);
  const franceTravail =
    minimumSocial === 'ASS' || rng.chance(minimumSocial === 'RSA' ? 0.75 : minimumSocial === 'AAH' ? 0.5 : 0.85);
  const deld = franceTravail && rng.chance(minimumSocial === 'ASS' ? 0.9 : 0.55);
  const rqth = rng.chance(minimumSocial === 'AAH' ? 0.8 : 0.08);
  const inMainTown = rng.chance(0.55);
  const qpv = inMainTown && rng.chance(0.55);

  const funders: string[] = [];
  if (minimumSocial === 'RSA') {
    funders.push('CD');
    if (rng.chance(0.35)) funders.push('DDETS');
  } else {
    funders.push('DDETS');
  }
  if (qpv && rng.chance(0.4)) funders.push('PV');

  let prescriber: Prescriber;
  if (years < 26 && rng.chance(0.6)) prescriber = 'Mission locale';
  else if (minimumSocial === 'RSA' && rng.chance(0.5)) prescriber = 'Conseil départemental (référent RSA)';
  else if (rqth && rng.chance(0.4)) prescriber = 'Cap emploi';
  else prescriber = rng.weighted(GENERAL_PRESCRIBERS);

  return {
    id: '',
    lastName: rng.pick(LAST_NAMES),
    firstName: rng.pick(sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    birthDate,
    sex,
    commune: inMainTown ? MAIN_TOWN : rng.pick(OTHER_TOWNS),
    qpv,
    minimumSocial,
    rsaOrientation: minimumSocial === 'RSA' ? demoRsaOrientation(years) : null,
    franceTravail,
    deld,
    rqth,
    education: rng.weighted(EDUCATION),
    prescriber,
    referent: rng.pick(REFERENT_NAMES),
    workshop: workshops[workshopIndex]?.name ?? null,
    funders,
    commissionDate: null,
    entryDate: null,
    trialEnd: null,
    contractEnd: null,
    weeklyHours: rng.pick([20, 21, 22, 24, 26]),
    exitDate: null,
    exitReason: null,
    status: null,
    observations: rng.chance(0.25) ? rng.pick(NEUTRAL_OBSERVATIONS) : null,
  };
}

const CATEGORY_OF = new Map<string, ExitCategory>(DEFAULT_EXIT_REASONS.map(([motif, category]) => [motif, category]));

/** Small demos may miss a category by chance: borrow an exit from the most frequent one. */
function ensureEveryExitCategory(plans: DemoParcoursPlan[]): void {
  const exits = plans.filter((p) => p.parcours.exitReason !== null && p.parcours.exitReason !== TRIAL_RUPTURE);
  const categoryOf = (p: DemoParcoursPlan) => CATEGORY_OF.get(p.parcours.exitReason ?? '') ?? OTHER_EXIT_CATEGORY;
  const counts = new Map<ExitCategory, number>();
  for (const p of exits) counts.set(categoryOf(p), (counts.get(categoryOf(p)) ?? 0) + 1);
  for (const [motif, category] of firstMotifOfEachCategory()) {
    if ((counts.get(category) ?? 0) > 0) continue;
    let donor: DemoParcoursPlan | undefined;
    for (const p of exits) {
      const n = counts.get(categoryOf(p)) ?? 0;
      if (n > 1 && (!donor || n > (counts.get(categoryOf(donor)) ?? 0))) donor = p;
    }
    if (!donor) return;
    counts.set(categoryOf(donor), (counts.get(categoryOf(donor)) ?? 0) - 1);
    donor.parcours.exitReason = motif;
    donor.trailingUnjustifiedAbsences = 0;
    counts.set(category, 1);
  }
}

function firstMotifOfEachCategory(): [Motif, ExitCategory][] {
  const seen = new Map<ExitCategory, Motif>();
  for (const [motif, category] of DEFAULT_EXIT_REASONS) if (!seen.has(category)) seen.set(category, motif);
  return [...seen.entries()].map(([category, motif]) => [motif, category]);
}

/** At least one DDETS exit shorter than its minimum, so the « non examinées » line is shown. */
function ensureShortDdetsExit(plans: DemoParcoursPlan[]): void {
  const shortExit = (p: DemoParcours) =>
    p.entryDate !== null && p.exitDate !== null && fullMonthsBetween(p.entryDate, p.exitDate) < DDETS_MINIMUM_MONTHS;
  const notWithdrawal = (p: DemoParcours) => CATEGORY_OF.get(p.exitReason ?? '') !== WITHDRAWN_EXIT_CATEGORY;
  if (plans.some((x) => shortExit(x.parcours) && notWithdrawal(x.parcours) && x.parcours.funders.includes('DDETS'))) return;
  const plan =
    plans.find((x) => shortExit(x.parcours) && notWithdrawal(x.parcours)) ??
    plans.find((x) => shortExit(x.parcours) && x.parcours.exitReason !== TRIAL_RUPTURE);
  if (!plan) return;
  if (!notWithdrawal(plan.parcours)) {
    plan.parcours.exitReason = 'Abandon';
    plan.trailingUnjustifiedAbsences = 3;
  }
  plan.parcours.funders = ['CD', 'DDETS', 'PV'].filter((code) => code === 'DDETS' || plan.parcours.funders.includes(code));
}

/** A few current participants have stopped coming lately: 3 or 4 unjustified absences in a row. */
function markRecentDropOuts(rng: SeededRandom, plans: DemoParcoursPlan[], asOf: CalendarDay): void {
  const current = plans.filter(
    (x) => x.parcours.status === 'En parcours' && x.parcours.entryDate !== null && x.parcours.entryDate < addDays(asOf, -45),
  );
  const wanted = Math.min(current.length, Math.max(2, Math.round(current.length * 0.04)));
  for (const plan of rng.sample(current, wanted)) plan.trailingUnjustifiedAbsences = rng.int(3, 4);
}

/** The last day attendance and evaluations may be dated: the exit, or asOf for a current parcours. */
export function lastDayOf(p: DemoParcours, asOf: CalendarDay): CalendarDay {
  return p.exitDate === null ? asOf : minDay(p.exitDate, asOf);
}
