import type * as z from 'zod';
import { FORM_ERROR_KEY, type FieldErrors, type FormAnswer } from '../forms/form-answer';
import { validateForm } from '../forms/form-validation';
import { byId } from './dom';
import { focusFirstError, showFieldErrors } from './field-errors';

export interface FormBinding<S extends z.ZodType, T extends object> {
  form: HTMLFormElement;
  /** The schema of the current context (rebuilt when the context changes). */
  schema: () => S | null;
  /** What the controls hold, as the server will receive it. */
  collect: () => z.input<S>;
  submit: (payload: z.input<S>) => Promise<FormAnswer<T>>;
  onSuccess: (answer: { ok: true } & T) => void;
  /** Maps the schema's field paths to the names of the page's controls, when they differ. */
  errorKeys?: (errors: FieldErrors) => FieldErrors;
}

/**
 * Checks the form with the shared zod schema as the user types (a field's message appears once
 * it has been left or changed), again on submit, then lets the server check and save. A server
 * refusal is shown beside the fields just like a local one.
 */
export function bindForm<S extends z.ZodType, T extends object>(binding: FormBinding<S, T>): { refresh: () => void } {
  const { form } = binding;
  const touched = new Set<string>();
  let submitted = false;
  const submitButton = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const status = byId('status');
  const mapKeys = binding.errorKeys ?? ((errors: FieldErrors) => errors);
  // A message about the whole form (lock busy, workbook not configured) is announced at once.
  form.querySelector(`[data-error-for="${FORM_ERROR_KEY}"]`)?.setAttribute('role', 'alert');

  const check = (): FieldErrors => {
    const schema = binding.schema();
    if (!schema) return {};
    const result = validateForm(schema, binding.collect());
    return result.ok ? {} : mapKeys(result.errors);
  };
  const show = (errors: FieldErrors, all: boolean): void => {
    showFieldErrors(form, withOrphans(form, errors), all ? undefined : touched);
  };
  /** Shows every message, says how many fields to correct, and puts the focus on the first one. */
  const refuse = (errors: FieldErrors): void => {
    const shown = withOrphans(form, errors);
    show(errors, true);
    const fields = Object.keys(shown).filter((key) => key !== FORM_ERROR_KEY).length;
    status.className = 'status error';
    status.textContent = refusedText(fields);
    if (fields > 0) status.dataset['refused'] = '';
    focusFirstError(form, shown);
  };
  const refresh = (): void => {
    const errors = check();
    show(errors, submitted);
    // The count of a refusal follows the corrections, and goes once none is left.
    if (status.dataset['refused'] !== undefined) {
      const fields = Object.keys(withOrphans(form, errors)).filter((key) => key !== FORM_ERROR_KEY).length;
      if (fields === 0) clearStatus();
      else status.textContent = refusedText(fields);
    }
  };
  const clearStatus = (): void => {
    delete status.dataset['refused'];
    status.className = 'status';
    status.textContent = '';
  };

  const onEdit = (event: Event): void => {
    const name = (event.target as HTMLElement | null)?.getAttribute?.('name');
    if (name) touched.add(name);
    refresh();
  };
  form.addEventListener('change', onEdit);
  form.addEventListener('focusout', onEdit);
  form.addEventListener('input', () => refresh());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitted = true;
    clearStatus();
    const errors = check();
    if (Object.keys(errors).length > 0) {
      refuse(errors);
      return;
    }
    if (submitButton) submitButton.disabled = true;
    status.textContent = 'Enregistrement…';
    binding
      .submit(binding.collect())
      .then((answer) => {
        status.textContent = '';
        if (answer.ok) {
          touched.clear();
          submitted = false;
          show({}, true);
          binding.onSuccess(answer);
        } else {
          refuse(mapKeys(answer.errors));
        }
      })
      .catch((error: unknown) => {
        status.className = 'status error';
        status.textContent = `Erreur du serveur : ${error instanceof Error ? error.message : String(error)}`;
        status.focus();
      })
      .finally(() => {
        if (submitButton) submitButton.disabled = false;
      });
  });
  return { refresh };
}

function refusedText(fields: number): string {
  if (fields === 0) return 'Non enregistré.';
  return `Non enregistré : ${fields === 1 ? '1 champ à corriger' : `${fields} champs à corriger`}.`;
}

/** Messages whose field has no slot on the page join the whole-form message, so none is lost. */
function withOrphans(form: HTMLFormElement, errors: FieldErrors): FieldErrors {
  const slots = new Set(
    Array.from(form.querySelectorAll<HTMLElement>('[data-error-for]')).map((s) => s.dataset['errorFor'] ?? ''),
  );
  const orphans = Object.entries(errors).filter(([key]) => !slots.has(key) && key !== FORM_ERROR_KEY);
  if (orphans.length === 0) return errors;
  const messages = [errors[FORM_ERROR_KEY], ...orphans.map(([, m]) => m)].filter(Boolean);
  return { ...errors, [FORM_ERROR_KEY]: messages.join(' ') };
}

/** Shows a success message in the status line. */
export function showSuccess(text: string): void {
  const status = byId('status');
  status.className = 'status success';
  status.textContent = text;
  status.focus();
}

/** Reads the named controls of a form: text as typed, checkboxes as booleans, `data-multiple` groups as arrays. */
export function readControls(form: HTMLFormElement): Record<string, string | boolean | string[]> {
  const values: Record<string, string | boolean | string[]> = {};
  for (const control of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]'))) {
    const name = control.getAttribute('name')!;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      if (control.dataset['multiple'] !== undefined) {
        const list = (values[name] as string[] | undefined) ?? [];
        if (control.checked) list.push(control.value);
        values[name] = list;
      } else {
        values[name] = control.checked;
      }
    } else if (control instanceof HTMLInputElement && control.type === 'radio') {
      if (control.checked) values[name] = control.value;
      else if (!(name in values)) values[name] = '';
    } else {
      values[name] = control.value;
    }
  }
  return values;
}

/** Loads the form context once; a failure is shown instead of the form. */
export function loadFailed(error: unknown): void {
  const status = byId('status');
  status.className = 'status error';
  status.textContent = error instanceof Error ? error.message : String(error);
}
