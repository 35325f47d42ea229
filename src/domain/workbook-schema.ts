import {
  BARRIER_STATES,
  DOMAINS,
  EDUCATION_LEVELS,
  EVALUATION_TYPES,
  EXIT_CATEGORIES,
  LEVELS,
  MINIMUM_SOCIAL,
  PARCOURS_STATUSES,
  PRESENCE_STATUSES,
  RSA_ORIENTATIONS,
  SEXES,
  SUPPORT_ACTIONS,
} from './records';

/**
 * The workbook format of SPEC §1 as data: which sheets exist, which columns they hold,
 * how each column is read, and where its dropdown comes from. Reading, setup and the
 * forms all derive from this one description.
 */

export type FieldKind =
  | 'text'
  | 'date'
  | 'yesno'
  | 'number'
  | 'list'
  /** Comma separated codes from another sheet (Financeurs). */
  | 'codes'
  /** Written by Parcours, never typed. */
  | 'status';

/** Where a list's allowed values come from. */
export type ListSource =
  | { kind: 'fixed'; values: readonly string[] }
  /** A column of `Listes` (header as in `LISTS_SHEET`). */
  | { kind: 'lists'; column: string }
  /** The first column of another sheet (Ateliers, Financeurs, Motifs de sortie). */
  | { kind: 'sheet'; sheet: SheetName };

export interface FieldSpec {
  /** Property name in the typed record. */
  key: string;
  /** Canonical header written by setup. */
  header: string;
  synonyms: readonly string[];
  kind: FieldKind;
  required?: boolean;
  list?: ListSource;
  /** A list that also accepts free text (the dropdown only suggests). */
  allowOther?: boolean;
  /**
   * A column added after workbooks were already in use: a sheet without it is read as if it were
   * empty (setup adds it), where any other missing column makes the sheet unreadable.
   */
  optional?: boolean;
  /** Column width in pixels for setup. */
  width?: number;
  /** Number format set by setup when the kind's default does not fit. */
  numberFormat?: string;
}

export const SHEET = {
  participants: 'Participants',
  workshops: 'Ateliers',
  attendance: 'Présences',
  evaluations: 'Évaluations',
  support: 'Accompagnement',
  funders: 'Financeurs',
  exitReasons: 'Motifs de sortie',
  lists: 'Listes',
  parameters: 'Paramètres',
  journal: 'Journal',
} as const;
export type SheetName = (typeof SHEET)[keyof typeof SHEET];

export interface SheetSpec {
  name: SheetName;
  fields: readonly FieldSpec[];
  /** Rows written by setup when the sheet has no data row yet. */
  defaultRows?: readonly (readonly (string | number)[])[];
  /** Only the owner may edit (audit log). */
  protectWholeSheet?: boolean;
}

const f = (
  key: string,
  header: string,
  kind: FieldKind,
  extra: Partial<Omit<FieldSpec, 'key' | 'header' | 'kind'>> = {},
): FieldSpec => ({ key, header, kind, synonyms: [], ...extra });

const fixed = (values: readonly string[]): ListSource => ({ kind: 'fixed', values });

export const PARTICIPANTS_FIELDS: readonly FieldSpec[] = [
  f('id', 'ID', 'text', { synonyms: ['Identifiant', 'N°'], required: true, width: 100 }),
  f('lastName', 'Nom', 'text', { synonyms: ['Nom de famille'], required: true, width: 140 }),
  f('firstName', 'Prénom', 'text', { required: true, width: 120 }),
  f('birthDate', 'Date de naissance', 'date', { synonyms: ['Né(e) le', 'Naissance'], required: true }),
  f('sex', 'Sexe', 'list', { synonyms: ['Genre'], required: true, list: fixed(SEXES), width: 60 }),
  f('commune', 'Commune', 'text', { synonyms: ['Ville'] }),
  f('qpv', 'QPV', 'yesno', { synonyms: ['Quartier prioritaire'], width: 60 }),
  f('minimumSocial', 'Minimum social', 'list', {
    synonyms: ['Minima sociaux', 'Allocation'],
    list: fixed(MINIMUM_SOCIAL),
  }),
  f('rsaOrientation', 'Orientation RSA', 'list', {
    synonyms: ['Orientation du RSA', 'Orientation RSA CD', 'Type d’orientation RSA', 'Orientation CD'],
    list: fixed(RSA_ORIENTATIONS),
    optional: true,
    width: 170,
  }),
  f('franceTravail', 'Inscrit France Travail', 'yesno', { synonyms: ['Inscrit Pôle emploi'] }),
  f('deld', 'DELD', 'yesno', { synonyms: ["Demandeur d'emploi longue durée"], width: 60 }),
  f('rqth', 'RQTH', 'yesno', { width: 60 }),
  f('education', 'Niveau de formation', 'list', { synonyms: ['Niveau'], list: fixed(EDUCATION_LEVELS) }),
  f('prescriber', 'Prescripteur', 'list', {
    synonyms: ['Orienteur', 'Orienté par'],
    list: { kind: 'lists', column: 'Prescripteur' },
    width: 160,
  }),
  f('referent', 'Référent', 'text', { synonyms: ['Référent social'] }),
  f('workshop', 'Atelier', 'list', { synonyms: ['Activité'], list: { kind: 'sheet', sheet: 'Ateliers' }, width: 160 }),
  f('funders', 'Financeurs', 'codes', { synonyms: ['Financeur'], list: { kind: 'sheet', sheet: 'Financeurs' } }),
  f('commissionDate', 'Date de commission', 'date', { synonyms: ['Commission'] }),
  f('entryDate', "Date d'entrée", 'date', { synonyms: ['Entrée'] }),
  f('trialEnd', "Fin de période d'essai", 'date', { synonyms: ["Fin d'essai"] }),
  f('contractEnd', 'Fin de contrat', 'date', { synonyms: ["Fin d'engagement"] }),
  f('weeklyHours', 'Heures hebdo prévues', 'number', { synonyms: ['Heures prévues'] }),
  f('exitDate', 'Date de sortie', 'date', { synonyms: ['Sortie'] }),
  f('exitReason', 'Motif de sortie', 'list', {
    synonyms: ['Motif'],
    list: { kind: 'sheet', sheet: 'Motifs de sortie' },
    width: 220,
  }),
  f('status', 'Statut', 'status', { list: fixed(PARCOURS_STATUSES), width: 120 }),
  f('observations', 'Observations', 'text', { synonyms: ['Commentaire'], width: 240 }),
];

export const WORKSHOPS_FIELDS: readonly FieldSpec[] = [
  f('name', 'Atelier', 'text', { required: true, width: 180 }),
  f('supervisor', 'Encadrant', 'text', { width: 140 }),
  f('capacity', 'Capacité', 'number'),
  f('sessionHours', 'Durée de séance (h)', 'number'),
  f('days', 'Jours', 'text', { width: 160 }),
  f('active', 'Actif', 'yesno'),
];

export const ATTENDANCE_FIELDS: readonly FieldSpec[] = [
  f('date', 'Date', 'date', { synonyms: ['Date de séance'], required: true }),
  f('workshop', 'Atelier', 'list', { required: true, list: { kind: 'sheet', sheet: 'Ateliers' }, width: 160 }),
  f('id', 'ID', 'text', { synonyms: ['Participant'], required: true, width: 100 }),
  f('status', 'Présence', 'list', { synonyms: ['Statut'], required: true, list: fixed(PRESENCE_STATUSES), width: 150 }),
  f('hours', 'Heures', 'number', { synonyms: ['Durée'] }),
  f('comment', 'Commentaire', 'text', { width: 240 }),
];

export const EVALUATIONS_FIELDS: readonly FieldSpec[] = [
  f('date', 'Date', 'date', { required: true }),
  f('id', 'ID', 'text', { required: true, width: 100 }),
  f('type', 'Type', 'list', { list: fixed(EVALUATION_TYPES), width: 180 }),
  f('domain', 'Domaine', 'list', { required: true, list: fixed(DOMAINS), width: 110 }),
  f('objective', 'Objectif', 'list', {
    required: true,
    list: { kind: 'lists', column: 'Objectif' },
    allowOther: true,
    width: 240,
  }),
  f('level', 'Niveau', 'list', { required: true, list: fixed(LEVELS), width: 110 }),
  f('evaluator', 'Évaluateur', 'text', { width: 140 }),
  f('comment', 'Commentaire', 'text', { width: 240 }),
];

export const SUPPORT_FIELDS: readonly FieldSpec[] = [
  f('date', 'Date', 'date', { required: true }),
  f('id', 'ID', 'text', { synonyms: ['Participant'], required: true, width: 100 }),
  f('action', 'Action', 'list', { synonyms: ["Type d'action"], required: true, list: fixed(SUPPORT_ACTIONS), width: 220 }),
  f('barrier', 'Frein', 'list', { synonyms: ['Thème'], list: { kind: 'lists', column: 'Frein' }, width: 190 }),
  f('barrierState', 'État du frein', 'list', { list: fixed(BARRIER_STATES), width: 110 }),
  f('hours', 'Heures', 'number', { synonyms: ['Durée'] }),
  f('partner', 'Partenaire', 'list', {
    synonyms: ['Organisme'],
    list: { kind: 'lists', column: 'Partenaire' },
    allowOther: true,
    width: 180,
  }),
  f('comment', 'Commentaire', 'text', { width: 280 }),
];

export const FUNDERS_FIELDS: readonly FieldSpec[] = [
  f('code', 'Code', 'text', { required: true }),
  f('name', 'Nom', 'text', { width: 220 }),
  f('etpContracted', 'ETP conventionnés', 'number'),
  f('hoursPerEtp', 'Heures annuelles par ETP', 'number'),
  f('minimumMonths', 'Durée minimale de parcours (mois)', 'number'),
];

export const EXIT_REASONS_FIELDS: readonly FieldSpec[] = [
  f('motif', 'Motif', 'text', { required: true, width: 300 }),
  f('category', 'Catégorie', 'list', { required: true, list: fixed(EXIT_CATEGORIES), width: 180 }),
];

export const PARAMETERS_FIELDS: readonly FieldSpec[] = [
  f('name', 'Paramètre', 'text', { required: true, width: 300 }),
  f('value', 'Valeur', 'text', { width: 260 }),
];

export const JOURNAL_FIELDS: readonly FieldSpec[] = [
  f('timestamp', 'Horodatage', 'text', { width: 150, numberFormat: 'dd/mm/yyyy hh:mm:ss' }),
  f('user', 'Utilisateur', 'text', { width: 200 }),
  f('action', 'Action', 'text', { width: 200 }),
  f('sheet', 'Feuille', 'text', { width: 120 }),
  f('id', 'ID', 'text', { width: 100 }),
  f('detail', 'Détail', 'text', { width: 400 }),
];

/** Header of each `Listes` column Parcours knows; a team may add others. */
export const LISTS_COLUMNS = {
  prescriber: 'Prescripteur',
  objective: 'Objectif',
  objectiveDomain: "Domaine de l'objectif",
  barrier: 'Frein',
  partner: 'Partenaire',
} as const;

/** The default `Frein` list (SPEC §1.7): categories, never a diagnosis. */
export const DEFAULT_BARRIERS = [
  'Mobilité',
  'Logement',
  "Garde d'enfants",
  'Savoirs de base et langue',
  'Démarches administratives',
  'Budget et dettes',
  'Santé',
  'Justice',
  'Numérique',
  'Projet professionnel',
] as const;

/** Suggestions for `Partenaire` (free text allowed): kinds of partner, never a person. */
export const DEFAULT_PARTNERS = [
  'France Travail',
  'Mission locale',
  'CCAS / CIAS',
  'Conseil départemental',
  'Organisme de formation',
  'Entreprise d’accueil',
  'Plateforme mobilité',
  'Point conseil budget',
  'Bailleur social',
  'Association',
] as const;

export const DEFAULT_PRESCRIBERS = [
  'France Travail',
  'Mission locale',
  'Cap emploi',
  'Conseil départemental (référent RSA)',
  'CCAS / CIAS',
  'Service social de secteur',
  'Centre médico-psychologique',
  'SPIP',
  'Association',
  'Candidature spontanée',
] as const;

/** The default objectives catalogue: [objective, domain]. */
export const DEFAULT_OBJECTIVES: readonly (readonly [string, (typeof DOMAINS)[number]])[] = [
  ['Comprendre et appliquer les consignes de sécurité', 'Savoir'],
  ['Connaître le vocabulaire du métier', 'Savoir'],
  ['Connaître ses droits et devoirs de salarié', 'Savoir'],
  ['Lire un planning et un bon de travail', 'Savoir'],
  ['Utiliser les outils et machines en sécurité', 'Savoir-faire'],
  ['Réaliser une tâche en autonomie', 'Savoir-faire'],
  ['Organiser son poste de travail', 'Savoir-faire'],
  ["Respecter les règles d'hygiène", 'Savoir-faire'],
  ['Être ponctuel et assidu', 'Savoir-être'],
  ['Prévenir en cas d’absence', 'Savoir-être'],
  ['Travailler en équipe', 'Savoir-être'],
  ['Accepter les consignes et la critique', 'Savoir-être'],
  ["Communiquer avec l'encadrant", 'Savoir-être'],
];

export const LISTS_FIELDS: readonly FieldSpec[] = [
  f('prescriber', LISTS_COLUMNS.prescriber, 'text', { width: 260 }),
  f('objective', LISTS_COLUMNS.objective, 'text', { width: 320 }),
  f('objectiveDomain', LISTS_COLUMNS.objectiveDomain, 'list', { list: fixed(DOMAINS), width: 160 }),
  f('barrier', LISTS_COLUMNS.barrier, 'text', { synonyms: ['Freins'], width: 220 }),
  f('partner', LISTS_COLUMNS.partner, 'text', { synonyms: ['Partenaires'], width: 220 }),
];

export const DEFAULT_EXIT_REASONS: readonly (readonly [string, (typeof EXIT_CATEGORIES)[number]])[] = [
  ['CDI', 'Emploi durable'],
  ['CDI aidé', 'Emploi durable'],
  ['CDD ou intérim de 6 mois et plus', 'Emploi durable'],
  ['Intégration dans la fonction publique', 'Emploi durable'],
  ["Création ou reprise d'entreprise", 'Emploi durable'],
  ['CDD ou intérim de moins de 6 mois', 'Emploi de transition'],
  ['Contrat aidé chez un autre employeur (PEC, CUI)', 'Emploi de transition'],
  ['Entrée en formation qualifiante ou pré-qualifiante', 'Sorties positives'],
  ['Embauche dans une structure IAE', 'Sorties positives'],
  ['Orientation vers un ESAT ou une entreprise adaptée', 'Sorties positives'],
  ['Prise des droits à la retraite', 'Sorties positives'],
  ['Autre sortie reconnue comme positive', 'Sorties positives'],
  ['Au chômage', 'Autres sorties'],
  ['Inactivité', 'Autres sorties'],
  ['Sans nouvelles', 'Autres sorties'],
  ['Abandon', 'Autres sorties'],
  ['Décès', 'Retrait des sorties constatées'],
  ['Déménagement', 'Retrait des sorties constatées'],
  ['Raisons de santé', 'Retrait des sorties constatées'],
  ['Congé maternité ou parental', 'Retrait des sorties constatées'],
  ['Décision administrative ou de justice', 'Retrait des sorties constatées'],
  ['Rupture pour faute grave', 'Retrait des sorties constatées'],
  ["Rupture pendant la période d'essai", 'Retrait des sorties constatées'],
];

/** `Paramètres` names and defaults, in the order setup writes them. */
export const PARAMETER = {
  structureName: 'Nom de la structure',
  minimumWeeklyHours: 'Heures hebdomadaires minimum',
  trialMonths: "Durée de la période d'essai (mois)",
  contractMonths: 'Durée du contrat (mois)',
  followUpMonths: 'Périodicité des entretiens (mois)',
  absenceAlert: 'Alerte après absences consécutives',
  retentionMonths: 'Conservation après sortie (mois)',
  secrecyThreshold: 'Seuil de secret statistique',
  coordinatorEmails: 'Courriels des coordinateurs',
} as const;

export const DEFAULT_PARAMETERS: readonly (readonly [string, string | number])[] = [
  [PARAMETER.structureName, ''],
  [PARAMETER.minimumWeeklyHours, 9],
  [PARAMETER.trialMonths, 1],
  [PARAMETER.contractMonths, 6],
  [PARAMETER.followUpMonths, 2],
  [PARAMETER.absenceAlert, 3],
  [PARAMETER.retentionMonths, 24],
  [PARAMETER.secrecyThreshold, 0],
  [PARAMETER.coordinatorEmails, ''],
];

export const FUNDER_DEFAULTS = { hoursPerEtp: 1607, minimumMonths: 0 } as const;

/** Every sheet of the workbook, in the tab order setup creates them. */
export const WORKBOOK_SCHEMA: readonly SheetSpec[] = [
  { name: SHEET.participants, fields: PARTICIPANTS_FIELDS },
  { name: SHEET.attendance, fields: ATTENDANCE_FIELDS },
  { name: SHEET.evaluations, fields: EVALUATIONS_FIELDS },
  { name: SHEET.support, fields: SUPPORT_FIELDS },
  { name: SHEET.workshops, fields: WORKSHOPS_FIELDS },
  { name: SHEET.funders, fields: FUNDERS_FIELDS },
  { name: SHEET.exitReasons, fields: EXIT_REASONS_FIELDS, defaultRows: DEFAULT_EXIT_REASONS },
  { name: SHEET.lists, fields: LISTS_FIELDS },
  { name: SHEET.parameters, fields: PARAMETERS_FIELDS, defaultRows: DEFAULT_PARAMETERS },
  { name: SHEET.journal, fields: JOURNAL_FIELDS, protectWholeSheet: true },
];

export function sheetSpec(name: SheetName): SheetSpec {
  const spec = WORKBOOK_SCHEMA.find((s) => s.name === name);
  if (!spec) throw new Error(`Feuille inconnue du schéma : ${name}`);
  return spec;
}
