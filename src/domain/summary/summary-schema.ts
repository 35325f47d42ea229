import * as z from 'zod';

/**
 * The funder summary as JSON (SPEC §4): keys and their order are a stable contract for the
 * command line and the summary sheet. Numbers are unrounded.
 */

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const workshopAttendanceSchema = z.strictObject({
  workshop: z.string(),
  active: count,
  hours: z.number().nonnegative(),
  sessions: count,
  presenceRate: rate,
});

export const summarySchema = z.strictObject({
  structure: z.string(),
  funder: z.string().nullable(),
  period: z.strictObject({ start: day, end: day }),
  fileActive: z.strictObject({ active: count, entries: count, exits: count, candidates: count }),
  profile: z.strictObject({
    sex: z.strictObject({ F: count, H: count }),
    age: z.strictObject({ 'moins de 26 ans': count, '26 à 49 ans': count, '50 ans et plus': count }),
    minimumSocial: z.strictObject({ RSA: count, AAH: count, ASS: count, Aucun: count }),
    /** The orientation of the RSA beneficiaries among them (SPEC §1.1). */
    rsaOrientation: z.strictObject({
      Sociale: count,
      'Socio-professionnelle': count,
      Professionnelle: count,
      'Non renseignée': count,
    }),
    qpv: count,
    rqth: count,
    deld: count,
    education: z.strictObject({
      'Infra 3': count,
      '3 (CAP, BEP)': count,
      '4 (Bac)': count,
      '5 et plus': count,
      'Non renseigné': count,
    }),
    /** The listed prescripteurs, then `Non répertorié` (any other text typed), then `Non renseigné`. */
    prescriber: z.record(z.string(), count),
  }),
  attendance: z.strictObject({
    hours: z.number().nonnegative(),
    sessions: count,
    present: count,
    presenceRate: rate,
    etp: z.number().nonnegative(),
    etpContracted: z.number().nonnegative().nullable(),
    /** Réalisés ÷ conventionnés: above 1 when the funder's ETP are over-consumed. */
    etpConsumption: z.number().nonnegative().nullable(),
    byWorkshop: z.array(workshopAttendanceSchema),
  }),
  exits: z.strictObject({
    total: count,
    byCategory: z.strictObject({
      'Emploi durable': count,
      'Emploi de transition': count,
      'Sorties positives': count,
      'Autres sorties': count,
      'Retrait des sorties constatées': count,
    }),
    /** Listed motifs as `Motifs de sortie` names them, then `Motif non répertorié`, `Non renseigné`. */
    byReason: z.record(z.string(), count),
    /** Exits outside `Retrait des sorties constatées` of parcours at least the funder's minimum long. */
    examined: count,
    /** Exits outside Retrait of parcours shorter than the funder's minimum. */
    notExamined: count,
    /** Sorties dynamiques: Emploi durable + Emploi de transition + Sorties positives among examined exits. */
    dynamic: count,
    dynamicRate: rate,
    durableRate: rate,
    employmentRate: rate,
    averageDurationDays: z.number().nullable(),
  }),
  evaluations: z.strictObject({
    participantsEvaluated: count,
    objectivesAssessed: count,
    objectivesAcquired: count,
    acquiredRate: rate,
    participantsProgressing: count,
  }),
  support: z.strictObject({
    /** Per action type of SPEC §1.7 (all of them, 0 included): rows in the period, distinct participants, hours. */
    actions: z.record(z.string(), z.strictObject({ count, participants: count, hours: z.number().nonnegative() })),
    /** Per frein of the `Listes` Frein column, in its order. */
    barriers: z.record(z.string(), z.strictObject({ concerned: count, workedOn: count, lifted: count })),
  }),
  /**
   * SPEC §3.7, the same period a year earlier. A figure is null when that period holds no data
   * (no parcours of the population active then; hours and ETP also when no attendance was recorded
   * then): « no data » is never shown as a zero.
   */
  previousYear: z.strictObject({
    period: z.strictObject({ start: day, end: day }),
    active: count.nullable(),
    entries: count.nullable(),
    exits: count.nullable(),
    hours: z.number().nonnegative().nullable(),
    etp: z.number().nonnegative().nullable(),
    dynamic: count.nullable(),
    dynamicRate: rate,
    durableRate: rate,
    employmentRate: rate,
  }),
  dataIssues: z.array(
    z.strictObject({
      sheet: z.string(),
      row: z.number().int(),
      column: z.string(),
      message: z.string(),
      /** The unreadable row this one follows from (a Présences row of an unreadable participant). */
      cause: z.strictObject({ sheet: z.string(), row: z.number().int() }).optional(),
    }),
  ),
});

export type Summary = z.infer<typeof summarySchema>;
export type FileActiveSummary = Summary['fileActive'];
export type ProfileSummary = Summary['profile'];
export type AttendanceSummary = Summary['attendance'];
export type WorkshopAttendance = z.infer<typeof workshopAttendanceSchema>;
export type ExitsSummary = Summary['exits'];
export type EvaluationsSummary = Summary['evaluations'];
export type SupportSummary = Summary['support'];
export type PreviousYearSummary = Summary['previousYear'];
