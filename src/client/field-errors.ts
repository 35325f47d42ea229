import { FORM_ERROR_KEY, type FieldErrors } from '../forms/form-answer';

/**
 * Shows each message in the element whose `data-error-for` is the field path, marks the control
 * named after that path `aria-invalid`, and clears every other message.
 */
export function showFieldErrors(root: ParentNode, errors: FieldErrors, only?: ReadonlySet<string>): void {
  for (const slot of Array.from(root.querySelectorAll<HTMLElement>('[data-error-for]'))) {
    const key = slot.dataset['errorFor'] ?? '';
    const message = only && !only.has(key) && key !== FORM_ERROR_KEY ? undefined : errors[key];
    slot.textContent = message ?? '';
    slot.hidden = !message;
    for (const control of controlsNamed(root, key)) {
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }
}

export function controlsNamed(root: ParentNode, name: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[name]')).filter((c) => c.getAttribute('name') === name);
}

/** Moves the keyboard focus to the first field in error (or the form message). */
export function focusFirstError(root: ParentNode, errors: FieldErrors): void {
  for (const control of Array.from(root.querySelectorAll<HTMLElement>('[name]'))) {
    const name = control.getAttribute('name') ?? '';
    if (errors[name]) {
      control.focus();
      return;
    }
  }
  root.querySelector<HTMLElement>(`[data-error-for="${FORM_ERROR_KEY}"]`)?.focus();
}
