import * as z from 'zod';
import { isCalendarDay } from '../domain/calendar-day';
import { MAX_SUPPORT_HOURS, outsideSupportWindowMessage, supportWindow } from '../domain/codecs/support';
import { BARRIER_STATES, SUPPORT_ACTIONS } from '../domain/records';
import { type FormContext, findParcours } from './form-context';
import { chosenParcours, optionalChoice, optionalComment, optionalNumber, optionalText, requiredChoice, requiredDay } from './form-fields';

export const HOURS_OUT_OF_RANGE = `Heures hors limites : plus de 0 et au plus ${MAX_SUPPORT_HOURS}, ou laissez vide.`;

/**
 * « Accompagnement… »: one support action of one participant, and optionally the new state of
 * one barrier (SPEC §1.7). The same schema runs in the sidebar and on the server, with the
 * context read from the workbook.
 */
export function supportSchema(context: FormContext) {
  return z
    .object({
      id: chosenParcours(context, 'Choisissez un participant.', (p) =>
        supportWindow(p, context.today) === null ? `${p.id} n’a ni date de commission ni date d’entrée : rien ne peut encore être daté dans son parcours.` : null,
      ),
      date: requiredDay('Date de l’action manquante.'),
      action: requiredChoice(SUPPORT_ACTIONS, 'Choisissez le type d’action.', 'Type d’action inconnu : choisissez-le dans la liste.'),
      hours: optionalNumber.refine((h) => h === null || (h > 0 && h <= MAX_SUPPORT_HOURS), { error: HOURS_OUT_OF_RANGE }),
      partner: optionalText(),
      comment: optionalComment,
      barrier: optionalChoice(context.barriers, 'Frein inconnu : choisissez-le dans la liste (colonne Frein de la feuille « Listes »).'),
      barrierState: optionalChoice(BARRIER_STATES, 'État inconnu : choisissez Identifié, En cours ou Levé.'),
    })
    .superRefine((v, ctx) => {
      const p = findParcours(context, v.id);
      if (p && isCalendarDay(v.date) && supportWindow(p, context.today) !== null) {
        const outside = outsideSupportWindowMessage(v.date, p, context.today);
        if (outside !== null) ctx.addIssue({ code: 'custom', path: ['date'], message: outside });
      }
      if (v.barrier === null && v.barrierState !== null) {
        ctx.addIssue({ code: 'custom', path: ['barrierState'], message: 'Un état sans frein : choisissez le frein concerné, ou videz l’état.' });
      }
      if (v.barrier !== null && v.barrierState === null) {
        ctx.addIssue({ code: 'custom', path: ['barrierState'], message: 'Choisissez l’état du frein (Identifié, En cours ou Levé).' });
      }
    });
}

export type SupportInput = z.input<ReturnType<typeof supportSchema>>;
export type SupportRecord = z.output<ReturnType<typeof supportSchema>>;

/** A barrier of a participant with its latest state (by date, then sheet row). */
export interface BarrierStatus {
  barrier: string;
  state: string;
  date: string;
}

/** A recorded action as the sidebar lists it (no comment: shown in the sheet only). */
export interface RecentAction {
  date: string;
  action: string;
  hours: number | null;
  partner: string | null;
  barrier: string | null;
  barrierState: string | null;
}
