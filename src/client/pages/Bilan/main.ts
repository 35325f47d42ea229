/**
 * The « Générer le bilan » dialog: choose a period (a recent quarter or year, or two dates) and a
 * funder, then generate. Only strings cross google.script.run; server text is shown with
 * textContent (see ../../dom.ts), never as HTML.
 */
import { byId, fillSelect } from '../../dom';
import type { SummaryDialogChoices, SummaryReply } from '../../../server/report-handlers';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  summaryDialogChoices(): void;
  generateSummaryFromDialog(request: { period: string; funder: string | null }): void;
}

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

const form = byId<HTMLFormElement>('form');
const periodSelect = byId<HTMLSelectElement>('period');
const funderSelect = byId<HTMLSelectElement>('funder');
const startInput = byId<HTMLInputElement>('start');
const endInput = byId<HTMLInputElement>('end');
const rangeMode = byId<HTMLInputElement>('modeRange');
const presetMode = byId<HTMLInputElement>('modePreset');
const generateButton = byId<HTMLButtonElement>('generate');
const status = byId('status');

function showStatus(text: string, kind: 'progress' | 'success' | 'error'): void {
  status.textContent = text;
  status.className = kind === 'progress' ? 'status' : `status ${kind}`;
}

function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Le serveur n’a pas répondu (${message}). Réessayez dans un instant.`;
}

function server(): ScriptRunner {
  return google.script.run.withFailureHandler((error) => {
    form.setAttribute('aria-busy', 'false');
    generateButton.disabled = false;
    showStatus(failureText(error), 'error');
  });
}

function syncMode(): void {
  byId('presetGroup').hidden = rangeMode.checked;
  byId('rangeGroup').hidden = !rangeMode.checked;
}

/** The period as the server reads it, or a French message saying what to correct. */
function periodText(): { ok: true; value: string } | { ok: false; message: string } {
  if (!rangeMode.checked) {
    return periodSelect.value ? { ok: true, value: periodSelect.value } : { ok: false, message: 'Choisissez une période.' };
  }
  const start = startInput.value;
  const end = endInput.value;
  if (!start || !end) return { ok: false, message: 'Indiquez la date de début et la date de fin.' };
  if (end < start) return { ok: false, message: 'La date de fin doit être le même jour ou après la date de début.' };
  return { ok: true, value: `${start}..${end}` };
}

function onChoices(value: unknown): void {
  const choices = value as SummaryDialogChoices;
  fillSelect(periodSelect, choices.periods);
  fillSelect(funderSelect, choices.funders);
  startInput.value = `${choices.today.slice(0, 4)}-01-01`;
  endInput.value = choices.today;
  form.setAttribute('aria-busy', 'false');
  if (choices.error) {
    showStatus(choices.error, 'error');
    return;
  }
  showStatus('', 'progress');
  generateButton.disabled = false;
}

function onGenerated(value: unknown): void {
  const reply = value as SummaryReply;
  form.setAttribute('aria-busy', 'false');
  generateButton.disabled = false;
  showStatus(reply.message, reply.ok ? 'success' : 'error');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const period = periodText();
  if (!period.ok) {
    showStatus(period.message, 'error');
    return;
  }
  generateButton.disabled = true;
  form.setAttribute('aria-busy', 'true');
  showStatus('Génération du bilan en cours : lecture du classeur, calcul, écriture de la feuille…', 'progress');
  server()
    .withSuccessHandler(onGenerated)
    .generateSummaryFromDialog({ period: period.value, funder: funderSelect.value || null });
});
rangeMode.addEventListener('change', syncMode);
presetMode.addEventListener('change', syncMode);
byId('close').addEventListener('click', () => google.script.host.close());

showStatus('Chargement des périodes et des financeurs…', 'progress');
server().withSuccessHandler(onChoices).summaryDialogChoices();
