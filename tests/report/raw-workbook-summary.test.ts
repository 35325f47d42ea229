/**
 * End to end, from raw cells to the summary JSON: tables as `getValues()` gives them (date cells
 * as Date objects at midnight in Paris, dates typed as text `jj/mm/aaaa`, a checkbox, `3,5` as
 * text) → readWorkbook → computeSummary, with the whole expected JSON worked out by hand below;
 * then the same cells written into a spreadsheet of the built bundle and summarised by cliReport_
 * (what `parcours report` runs) must give the same JSON.
 *
 * Period 2026-T3 = 01/07/2026..30/09/2026, 92 days. Generation day 20/11/2026.
 */
import { midnightInZone } from '../../src/domain/calendar-day';
import { parsePeriod } from '../../src/domain/period';
import { type RawTables, readWorkbook } from '../../src/domain/read-workbook';
import { computeSummary } from '../../src/domain/summary/compute-summary';
import { type Summary, summarySchema } from '../../src/domain/summary/summary-schema';
import { SUPPORT_ACTIONS } from '../../src/domain/records';
import {
  ATTENDANCE_FIELDS,
  DEFAULT_BARRIERS,
  DEFAULT_EXIT_REASONS,
  EVALUATIONS_FIELDS,
  JOURNAL_FIELDS,
  PARTICIPANTS_FIELDS,
} from '../../src/domain/workbook-schema';
import { loadDist } from '../support/built-bundle';
import { NOW, sheetTexts, spreadsheetOf } from './report-fixture';

const TODAY = '2026-11-20';
const T3 = parsePeriod('2026-T3')!;
/** A date cell as Sheets gives it: 00:00 in Paris. */
const day = (d: string) => midnightInZone(d, 'Europe/Paris');

function table(headers: readonly string[], rows: readonly Record<string, unknown>[]): unknown[][] {
  for (const row of rows) for (const key of Object.keys(row)) if (!headers.includes(key)) throw new Error(`No column ${key}`);
  return [[...headers], ...rows.map((row) => headers.map((h) => (h in row ? row[h] : '')))];
}
const headersOf = (fields: readonly { header: string }[]) => fields.map((f) => f.header);

/*
 * Participants (sheet row: ID, funders, sex, birth → entry → exit, motif; age at entry):
 *  2 P1  CD, PV  F 12/05/1990 (date)  entry 02/03/2026 (date)  —                             35
 *  3 P2  CD      H 20/01/1970 (text)  entry 01/02/2026 (text)  exit 01/07/2026 (date) CDI     56
 *  4 P3  CD      F 03/09/2004 (text)  entry 30/09/2026 (text)  —                             22
 *  5 P4  CD      H 15/06/1985         candidate (no entry date)
 *  6 P5  CD      F 03/11/1978         entry 15/06/2026         exit 10/08/2026 Rupture… essai 47
 *  7 P6  CD      H 20/04/1995         entry 2026-06-01 (text)  exit 20/08/2026 CDD < 6 mois   31
 *  8 P7  CD      F 07/07/1988         entry 12/01/2026         exit 15/09/2026 « Parti sans prévenir » (unknown) 37
 *  9 P8  CD      H 30/06/2000         entry 30/06/2026         exit 30/09/2026 (text), motif empty  26 (birthday on entry day)
 * 10 P9  PV      F 01/01/1980         entry 04/05/2026         —
 * 11 P10 CD      H 10/10/1975         entry 01/10/2025         exit 30/06/2026 (the day before the period) CDI
 */
const PARTICIPANTS = [
  {
    ID: 'P-2026-0001', Nom: 'Martin', Prénom: 'Camille', 'Date de naissance': day('1990-05-12'), Sexe: 'F',
    Commune: 'Montval', QPV: 'Oui', 'Minimum social': 'RSA', 'Orientation RSA': 'socio professionnelle', DELD: 'Oui', 'Niveau de formation': '3 (CAP, BEP)',
    Prescripteur: 'France Travail', Atelier: 'Maraîchage', Financeurs: 'CD, PV', "Date d'entrée": day('2026-03-02'),
    Observations: 'Suivi rapproché demandé',
  },
  {
    ID: 'P-2026-0002', Nom: 'Bernard', Prénom: 'Louis', 'Date de naissance': '20/01/1970', Sexe: 'H', QPV: 'Non',
    'Minimum social': 'AAH', RQTH: 'Non', 'Niveau de formation': '4 (Bac)', Prescripteur: 'mission locale',
    Financeurs: 'CD', "Date d'entrée": '01/02/2026', 'Date de sortie': day('2026-07-01'), 'Motif de sortie': 'CDI',
  },
  {
    ID: 'P-2026-0003', Nom: 'Petit', Prénom: 'Inès', 'Date de naissance': '03/09/2004', Sexe: 'F', Financeurs: 'CD',
    "Date d'entrée": '30/09/2026',
  },
  {
    ID: 'P-2026-0004', Nom: 'Durand', Prénom: 'Hugo', 'Date de naissance': day('1985-06-15'), Sexe: 'H', Financeurs: 'CD',
    'Date de commission': day('2026-10-12'),
  },
  {
    ID: 'P-2026-0005', Nom: 'Moreau', Prénom: 'Léa', 'Date de naissance': day('1978-11-03'), Sexe: 'F',
    'Minimum social': 'ASS', 'Niveau de formation': 'Infra 3', Prescripteur: 'France Travail', Financeurs: 'CD',
    "Date d'entrée": day('2026-06-15'), 'Date de sortie': day('2026-08-10'),
    'Motif de sortie': "Rupture pendant la période d'essai",
  },
  {
    ID: 'P-2026-0006', Nom: 'Roux', Prénom: 'Nathan', 'Date de naissance': day('1995-04-20'), Sexe: 'H', QPV: true,
    'Minimum social': 'rsa', RQTH: 'Oui', Financeurs: 'CD', "Date d'entrée": '2026-06-01', 'Date de sortie': day('2026-08-20'),
    'Motif de sortie': 'CDD ou intérim de moins de 6 mois',
  },
  {
    ID: 'P-2026-0007', Nom: 'Fournier', Prénom: 'Sarah', 'Date de naissance': day('1988-07-07'), Sexe: 'F',
    'Niveau de formation': '3 (CAP, BEP)', Prescripteur: 'Cap emploi', Financeurs: 'CD', "Date d'entrée": day('2026-01-12'),
    'Date de sortie': day('2026-09-15'), 'Motif de sortie': 'Parti sans prévenir',
  },
  {
    ID: 'P-2026-0008', Nom: 'Girard', Prénom: 'Yanis', 'Date de naissance': day('2000-06-30'), Sexe: 'H', DELD: 'O',
    Financeurs: 'CD', "Date d'entrée": day('2026-06-30'), 'Date de sortie': '30/09/2026',
  },
  {
    ID: 'P-2026-0009', Nom: 'Lambert', Prénom: 'Chloé', 'Date de naissance': day('1980-01-01'), Sexe: 'F',
    Prescripteur: 'Cap emploi', Financeurs: 'PV', "Date d'entrée": day('2026-05-04'),
  },
  {
    ID: 'P-2026-0010', Nom: 'Bonnet', Prénom: 'Karim', 'Date de naissance': day('1975-10-10'), Sexe: 'H', Financeurs: 'CD',
    "Date d'entrée": day('2025-10-01'), 'Date de sortie': day('2026-06-30'), 'Motif de sortie': 'CDI',
  },
];

/*
 * Présences (sheet row):
 *  2 01/07 (date) Maraîchage P1 Présent 3        counted
 *  3 01/07        Maraîchage P2 Présent (empty → 3 h, the atelier's session)  counted: P2's exit day, inclusive
 *  4 02/07 (text) Maraîchage P1 Retard 2,5       counted
 *  5 01/07 (text) Maraîchage P1 Absent justifié  duplicate of row 2 (same day, atelier, ID): issue, left out
 *  6 02/07        Maraîchage P2 Présent 3        after P2's exit: issue, left out
 *  7 30/09        Cuisine    P3 Présent 4        counted: P3's entry day
 *  8 03/08        Cuisine    P5 Absent non justifié  counted (session, 0 h)
 *  9 03/08        Cuisine    P6 Présent (empty → 4 h)  counted
 * 10 30/06        Maraîchage P1 Présent 3        before the period: not counted, no issue
 * 11 06/07        Cuisine    P9 Présent 4        PV only: not in CD's population
 * 12 04/08        Cuisine    P7 Absent justifié 0  counted (session, 0 h)
 * 13 29/09        Menuiserie P8 Présent « 3,5 » (text)  counted, 3.5 h
 */
const ATTENDANCE = [
  { Date: day('2026-07-01'), Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: 'Présent', Heures: 3 },
  { Date: day('2026-07-01'), Atelier: 'Maraîchage', ID: 'P-2026-0002', Présence: 'Présent' },
  {
    Date: '02/07/2026', Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: 'Retard', Heures: 2.5,
    Commentaire: 'Arrivé en retard (bus)',
  },
  { Date: '01/07/2026', Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: 'Absent justifié' },
  { Date: day('2026-07-02'), Atelier: 'Maraîchage', ID: 'P-2026-0002', Présence: 'Présent', Heures: 3 },
  { Date: day('2026-09-30'), Atelier: 'Cuisine', ID: 'P-2026-0003', Présence: 'Présent', Heures: 4 },
  { Date: day('2026-08-03'), Atelier: 'Cuisine', ID: 'P-2026-0005', Présence: 'Absent non justifié' },
  { Date: day('2026-08-03'), Atelier: 'Cuisine', ID: 'P-2026-0006', Présence: 'Présent' },
  { Date: day('2026-06-30'), Atelier: 'Maraîchage', ID: 'P-2026-0001', Présence: 'Présent', Heures: 3 },
  { Date: day('2026-07-06'), Atelier: 'Cuisine', ID: 'P-2026-0009', Présence: 'Présent', Heures: 4 },
  { Date: day('2026-08-04'), Atelier: 'Cuisine', ID: 'P-2026-0007', Présence: 'Absent justifié', Heures: 0 },
  { Date: day('2026-09-29'), Atelier: 'Menuiserie', ID: 'P-2026-0008', Présence: 'Présent', Heures: '3,5' },
];

/*
 * Évaluations (sheet row):
 *  2 10/05 P1 Savoir-être Ponctualité Non acquis   before the period: P1's first level ever
 *  3 10/08 P1 Savoir-être Ponctualité En cours
 *  4 10/08 P1 Savoir-être Ponctualité Acquis       same day, later row: P1's last level in the period
 *  5 15/07 P7 Savoir-faire Travailler en équipe En cours    first ever
 *  6 15/07 P7 Savoir-faire « travailler en equipe » Non acquis  same objective, same day, later row: last
 *  7 20/09 (text) P8 Savoir Respecter les consignes En cours  the only one: first = last
 *  8 05/10 P1 Savoir Respecter les consignes Acquis  after the period: ignored
 *  9 20/07 P9 Savoir-être Ponctualité Acquis       PV only
 * 10 30/09 P3 Savoir-être Ponctualité Non acquis   P3's entry day, first ever
 * 11 30/09 P3 Savoir-être Ponctualité En cours     same day, later row: last
 */
const EVALUATIONS = [
  { Date: day('2026-05-10'), ID: 'P-2026-0001', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'Non acquis' },
  { Date: day('2026-08-10'), ID: 'P-2026-0001', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'En cours' },
  {
    Date: day('2026-08-10'), ID: 'P-2026-0001', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'Acquis',
    Commentaire: 'Très bon progrès',
  },
  { Date: day('2026-07-15'), ID: 'P-2026-0007', Domaine: 'Savoir-faire', Objectif: 'Travailler en équipe', Niveau: 'En cours' },
  { Date: day('2026-07-15'), ID: 'P-2026-0007', Domaine: 'Savoir-faire', Objectif: 'travailler en equipe', Niveau: 'Non acquis' },
  { Date: '20/09/2026', ID: 'P-2026-0008', Domaine: 'Savoir', Objectif: 'Respecter les consignes', Niveau: 'En cours' },
  { Date: day('2026-10-05'), ID: 'P-2026-0001', Domaine: 'Savoir', Objectif: 'Respecter les consignes', Niveau: 'Acquis' },
  { Date: day('2026-07-20'), ID: 'P-2026-0009', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'Acquis' },
  { Date: day('2026-09-30'), ID: 'P-2026-0003', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'Non acquis' },
  { Date: day('2026-09-30'), ID: 'P-2026-0003', Domaine: 'Savoir-être', Objectif: 'Ponctualité', Niveau: 'En cours' },
];

const TABLES: RawTables = {
  Participants: table(headersOf(PARTICIPANTS_FIELDS), PARTICIPANTS),
  Présences: table(headersOf(ATTENDANCE_FIELDS), ATTENDANCE),
  Évaluations: table(headersOf(EVALUATIONS_FIELDS), EVALUATIONS),
  Ateliers: [
    ['Atelier', 'Encadrant', 'Capacité', 'Durée de séance (h)', 'Jours', 'Actif'],
    ['Maraîchage', 'Luc Garnier', 8, 3, 'lundi, jeudi', 'Oui'],
    ['Cuisine', 'Nadia Perrin', 6, 4, 'mardi', 'Oui'],
    ['Menuiserie', 'Paul Chevalier', 6, 3.5, 'vendredi', 'Oui'],
  ],
  Financeurs: [
    ['Code', 'Nom', 'ETP conventionnés', 'Heures annuelles par ETP', 'Durée minimale de parcours (mois)'],
    ['CD', 'Conseil départemental', 2, 1607, 3],
    ['PV', 'Politique de la ville', '', '', 0],
  ],
  'Motifs de sortie': [['Motif', 'Catégorie'], ...DEFAULT_EXIT_REASONS.map((r) => [...r])],
  Listes: [
    ['Prescripteur', 'Objectif', "Domaine de l'objectif"],
    ['France Travail', 'Ponctualité', 'Savoir-être'],
    ['Mission locale', 'Travailler en équipe', 'Savoir-faire'],
    ['Cap emploi', 'Respecter les consignes', 'Savoir'],
  ],
  Paramètres: [
    ['Paramètre', 'Valeur'],
    ['Nom de la structure', 'Atelier des Coteaux'],
    ['Heures hebdomadaires minimum', 9],
    ['Seuil de secret statistique', 0],
  ],
  Journal: [headersOf(JOURNAL_FIELDS)],
};

const YEAR_SHARE = 92 / 365;

function emptySupport(): Summary['support'] {
  return {
    actions: Object.fromEntries(SUPPORT_ACTIONS.map((a) => [a, { count: 0, participants: 0, hours: 0 }])),
    barriers: Object.fromEntries(DEFAULT_BARRIERS.map((b) => [b, { concerned: 0, workedOn: 0, lifted: 0 }])),
  };
}

/*
 * CD's population: P1..P8 and P10. Active in T3: P1, P2 (left on the first day), P3 (entered on
 * the last day), P5, P6, P7, P8 = 7; P4 is a candidate; P10 left the day before the period.
 */
const EXPECTED_CD: Summary = {
  structure: 'Atelier des Coteaux',
  funder: 'CD',
  period: { start: '2026-07-01', end: '2026-09-30' },
  // Entries: P3. Exits: P2, P5, P6, P7, P8. Candidates: P4.
  fileActive: { active: 7, entries: 1, exits: 5, candidates: 1 },
  profile: {
    // F: P1, P3, P5, P7; H: P2, P6, P8.
    sex: { F: 4, H: 3 },
    // P3 22; P1 35, P5 47, P6 31, P7 37, P8 26 (on the day); P2 56.
    age: { 'moins de 26 ans': 1, '26 à 49 ans': 5, '50 ans et plus': 1 },
    // RSA: P1, P6 (« rsa »); AAH: P2; ASS: P5; empty = Aucun: P3, P7, P8.
    minimumSocial: { RSA: 2, AAH: 1, ASS: 1, Aucun: 3 },
    // Of the two RSA beneficiaries: P1 « socio professionnelle » (read like a list value), P6 empty.
    rsaOrientation: { Sociale: 0, 'Socio-professionnelle': 1, Professionnelle: 0, 'Non renseignée': 1 },
    // QPV: P1 « Oui », P6 a ticked checkbox. RQTH: P6. DELD: P1, P8 « O ».
    qpv: 2,
    rqth: 1,
    deld: 2,
    // Infra 3: P5; CAP: P1, P7; Bac: P2; empty: P3, P6, P8.
    education: { 'Infra 3': 1, '3 (CAP, BEP)': 2, '4 (Bac)': 1, '5 et plus': 0, 'Non renseigné': 3 },
    // France Travail: P1, P5; Mission locale: P2 (« mission locale »); Cap emploi: P7; empty: P3, P6, P8.
    prescriber: { 'France Travail': 2, 'Mission locale': 1, 'Cap emploi': 1, 'Non répertorié': 0, 'Non renseigné': 3 },
  },
  attendance: {
    // Rows 2, 3, 4, 7, 8, 9, 12, 13 = 8 sessions; present (Présent or Retard): 2, 3, 4, 7, 9, 13 = 6.
    // Hours: 3 + 3 + 2.5 + 4 + 4 + 3.5 = 20.
    hours: 20,
    sessions: 8,
    present: 6,
    presenceRate: 6 / 8,
    etp: 20 / (1607 * YEAR_SHARE),
    // The funder's 2 ETP as written (a yearly average of posts, not pro-rated).
    etpContracted: 2,
    etpConsumption: 20 / (1607 * YEAR_SHARE) / 2,
    byWorkshop: [
      // In `Ateliers` order. Maraîchage: rows 2, 3, 4 (P1, P2), 3 + 3 + 2.5 h, all present.
      { workshop: 'Maraîchage', active: 2, hours: 8.5, sessions: 3, presenceRate: 1 },
      // Cuisine: rows 7, 8, 9, 12 (P3, P5, P6, P7), 4 + 4 h, 2 present out of 4.
      { workshop: 'Cuisine', active: 4, hours: 8, sessions: 4, presenceRate: 0.5 },
      // Menuiserie: row 13 (P8), 3.5 h.
      { workshop: 'Menuiserie', active: 1, hours: 3.5, sessions: 1, presenceRate: 1 },
    ],
  },
  exits: {
    total: 5,
    byCategory: {
      'Emploi durable': 1,
      'Emploi de transition': 1,
      'Sorties positives': 0,
      'Autres sorties': 2,
      'Retrait des sorties constatées': 1,
    },
    // `Motifs de sortie` order, then the unlisted motifs as one line (never their text), then `Non renseigné`.
    byReason: {
      CDI: 1,
      'CDD ou intérim de moins de 6 mois': 1,
      "Rupture pendant la période d'essai": 1,
      'Motif non répertorié': 1,
      'Non renseigné': 1,
    },
    // Durations (days, full months; CD's minimum is 3 months):
    //   P2 01/02 → 01/07: 28+31+30+31+30 = 150 d, 5 months: examined, Emploi durable
    //   P5 15/06 → 10/08: 15+31+10 = 56 d: Retrait des sorties constatées, neither examined nor not examined
    //   P6 01/06 → 20/08: 30+31+19 = 80 d, 2 months < 3: not examined
    //   P7 12/01 → 15/09: 246 d, 8 months: examined, Autres sorties (unlisted motif)
    //   P8 30/06 → 30/09: 1+31+31+30 = 92 d, exactly 3 months: examined, Autres sorties (empty motif)
    examined: 3,
    notExamined: 1,
    // Sorties dynamiques among the examined: P2 only (P6's transition job is not examined).
    dynamic: 1,
    dynamicRate: 1 / 3,
    durableRate: 1 / 3,
    employmentRate: 1 / 3,
    averageDurationDays: (150 + 56 + 80 + 246 + 92) / 5,
  },
  evaluations: {
    // Objectives assessed in T3: (P1, Ponctualité) last Acquis, first ever Non acquis → progressing;
    // (P7, Travailler en équipe) last Non acquis (row 6), first En cours (row 5): not progressing;
    // (P8, Respecter les consignes) En cours, only one; (P3, Ponctualité) last En cours (row 11),
    // first Non acquis (row 10) → progressing. P1's row 8 is after the period. (Taking the rows of
    // one day in the reverse order would give 0 acquired: P1's last would be En cours.)
    participantsEvaluated: 4,
    objectivesAssessed: 4,
    objectivesAcquired: 1,
    acquiredRate: 1 / 4,
    participantsProgressing: 2,
  },
  // No `Accompagnement` sheet: every action type and every default frein at 0.
  support: emptySupport(),
  // 2025-T3: no parcours of CD was active (P10 entered on 01/10/2025): no data, every figure null.
  previousYear: {
    period: { start: '2025-07-01', end: '2025-09-30' },
    active: null,
    entries: null,
    exits: null,
    hours: null,
    etp: null,
    dynamic: null,
    dynamicRate: null,
    durableRate: null,
    employmentRate: null,
  },
  dataIssues: [
    {
      sheet: 'Participants',
      row: 8,
      column: 'Motif de sortie',
      message:
        'Motif de sortie absent de la feuille « Motifs de sortie » : choisissez un motif de la liste (ou ajoutez-le avec sa catégorie). Le bilan le compte en « Motif non répertorié ».',
    },
    {
      sheet: 'Participants',
      row: 9,
      column: 'Motif de sortie',
      message: 'Motif de sortie manquant : choisissez le motif de la sortie du 30/09/2026 (feuille « Motifs de sortie »).',
    },
    {
      sheet: 'Présences',
      row: 5,
      column: '',
      message:
        'Présence du 01/07/2026 à l’atelier « Maraîchage » déjà saisie ligne 2 pour P-2026-0001 : seule la première ligne compte, supprimez le doublon.',
    },
    {
      sheet: 'Présences',
      row: 6,
      column: 'Date',
      message: 'Cette présence du 02/07/2026 est en dehors du parcours (sortie le 01/07/2026).',
    },
    {
      sheet: 'Accompagnement',
      row: 1,
      column: '',
      message: 'Feuille « Accompagnement » absente : elle est lue comme vide. Parcours › Configurer le classeur l’ajoute.',
    },
  ],
};

function domainSummary(funder: string | null): Summary {
  return computeSummary(readWorkbook(TABLES, { timeZone: 'Europe/Paris', today: TODAY }), T3, funder, { today: TODAY });
}

describe('from raw cells to the summary JSON (readWorkbook → computeSummary)', () => {
  it('gives the JSON worked out by hand for CD, keys in a stable order', () => {
    const summary = domainSummary('CD');
    expect(summary).toEqual(EXPECTED_CD);
    expect(summarySchema.parse(summary)).toEqual(EXPECTED_CD);
    expect(Object.keys(summary.exits.byReason)).toEqual(Object.keys(EXPECTED_CD.exits.byReason));
    expect(Object.keys(summary.profile.prescriber)).toEqual(Object.keys(EXPECTED_CD.profile.prescriber));
  });

  it('counts P1 (financed by CD and PV) for PV too, and once for all funders', () => {
    const pv = domainSummary('PV');
    // PV's population: P1, P9, both active, no entry or exit in T3.
    expect(pv.fileActive).toEqual({ active: 2, entries: 0, exits: 0, candidates: 0 });
    // P1 rows 2 (3 h) and 4 (2.5 h), P9 row 11 (4 h). PV has no ETP conventionnés, 1607 h per ETP.
    expect(pv.attendance).toMatchObject({ hours: 9.5, sessions: 3, present: 3, etpContracted: null, etpConsumption: null });
    expect(pv.attendance.etp).toBe(9.5 / (1607 * YEAR_SHARE));
    // (P1, Ponctualité) Acquis, progressing; (P9, Ponctualité) Acquis, its first level.
    expect(pv.evaluations).toEqual({
      participantsEvaluated: 2,
      objectivesAssessed: 2,
      objectivesAcquired: 2,
      acquiredRate: 1,
      participantsProgressing: 1,
    });
    expect(pv.exits.total).toBe(0);

    const all = domainSummary(null);
    // CD's 7 active + P9; P1 once.
    expect(all.fileActive).toEqual({ active: 8, entries: 1, exits: 5, candidates: 1 });
    expect(all.attendance.hours).toBe(20 + 4);
    expect(all.attendance.sessions).toBe(8 + 1);
    // Without a funder nothing is examined apart: P6's 2 months are enough (minimum 0).
    expect(all.exits).toMatchObject({ examined: 4, notExamined: 0, dynamicRate: 2 / 4 });
  });
});

/** Writes the raw tables into the bundle's spreadsheet, text kept as text (a leading apostrophe). */
function bundleWithTables(tables: RawTables) {
  const bundle = loadDist({ now: NOW });
  const ss = spreadsheetOf(bundle);
  for (const [name, rows] of Object.entries(tables)) {
    const sheet = ss.insertSheet(name);
    const width = Math.max(...rows!.map((r) => r.length));
    const values = rows!.map((r) =>
      Array.from({ length: width }, (_, i) => {
        const v = r[i] ?? '';
        return typeof v === 'string' && v !== '' ? `'${v}` : v;
      }),
    );
    sheet.getRange(1, 1, values.length, width).setValues(values as unknown[][]);
  }
  return bundle;
}

describe('the same cells through the built bundle (cliReport_)', () => {
  it('gives the same JSON, and a summary sheet without any personal data', () => {
    const bundle = bundleWithTables(TABLES);
    // The cells read back are the ones given: Dates stay Dates, typed text stays text.
    const back = spreadsheetOf(bundle).getSheetByName('Présences')!.getDataRange().getValues();
    expect(back[4]![0]).toBe('01/07/2026');
    expect(back[12]![4]).toBe('3,5');
    expect(Object.prototype.toString.call(back[1]![0])).toBe('[object Date]');

    for (const [funder, expected] of [
      ['CD', EXPECTED_CD],
      ['PV', domainSummary('PV')],
      [null, domainSummary(null)],
    ] as const) {
      const result = bundle.call<{ ok: boolean; summary: unknown; sheetName: string; message?: string }>(
        'cliReport_',
        '2026-T3',
        funder,
      );
      expect(result.message).toBeUndefined();
      expect(JSON.parse(JSON.stringify(result.summary))).toEqual(expected);
    }

    const personal = [
      ...PARTICIPANTS.flatMap((p) => [p.ID, p.Nom, p.Prénom]),
      '12/05/1990',
      '20/01/1970',
      '1990',
      'Montval',
      'Suivi rapproché',
      'Arrivé en retard',
      'Très bon progrès',
      'Luc Garnier',
    ];
    for (const name of ['Bilan 2026-T3 CD', 'Bilan 2026-T3 PV', 'Bilan 2026-T3']) {
      const texts = sheetTexts(bundle, name).filter((t) => t !== '');
      expect(texts.length).toBeGreaterThan(40);
      for (const word of personal) expect(texts.filter((t) => t.includes(word))).toEqual([]);
    }
  });
});
