/**
 * What a form handler answers through google.script.run: plain JSON-safe data (no Date).
 * A refusal maps each field path (`birthDate`, `rows.2.hours`) to a French message; the key
 * `FORM_ERROR_KEY` holds a message about the whole form.
 */
export const FORM_ERROR_KEY = '_form';

export type FieldErrors = Record<string, string>;

export interface FormRefusal {
  ok: false;
  errors: FieldErrors;
}

export type FormAnswer<T extends object> = ({ ok: true } & T) | FormRefusal;

export function refusal(errors: FieldErrors): FormRefusal {
  return { ok: false, errors };
}

export function formRefusal(message: string): FormRefusal {
  return { ok: false, errors: { [FORM_ERROR_KEY]: message } };
}
