import * as z from 'zod';
import { formatDayFr } from '../domain/calendar-day';
import { defaultContractEnd, renewedContractEnd } from './admission-defaults';
import { type FormContext, findParcours, type ParcoursSummary } from './form-context';
import { chosenParcours, } from './form-fields';

export const MAX_RENEWAL_MONTHS = 24;

/** The end of contract today: as written, or the default from the entry date. */
export function currentContractEnd(p: ParcoursSummary, contractMonths: number): string | null {
  return p.contractEnd ?? (p.entryDate && defaultContractEnd(p.entryDate, contractMonths));
}

/** `Renouveler le contrat…`: moves Fin de contrat by the contract length (or the months chosen). */
export function renewalSchema(context: FormContext) {
  return z
    .object({
      id: chosenParcours(context, 'Choisissez un participant.', (p) => {
        if (p.entryDate === null) return `${p.id} est un candidat : il n'a pas encore de contrat.`;
        if (p.exitDate !== null) return `${p.id} est sorti le ${formatDayFr(p.exitDate)} : pas de renouvellement.`;
        return null;
      }),
      months: z
        .union([z.number(), z.string()], { error: 'Durée manquante.' })
        .optional()
        .transform((v, ctx) => {
          const n = v === undefined || v === '' ? context.contractMonths : Number(String(v).replace(',', '.'));
          if (!Number.isInteger(n) || n < 1 || n > MAX_RENEWAL_MONTHS) {
            ctx.addIssue({ code: 'custom', message: `Durée : un nombre entier de mois, de 1 à ${MAX_RENEWAL_MONTHS}.` });
            return z.NEVER;
          }
          return n;
        }),
    })
    .transform((v) => {
      const p = findParcours(context, v.id)!;
      const previous = currentContractEnd(p, context.contractMonths)!;
      return { id: v.id, months: v.months, previousContractEnd: previous, contractEnd: renewedContractEnd(previous, v.months) };
    });
}

export type RenewalInput = z.input<ReturnType<typeof renewalSchema>>;
export type Renewal = z.output<ReturnType<typeof renewalSchema>>;
