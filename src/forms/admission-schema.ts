import * as z from 'zod';
import { ageOn, formatDayFr, isCalendarDay } from '../domain/calendar-day';
import { EDUCATION_LEVELS, MINIMUM_SOCIAL, RSA_ORIENTATIONS, SEXES } from '../domain/records';
import { formatNumberFr } from '../domain/text';
import { defaultContractEnd, defaultTrialEnd } from './admission-defaults';
import type { FormContext } from './form-context';
import {
  confirmationField,
  optionalChoice,
  optionalComment,
  optionalDay,
  optionalNumber,
  optionalText,
  requiredChoice,
  requiredDay,
  requiredText,
  yesNoField,
} from './form-fields';

export const MIN_AGE = 16;
export const MAX_AGE = 99;
export const MAX_WEEKLY_HOURS = 35;

/** Checks that depend on two fields or on the workbook, shared by admission and admit-candidate. */
export function entryDateIssues(
  v: { birthDate: unknown; entryDate: string | null; commissionDate: string | null; today: string },
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  // Refinements also run when a field is wrong: each rule needs its own fields readable.
  if (v.entryDate !== null && !isCalendarDay(v.entryDate)) return issues;
  if (v.commissionDate !== null && !isCalendarDay(v.commissionDate)) return issues;
  if (isCalendarDay(v.birthDate)) {
    const on = v.entryDate ?? v.today;
    const age = ageOn(v.birthDate, on);
    if (age < MIN_AGE || age > MAX_AGE) {
      const when = v.entryDate ? "à la date d'entrée" : "aujourd'hui";
      issues.push({
        path: 'birthDate',
        message: `Âge de ${age} ans ${when} : l'âge doit être de ${MIN_AGE} à ${MAX_AGE} ans. Vérifiez la date de naissance.`,
      });
    }
  }
  if (v.commissionDate !== null && v.entryDate !== null && v.commissionDate > v.entryDate) {
    issues.push({
      path: 'commissionDate',
      message: `La commission (${formatDayFr(v.commissionDate)}) doit précéder l'entrée (${formatDayFr(v.entryDate)}).`,
    });
  }
  return issues;
}

/** `Nouvelle admission…`: a candidate (no entry date) or a direct entry, every `Participants` field. */
export function admissionSchema(context: FormContext) {
  const workshopNames = context.workshops.map((w) => w.name);
  const funderCodes = context.funders.map((f) => f.code);
  return z
    .object({
      lastName: requiredText('Nom manquant : écrivez le nom de famille.'),
      firstName: requiredText('Prénom manquant : écrivez le prénom.'),
      birthDate: requiredDay('Date de naissance manquante.'),
      sex: requiredChoice(SEXES, 'Sexe manquant : choisissez F ou H.'),
      commune: optionalText(),
      qpv: yesNoField,
      minimumSocial: optionalChoice(MINIMUM_SOCIAL, 'Minimum social inconnu : choisissez dans la liste.'),
      rsaOrientation: optionalChoice(RSA_ORIENTATIONS, 'Orientation RSA inconnue : choisissez dans la liste.'),
      franceTravail: yesNoField,
      deld: yesNoField,
      rqth: yesNoField,
      education: optionalChoice(EDUCATION_LEVELS, 'Niveau de formation inconnu : choisissez dans la liste.'),
      prescriber: optionalChoice(
        context.prescribers,
        'Prescripteur inconnu : choisissez-le dans la liste (feuille « Listes »).',
      ),
      referent: optionalText(),
      workshop: optionalChoice(workshopNames, 'Atelier inconnu : choisissez un atelier de la feuille « Ateliers ».'),
      funders: z
        .array(z.string(), { error: 'Financeurs : cochez les codes dans la liste.' })
        .optional()
        .default([])
        .superRefine((codes, ctx) => {
          const unknown = codes.filter((c) => !funderCodes.includes(c));
          if (unknown.length > 0) {
            ctx.addIssue({ code: 'custom', message: `Financeur inconnu : ${unknown.join(', ')}.` });
          }
        }),
      commissionDate: optionalDay,
      entryDate: optionalDay,
      trialEnd: optionalDay,
      contractEnd: optionalDay,
      weeklyHours: optionalNumber,
      observations: optionalComment,
      confirmDuplicate: confirmationField,
    })
    .superRefine((v, ctx) => {
      for (const issue of entryDateIssues({ ...v, today: context.today })) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      }
      if (v.rsaOrientation != null && v.minimumSocial !== 'RSA') {
        ctx.addIssue({
          code: 'custom',
          path: ['rsaOrientation'],
          message: 'L’orientation RSA concerne les bénéficiaires du RSA : choisissez RSA comme minimum social, ou laissez-la vide.',
        });
      }
      const h = v.weeklyHours;
      if (typeof h === 'number' && !(h >= context.minimumWeeklyHours && h <= MAX_WEEKLY_HOURS)) {
        ctx.addIssue({
          code: 'custom',
          path: ['weeklyHours'],
          message: `Heures hebdo : écrivez un nombre entre ${formatNumberFr(context.minimumWeeklyHours)} et ${MAX_WEEKLY_HOURS}.`,
        });
      }
      for (const key of ['trialEnd', 'contractEnd'] as const) {
        const day = v[key];
        if (!isCalendarDay(day)) continue;
        if (v.entryDate === null) {
          ctx.addIssue({ code: 'custom', path: [key], message: "Sans date d'entrée (candidature), laissez ce champ vide." });
        } else if (isCalendarDay(v.entryDate) && day < v.entryDate) {
          ctx.addIssue({ code: 'custom', path: [key], message: "Cette date doit suivre la date d'entrée." });
        }
      }
    })
    .transform((v) => ({
      ...v,
      funders: [...new Set(v.funders)],
      minimumSocial: v.minimumSocial ?? 'Aucun',
      rsaOrientation: v.rsaOrientation ?? null,
      qpv: v.qpv ?? false,
      trialEnd: v.trialEnd ?? (v.entryDate && defaultTrialEnd(v.entryDate, context.trialMonths)),
      contractEnd: v.contractEnd ?? (v.entryDate && defaultContractEnd(v.entryDate, context.contractMonths)),
    }));
}

export type AdmissionInput = z.input<ReturnType<typeof admissionSchema>>;
export type Admission = z.output<ReturnType<typeof admissionSchema>>;
