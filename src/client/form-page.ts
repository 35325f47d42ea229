import type { FormContext, ParcoursSummary } from '../forms/form-context';
import { parcoursLabel } from '../forms/form-context';
import { byId, type Choice } from './dom';
import { loadFailed } from './form-controller';
import { closeSidebar, serverCall } from './server-call';

/** Loads the form context from the workbook, then starts the page; wires the « Fermer » button. */
export function startPage(start: (context: FormContext) => void): void {
  const close = document.getElementById('close');
  close?.addEventListener('click', () => closeSidebar());
  serverCall('getFormContext')
    .then((answer) => {
      if (!answer.ok) throw new Error(Object.values(answer.errors).join(' '));
      start(answer.context);
      byId('form').removeAttribute('aria-busy');
    })
    .catch(loadFailed);
}

/** The parcours a select offers, sorted by name, labelled `NOM Prénom (ID)`. */
export function parcoursChoices(context: FormContext, keep: (p: ParcoursSummary) => boolean): Choice[] {
  return context.parcours
    .filter(keep)
    .sort((a, b) => parcoursLabel(a).localeCompare(parcoursLabel(b), 'fr'))
    .map((p) => ({ value: p.id, label: parcoursLabel(p) }));
}

/** Entered and not exited on `day` (exits dated later are still present). */
export function inParcoursOn(p: ParcoursSummary, day: string): boolean {
  return p.entryDate !== null && p.entryDate <= day && (p.exitDate === null || p.exitDate >= day);
}
