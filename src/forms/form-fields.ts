import * as z from 'zod';
import { type CalendarDay, isCalendarDay } from '../domain/calendar-day';
import { readNumber } from '../domain/cell-values';
import { findLabel } from '../domain/text';
import { findParcours, type FormContext, type ParcoursSummary } from './form-context';

/**
 * Field schemas shared by every form. A sidebar sends what its controls hold (strings, booleans
 * of checkboxes, ISO days of date inputs); these schemas trim, convert and check them, with the
 * French message shown beside the field. Empty optional fields become null.
 */

const TEXT_MAX = 200;
const COMMENT_MAX = 2000;

function blankToNull(s: string | null | undefined): string | null {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
}

export function requiredText(missing: string, max = TEXT_MAX) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `Texte trop long : ${max} caractères au plus.` });
}

export function optionalText(max = TEXT_MAX) {
  return z
    .string({ error: 'Texte attendu.' })
    .max(max, { error: `Texte trop long : ${max} caractères au plus.` })
    .nullish()
    .transform(blankToNull);
}

export const optionalComment = optionalText(COMMENT_MAX);

const INVALID_DAY = 'Date invalide : choisissez une date (jj/mm/aaaa).';

export function requiredDay(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isCalendarDay, { error: INVALID_DAY });
}

export const optionalDay = z
  .string({ error: INVALID_DAY })
  .nullish()
  .transform((s, ctx): CalendarDay | null => {
    const t = blankToNull(s);
    if (t !== null && !isCalendarDay(t)) {
      ctx.addIssue({ code: 'custom', message: INVALID_DAY });
      return z.NEVER;
    }
    return t;
  });

/** A Oui / Non select with an empty choice ("non renseigné"). */
export const yesNoField = z
  .enum(['', 'Oui', 'Non'], { error: 'Choisissez Oui ou Non.' })
  .nullish()
  .transform((v) => (v === 'Oui' ? true : v === 'Non' ? false : null));

/** A number typed as people type it (`3,5`, `3.5`), or empty. */
export const optionalNumber = z
  .union([z.number(), z.string()], { error: 'Nombre attendu, par exemple 3,5.' })
  .nullish()
  .transform((v, ctx): number | null => {
    if (v === null || v === undefined) return null;
    const read = readNumber(v, 'UTC'); // a form sends text or numbers, never a Date: no zone involved
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: 'Nombre illisible : écrivez par exemple 3,5.' });
      return z.NEVER;
    }
    return read.value;
  });

/** One of `allowed` (case and accents forgiven, canonical spelling kept). */
export function requiredChoice(allowed: readonly string[], missing: string, unknown = missing) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform((v, ctx) => {
      const label = findLabel(v, allowed);
      if (label === null) {
        ctx.addIssue({ code: 'custom', message: unknown });
        return z.NEVER;
      }
      return label;
    });
}

/** One of `allowed`, or empty (null). An empty `allowed` list accepts any text. */
export function optionalChoice(allowed: readonly string[], unknown: string) {
  return z
    .string({ error: unknown })
    .nullish()
    .transform((v, ctx): string | null => {
      const t = blankToNull(v);
      if (t === null || allowed.length === 0) return t;
      const label = findLabel(t, allowed);
      if (label === null) {
        ctx.addIssue({ code: 'custom', message: unknown });
        return z.NEVER;
      }
      return label;
    });
}

export const confirmationField = z.boolean({ error: 'Case à cocher attendue.' }).optional().default(false);

/**
 * The parcours chosen in a form's list: it must still exist in the workbook, then pass the form's
 * own rule (`refuse` gives the French refusal, or null when the parcours may be chosen).
 */
export function chosenParcours(
  context: Pick<FormContext, 'parcours'>,
  missing: string,
  refuse: (p: ParcoursSummary) => string | null,
) {
  return requiredText(missing).superRefine((id, ctx) => {
    const p = findParcours(context, id);
    const message = p ? refuse(p) : 'Parcours introuvable : rechargez la liste.';
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });
}
