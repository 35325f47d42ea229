import type { CalendarDay } from './calendar-day';

/** The typed rows Parcours works on, once read and checked from the workbook (SPEC §1). */

export const SEXES = ['F', 'H'] as const;
export type Sex = (typeof SEXES)[number];

export const MINIMUM_SOCIAL = ['RSA', 'AAH', 'ASS', 'Aucun'] as const;
export type MinimumSocial = (typeof MINIMUM_SOCIAL)[number];

/** The orientation the Conseil départemental decided for an RSA beneficiary (SPEC §1.1). */
export const RSA_ORIENTATIONS = ['Sociale', 'Socio-professionnelle', 'Professionnelle'] as const;
export type RsaOrientation = (typeof RSA_ORIENTATIONS)[number];

export const EDUCATION_LEVELS = ['Infra 3', '3 (CAP, BEP)', '4 (Bac)', '5 et plus'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const PARCOURS_STATUSES = ['Candidat', "Période d'essai", 'En parcours', 'Sorti'] as const;
export type ParcoursStatus = (typeof PARCOURS_STATUSES)[number];

export const PRESENCE_STATUSES = ['Présent', 'Retard', 'Absent justifié', 'Absent non justifié'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

export const EVALUATION_TYPES = [
  "Bilan de période d'essai",
  'Entretien de suivi',
  'Bilan trimestriel',
  'Bilan de sortie',
] as const;
export type EvaluationType = (typeof EVALUATION_TYPES)[number];

export const DOMAINS = ['Savoir', 'Savoir-faire', 'Savoir-être'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Ordered: the index is the level's rank. */
export const LEVELS = ['Non acquis', 'En cours', 'Acquis'] as const;
export type Level = (typeof LEVELS)[number];

/** The categories of exits as the ASP's extranet IAE names them (SPEC §1.6). */
export const EXIT_CATEGORIES = [
  'Emploi durable',
  'Emploi de transition',
  'Sorties positives',
  'Autres sorties',
  'Retrait des sorties constatées',
] as const;
export type ExitCategory = (typeof EXIT_CATEGORIES)[number];

/** The *sorties dynamiques* (SPEC §3.4). */
export const DYNAMIC_EXIT_CATEGORIES: readonly ExitCategory[] = ['Emploi durable', 'Emploi de transition', 'Sorties positives'];
/** Exits that are not counted in the rates (deaths, moves, health, ruptures…). */
export const WITHDRAWN_EXIT_CATEGORY: ExitCategory = 'Retrait des sorties constatées';
/** Where an exit with an empty or unlisted motif counts. */
export const OTHER_EXIT_CATEGORY: ExitCategory = 'Autres sorties';

/** `Accompagnement` (SPEC §1.7): the kinds of support action, in the order forms and summaries show them. */
export const SUPPORT_ACTIONS = [
  'Entretien individuel',
  'Atelier collectif',
  'Formation',
  'Immersion en entreprise (PMSMP)',
  'Démarche accompagnée',
  'Orientation vers un partenaire',
  'Point sur un frein',
] as const;
export type SupportActionType = (typeof SUPPORT_ACTIONS)[number];

/** The state of a barrier (*frein*) after a row; `Levé` means it no longer keeps the person from work. */
export const BARRIER_STATES = ['Identifié', 'En cours', 'Levé'] as const;
export type BarrierState = (typeof BARRIER_STATES)[number];

/** One admission of one person (a row of `Participants`). */
export interface Parcours {
  row: number;
  id: string;
  lastName: string;
  firstName: string;
  birthDate: CalendarDay;
  sex: Sex;
  commune: string | null;
  qpv: boolean;
  minimumSocial: MinimumSocial;
  /** For RSA beneficiaries; null when not filled (or the optional column is absent). */
  rsaOrientation: RsaOrientation | null;
  franceTravail: boolean | null;
  deld: boolean | null;
  rqth: boolean | null;
  education: EducationLevel | null;
  prescriber: string | null;
  referent: string | null;
  workshop: string | null;
  funders: string[];
  commissionDate: CalendarDay | null;
  entryDate: CalendarDay | null;
  /** As typed, or the default computed from the entry date and `Paramètres`. */
  trialEnd: CalendarDay | null;
  contractEnd: CalendarDay | null;
  weeklyHours: number | null;
  exitDate: CalendarDay | null;
  /** The motif as typed (trimmed); an unknown motif is kept as text for the summary. */
  exitReason: string | null;
  status: string | null;
  observations: string | null;
}

export interface Workshop {
  row: number;
  name: string;
  supervisor: string | null;
  capacity: number | null;
  sessionHours: number | null;
  days: string | null;
  active: boolean | null;
}

export interface Attendance {
  row: number;
  date: CalendarDay;
  workshop: string;
  id: string;
  status: PresenceStatus;
  /** Hours counted: as typed, or the atelier's session length for Présent/Retard; 0 otherwise. */
  hours: number;
  comment: string | null;
}

export interface Evaluation {
  row: number;
  date: CalendarDay;
  id: string;
  type: EvaluationType | null;
  domain: Domain;
  objective: string;
  level: Level;
  evaluator: string | null;
  comment: string | null;
}

/** A row of `Accompagnement`: one support action, or one step on a barrier, or both. */
export interface SupportAction {
  row: number;
  date: CalendarDay;
  id: string;
  action: SupportActionType;
  /** A label of the `Listes` Frein column (canonical spelling); null when the row names no barrier. */
  barrier: string | null;
  /** Set exactly when `barrier` is. */
  barrierState: BarrierState | null;
  hours: number | null;
  partner: string | null;
  comment: string | null;
}

export interface Funder {
  row: number;
  code: string;
  name: string | null;
  etpContracted: number | null;
  hoursPerEtp: number;
  minimumMonths: number;
}

export interface ExitReason {
  row: number;
  /** The current label (SPEC §1.6): a former default label is read as the one that replaced it. */
  motif: string;
  category: ExitCategory;
  /** The label as written in the sheet, when it is a former one (the grid's dropdown offers it). */
  sheetLabel?: string;
}

export interface Parameters {
  structureName: string;
  minimumWeeklyHours: number;
  trialMonths: number;
  contractMonths: number;
  followUpMonths: number;
  absenceAlert: number;
  retentionMonths: number;
  secrecyThreshold: number;
  coordinatorEmails: string[];
}

/** Everything read from a workbook, with the issues met while reading. */
export interface WorkbookData {
  parcours: Parcours[];
  workshops: Workshop[];
  attendance: Attendance[];
  evaluations: Evaluation[];
  /** `Accompagnement`, empty when the sheet is absent or not read. */
  support: SupportAction[];
  funders: Funder[];
  exitReasons: ExitReason[];
  parameters: Parameters;
  /** `Listes`: list name (header as typed) → its non-empty values, in order. */
  lists: Record<string, string[]>;
  issues: import('./data-issue').DataIssue[];
}
