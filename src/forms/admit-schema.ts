import * as z from 'zod';
import { isCalendarDay } from '../domain/calendar-day';
import { defaultContractEnd, defaultTrialEnd } from './admission-defaults';
import { entryDateIssues } from './admission-schema';
import { type FormContext, findParcours } from './form-context';
import { chosenParcours, optionalDay, requiredDay, } from './form-fields';

/** `Admettre un candidat…`: the entry (and commission) date of a parcours that has none yet. */
export function admitSchema(context: FormContext) {
  return z
    .object({
      id: chosenParcours(context, 'Choisissez un candidat.', (p) =>
        p.entryDate !== null ? `${p.id} est déjà admis : choisissez un candidat.` : null,
      ),
      entryDate: requiredDay("Date d'entrée manquante."),
      commissionDate: optionalDay,
    })
    .superRefine((v, ctx) => {
      const p = findParcours(context, v.id);
      if (!p || !isCalendarDay(v.entryDate)) return;
      const commissionDate = v.commissionDate ?? p.commissionDate;
      for (const issue of entryDateIssues({ birthDate: p.birthDate, entryDate: v.entryDate, commissionDate, today: context.today })) {
        const path = issue.path === 'birthDate' ? 'entryDate' : issue.path;
        ctx.addIssue({ code: 'custom', path: [path], message: issue.message });
      }
    })
    .transform((v) => ({
      id: v.id,
      entryDate: v.entryDate,
      commissionDate: v.commissionDate ?? findParcours(context, v.id)!.commissionDate,
      trialEnd: defaultTrialEnd(v.entryDate, context.trialMonths),
      contractEnd: defaultContractEnd(v.entryDate, context.contractMonths),
    }));
}

export type AdmitInput = z.input<ReturnType<typeof admitSchema>>;
export type Admit = z.output<ReturnType<typeof admitSchema>>;
