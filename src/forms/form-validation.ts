import type * as z from 'zod';
import type { FieldErrors } from './form-answer';
import { FORM_ERROR_KEY } from './form-answer';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Runs a form schema and turns its issues into one French message per field path (the first
 * issue of a field wins: it is the most basic one, e.g. "missing" before "out of range").
 */
export function validateForm<S extends z.ZodType>(schema: S, payload: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(payload, { error: fallbackMessage });
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length === 0 ? FORM_ERROR_KEY : issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

/**
 * Schemas carry their own French messages (they take precedence); this per-parse map only
 * covers shapes a sidebar never sends (a hand-made call with a wrong type).
 */
function fallbackMessage(issue: { code?: string }): string {
  if (issue.code === 'invalid_type') return 'Valeur manquante ou illisible.';
  if (issue.code === 'invalid_value') return 'Valeur non proposée : choisissez dans la liste.';
  if (issue.code === 'unrecognized_keys') return 'Champ inattendu.';
  return 'Valeur incorrecte.';
}
