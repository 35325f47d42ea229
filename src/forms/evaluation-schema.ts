import * as z from 'zod';
import { formatDayFr, isCalendarDay } from '../domain/calendar-day';
import { DOMAINS, EVALUATION_TYPES, LEVELS } from '../domain/records';
import { type FormContext, findParcours } from './form-context';
import { chosenParcours, optionalChoice, optionalComment, optionalText, requiredChoice, requiredDay, requiredText } from './form-fields';

/** `Nouvelle évaluation…`: one row per objective assessed, for one participant on one day. */
export function evaluationSchema(context: FormContext) {
  const item = z.object({
    domain: requiredChoice(DOMAINS, 'Domaine manquant.'),
    objective: requiredText('Objectif manquant.'),
    level: requiredChoice(LEVELS, 'Choisissez un niveau.'),
    comment: optionalComment,
  });
  return z
    .object({
      id: chosenParcours(context, 'Choisissez un participant.', (p) =>
        p.entryDate === null ? `${p.id} est un candidat : pas encore d'évaluation.` : null,
      ),
      date: requiredDay("Date de l'évaluation manquante."),
      type: optionalChoice(EVALUATION_TYPES, "Type d'évaluation inconnu."),
      evaluator: optionalText(),
      items: z
        .array(item, { error: 'Objectifs illisibles.' })
        .min(1, { error: 'Choisissez le niveau atteint pour au moins un objectif.' }),
    })
    .superRefine((v, ctx) => {
      const p = findParcours(context, v.id);
      if (!p || !isCalendarDay(v.date)) {
        // the field's own message says what is wrong
      } else if (p.entryDate !== null && v.date < p.entryDate) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: `Avant l'entrée (${formatDayFr(p.entryDate)}) : vérifiez la date.` });
      } else if (p.exitDate !== null && v.date > p.exitDate) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: `Après la sortie (${formatDayFr(p.exitDate)}) : vérifiez la date.` });
      }
      const seen = new Set<string>();
      if (!Array.isArray(v.items)) return;
      v.items.forEach((it, i) => {
        if (typeof it?.objective !== 'string') return;
        const key = `${it.domain}\u0000${it.objective.toLowerCase()}`;
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'objective'], message: 'Objectif évalué deux fois.' });
        }
        seen.add(key);
      });
    });
}

export type EvaluationInput = z.input<ReturnType<typeof evaluationSchema>>;
export type EvaluationRecord = z.output<ReturnType<typeof evaluationSchema>>;

/**
 * One objective of the catalogue (or already assessed) with its last level for the participant.
 * `domain` is null for a catalogue objective whose domain `Listes` leaves empty: the sidebar
 * offers it under « Autres objectifs », with the domain to choose.
 */
export interface ObjectiveProgress {
  domain: string | null;
  objective: string;
  lastLevel: string | null;
  lastDate: string | null;
}
