import * as z from 'zod';
import { addMonths, ageOn, type CalendarDay, formatDayFr, type TimeZone } from '../calendar-day';
import { splitCodes, unknownCodesMessage } from '../cell-values';
import type { DataIssue } from '../data-issue';
import { currentMotifLabel } from '../exit-labels';
import { requireHeaders } from '../header-map';
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  type ExitReason,
  type Funder,
  MINIMUM_SOCIAL,
  type MinimumSocial,
  type Parameters,
  type Parcours,
  RSA_ORIENTATIONS,
  type RsaOrientation,
  SEXES,
  type Sex,
  type Workshop,
} from '../records';
import { findLabel, formatNumberFr, normalizeId } from '../text';
import { sheetSpec } from '../workbook-schema';
import { calendarDaySchema } from './calendar-day-schema';
import type { UnreadableParcours } from './parcours-reference';
import { RowReader } from './row-reader';
import { type Decoded, dataRows } from './sheet-rows';

export const MIN_AGE = 16;
export const MAX_AGE = 99;
export const MAX_WEEKLY_HOURS = 35;

export const parcoursSchema: z.ZodType<Parcours> = z.object({
  row: z.number().int(),
  id: z.string().min(1),
  lastName: z.string().min(1),
  firstName: z.string().min(1),
  birthDate: calendarDaySchema,
  sex: z.enum(SEXES),
  commune: z.string().nullable(),
  qpv: z.boolean(),
  minimumSocial: z.enum(MINIMUM_SOCIAL),
  rsaOrientation: z.enum(RSA_ORIENTATIONS).nullable(),
  franceTravail: z.boolean().nullable(),
  deld: z.boolean().nullable(),
  rqth: z.boolean().nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  prescriber: z.string().nullable(),
  referent: z.string().nullable(),
  workshop: z.string().nullable(),
  funders: z.array(z.string()),
  commissionDate: calendarDaySchema.nullable(),
  entryDate: calendarDaySchema.nullable(),
  trialEnd: calendarDaySchema.nullable(),
  contractEnd: calendarDaySchema.nullable(),
  weeklyHours: z.number().nullable(),
  exitDate: calendarDaySchema.nullable(),
  exitReason: z.string().nullable(),
  status: z.string().nullable(),
  observations: z.string().nullable(),
});

export interface ParticipantsContext {
  /** The spreadsheet's zone: a date cell is read as its day there. */
  timeZone: TimeZone;
  parameters: Parameters;
  /** `Listes` Prescripteur; empty = any prescripteur accepted. */
  prescribers: readonly string[];
  workshops: readonly Workshop[];
  funders: readonly Funder[];
  exitReasons: readonly ExitReason[];
  /** Candidates (no entry date) have their age checked on this day. */
  today: CalendarDay;
}

export function decodeParticipants(
  table: readonly (readonly unknown[])[],
  context: ParticipantsContext,
): Decoded<Parcours[]> & { unreadableRows: UnreadableParcours } {
  const spec = sheetSpec('Participants');
  const map = requireHeaders(spec, table[0] ?? []);
  const records: Parcours[] = [];
  const issues: DataIssue[] = [];
  const firstRowOfId = new Map<string, number>();
  const unreadableRows = new Map<string, number>();
  const workshopNames = context.workshops.map((w) => w.name);
  const funderCodes = context.funders.map((f) => f.code);
  const motifs = context.exitReasons.map((e) => e.motif);

  const reader = new RowReader(spec, map, issues, context.timeZone);
  for (const { row, cells } of dataRows(table)) {
    const r = reader.at(row, cells);

    const id = r.requiredText('id', 'ID manquant : chaque parcours doit avoir un ID (par exemple P-2026-0001).');
    if (id !== null) {
      const first = firstRowOfId.get(normalizeId(id));
      if (first !== undefined) {
        r.issue('id', `ID « ${id} » déjà utilisé ligne ${first} : chaque parcours doit avoir un ID unique.`, true);
      } else {
        firstRowOfId.set(normalizeId(id), r.row);
      }
    }
    const lastName = r.requiredText('lastName', 'Nom manquant : écrivez le nom de famille de la personne.');
    const firstName = r.requiredText('firstName', 'Prénom manquant : écrivez le prénom de la personne.');
    const birthDate = r.date('birthDate', 'Date de naissance manquante : écrivez-la jj/mm/aaaa.');
    const sex = r.list('sex', SEXES, { missing: 'Sexe manquant : choisissez F ou H.' }) as Sex | null;
    const commissionDate = r.date('commissionDate');
    const entryDate = r.date('entryDate');
    const typedTrialEnd = r.date('trialEnd');
    const typedContractEnd = r.date('contractEnd');
    let exitDate = r.date('exitDate');

    if (birthDate !== null) {
      const on = entryDate ?? context.today;
      const age = ageOn(birthDate, on);
      if (age < MIN_AGE || age > MAX_AGE) {
        const when = entryDate ? `à l'entrée (${formatDayFr(entryDate)})` : "aujourd'hui";
        r.issue('birthDate', `Âge de ${age} ans ${when} : vérifiez la date de naissance (de ${MIN_AGE} à ${MAX_AGE} ans).`, false);
      }
    }

    const qpv = r.yesNo('qpv') ?? false;
    const franceTravail = r.yesNo('franceTravail');
    const deld = r.yesNo('deld');
    const rqth = r.yesNo('rqth');
    const minimumSocial = (r.list('minimumSocial', MINIMUM_SOCIAL) ?? 'Aucun') as MinimumSocial;
    const education = r.list('education', EDUCATION_LEVELS) as EducationLevel | null;
    const rsaOrientation = r.list('rsaOrientation', RSA_ORIENTATIONS) as RsaOrientation | null;

    let prescriber = r.text('prescriber');
    if (prescriber !== null && context.prescribers.length > 0) {
      const label = findLabel(prescriber, context.prescribers);
      // Kept as typed for the fiche; the summary counts it as « Non répertorié », never under its text.
      if (label === null) {
        r.issue('prescriber', 'Prescripteur absent de la liste : choisissez-le dans la colonne Prescripteur de la feuille « Listes » (ou ajoutez-le).', false);
      } else {
        prescriber = label;
      }
    }

    let workshop = r.text('workshop');
    if (workshop !== null) {
      const label = findLabel(workshop, workshopNames);
      if (label === null) {
        r.issue('workshop', 'Atelier absent de la feuille « Ateliers » : choisissez-en un de la liste (ou ajoutez-le).', false);
      }
      workshop = label;
    }

    const { codes: funders, unknown } = splitCodes(r.raw('funders'), funderCodes, context.timeZone);
    if (unknown.length > 0) {
      r.issue('funders', `${unknownCodesMessage(unknown, funderCodes)} Écrivez les codes de la feuille « Financeurs », séparés par des virgules.`, false);
    }

    let weeklyHours = r.number('weeklyHours');
    const minimumHours = context.parameters.minimumWeeklyHours;
    if (weeklyHours !== null && !(weeklyHours >= minimumHours && weeklyHours <= MAX_WEEKLY_HOURS)) {
      r.issue('weeklyHours', `Heures hebdo prévues de ${formatNumberFr(weeklyHours)} h : écrivez un nombre entre ${formatNumberFr(minimumHours)} et ${MAX_WEEKLY_HOURS}.`, false);
      weeklyHours = null;
    }

    let exitReason = r.text('exitReason');
    // An exit date without an entry date is a candidature that did not go ahead (SPEC §3.1 counts
    // as candidates only rows with neither date): kept as it is, its motif still required.
    if (exitDate !== null && entryDate !== null && exitDate < entryDate) {
      r.issue('exitDate', `Date de sortie (${formatDayFr(exitDate)}) avant la date d'entrée (${formatDayFr(entryDate)}) : corrigez l'une des deux.`, false);
      exitDate = null;
      exitReason = null;
    } else if (exitDate !== null && exitReason === null) {
      r.issue('exitReason', `Motif de sortie manquant : choisissez le motif de la sortie du ${formatDayFr(exitDate)} (feuille « Motifs de sortie »).`, false);
    } else if (exitDate === null && exitReason !== null && !r.rejected) {
      r.issue('exitReason', 'Motif de sortie sans date de sortie : écrivez la date de sortie, ou effacez le motif.', false);
      exitReason = null;
    } else if (exitReason !== null) {
      const label = findLabel(exitReason, motifs) ?? findLabel(currentMotifLabel(exitReason), motifs);
      if (label === null) {
        r.issue('exitReason', 'Motif de sortie absent de la feuille « Motifs de sortie » : choisissez un motif de la liste (ou ajoutez-le avec sa catégorie). Le bilan le compte en « Motif non répertorié ».', false);
      } else {
        exitReason = label;
      }
    }

    if (r.rejected || id === null || lastName === null || firstName === null || birthDate === null || sex === null) {
      // The rows of other sheets that name this ID will point to this row (parcours-reference.ts).
      if (id !== null && !unreadableRows.has(normalizeId(id))) unreadableRows.set(normalizeId(id), r.row);
      continue;
    }
    records.push({
      row: r.row,
      id,
      lastName,
      firstName,
      birthDate,
      sex,
      commune: r.text('commune'),
      qpv,
      minimumSocial,
      rsaOrientation,
      franceTravail,
      deld,
      rqth,
      education,
      prescriber,
      referent: r.text('referent'),
      workshop,
      funders,
      commissionDate,
      entryDate,
      trialEnd: typedTrialEnd ?? (entryDate && addMonths(entryDate, context.parameters.trialMonths)),
      contractEnd: typedContractEnd ?? (entryDate && addMonths(entryDate, context.parameters.contractMonths)),
      weeklyHours,
      exitDate,
      exitReason,
      status: r.text('status'),
      observations: r.text('observations'),
    });
  }
  // An ID readable on a later row is not unreadable (that later row is a duplicate, itself unread).
  for (const record of records) unreadableRows.delete(normalizeId(record.id));
  return { records, issues, unreadableRows };
}
