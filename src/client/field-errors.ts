import { FORM_ERROR_KEY, type FieldErrors } from '../forms/form-answer';

/**
 * Shows each message in the element whose `data-error-for` is the field path, marks the controls
 * named after that path `aria-invalid` and points their `aria-describedby` at the message (so a
 * screen reader reads it with the field), and clears every other message.
 */
export function showFieldErrors(root: ParentNode, errors: FieldErrors, only?: ReadonlySet<string>): void {
  for (const slot of Array.from(root.querySelectorAll<HTMLElement>('[data-error-for]'))) {
    const key = slot.dataset['errorFor'] ?? '';
    const message = only && !only.has(key) && key !== FORM_ERROR_KEY ? undefined : errors[key];
    slot.textContent = message ?? '';
    slot.hidden = !message;
    if (!slot.id) slot.id = errorSlotId(key);
    for (const control of controlsNamed(root, key)) {
      if (message) {
        control.setAttribute('aria-invalid', 'true');
        setDescribedBy(control, slot.id, true);
      } else {
        control.removeAttribute('aria-invalid');
        setDescribedBy(control, slot.id, false);
      }
    }
  }
}

/** `rows.2.hours` → `error-rows-2-hours`. */
export function errorSlotId(key: string): string {
  return `error-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Adds or removes one id in `aria-describedby`, keeping the others (hints). */
function setDescribedBy(control: HTMLElement, id: string, on: boolean): void {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x !== '' && x !== id);
  if (on) ids.push(id);
  if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}

export function controlsNamed(root: ParentNode, name: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[name]')).filter((c) => c.getAttribute('name') === name);
}

function focusable(control: HTMLElement): boolean {
  return !(control as HTMLInputElement).disabled && control.closest('[hidden]') === null && control.getClientRects().length > 0;
}

/**
 * Moves the keyboard focus to the first field in error, in page order (or to the form message
 * when no visible field is in error). Returns the element focused.
 */
export function focusFirstError(root: ParentNode, errors: FieldErrors): HTMLElement | null {
  for (const control of Array.from(root.querySelectorAll<HTMLElement>('[name]'))) {
    const name = control.getAttribute('name') ?? '';
    if (errors[name] && focusable(control)) {
      control.focus();
      return control;
    }
  }
  const message = root.querySelector<HTMLElement>(`[data-error-for="${FORM_ERROR_KEY}"]:not([hidden])`);
  message?.focus();
  return message;
}
