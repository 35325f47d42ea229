import * as z from 'zod';
import { formatDayFr, isCalendarDay } from '../domain/calendar-day';
import { type FormContext, findParcours } from './form-context';
import { chosenParcours, requiredChoice, requiredDay, } from './form-fields';

/**
 * `Enregistrer une sortie…`: exit date and motif of a parcours that has not left. For a candidate
 * (no entry date) it closes a candidature that did not go ahead (SPEC §3.1: no longer waiting).
 */
export function exitSchema(context: FormContext) {
  return z
    .object({
      id: chosenParcours(context, 'Choisissez un participant.', (p) =>
        p.exitDate !== null ? `${p.id} est déjà sorti le ${formatDayFr(p.exitDate)}.` : null,
      ),
      exitDate: requiredDay('Date de sortie manquante.'),
      exitReason: requiredChoice(
        context.exitReasons.map((r) => r.motif),
        'Motif de sortie manquant : choisissez-le dans la liste.',
        'Motif inconnu : choisissez un motif de la feuille « Motifs de sortie ».',
      ),
    })
    .superRefine((v, ctx) => {
      const entry = findParcours(context, v.id)?.entryDate;
      if (entry && isCalendarDay(v.exitDate) && v.exitDate < entry) {
        ctx.addIssue({
          code: 'custom',
          path: ['exitDate'],
          message: `La sortie ne peut précéder l'entrée (${formatDayFr(entry)}).`,
        });
      }
    });
}

export type ExitInput = z.input<ReturnType<typeof exitSchema>>;
export type ExitRecord = z.output<ReturnType<typeof exitSchema>>;

/** The category shown beside the chosen motif. */
export function exitCategoryOf(context: FormContext, motif: string): string | null {
  return context.exitReasons.find((r) => r.motif === motif)?.category ?? null;
}
