/**
 * Follow-up and data care (issue 5): « Échéances », « Vérifier les données », « Adopter un classeur
 * existant… », « Anonymiser les parcours anciens… », the daily e-mail's trigger and `onEdit`.
 * Functions named `menu…` are menu items; the others are google.script.run targets (plain JSON in
 * and out, days as ISO strings) or triggers.
 */
import { dayInZone, formatDayFr } from '../domain/calendar-day';
import type { Deadline } from '../followup/deadlines';
import { type AdoptionChoices, type AdoptionProposal, type AdoptionRequest, adoptSheet, adoptionChoices, proposeAdoption } from '../sheets/followup/adoption';
import { anonymise, previewAnonymisation } from '../sheets/followup/anonymise';
import { checkData } from '../sheets/followup/data-check';
import { type DigestState, digestSpreadsheet, digestState, disableDigest, enableDigest, isDigestSender, sendDigest } from '../sheets/followup/deadline-digest';
import { readDeadlines, writeDeadlinesSheet } from '../sheets/followup/deadlines-sheet';
import { validateEdit } from '../sheets/followup/edit-validation';
import { type SheetCalendar, spreadsheetCalendar } from '../sheets/spreadsheet-calendar';
import { runFromMenu } from './user-messages';

const active = (): GoogleAppsScript.Spreadsheet.Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();

function tell(title: string, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}

// ---- Échéances ------------------------------------------------------------------------

/** Menu « Échéances »: the sidebar. */
export function menuShowDeadlines(): void {
  runFromMenu('Échéances', () => {
    const page = HtmlService.createHtmlOutputFromFile('Echeances').setTitle('Échéances');
    SpreadsheetApp.getUi().showSidebar(page);
  });
}

/** google.script.run: the sidebar's list. */
export function getDeadlines(): { today: string; deadlines: Deadline[]; digestEnabled: boolean; digest: { by: string; since: string } | null } {
  const ss = active();
  const calendar = spreadsheetCalendar(ss);
  const state = digestState();
  const since = state && dayInZone(new Date(state.since), calendar.timeZone);
  return { today: calendar.today, deadlines: readDeadlines(ss, calendar).deadlines, digestEnabled: state !== null, digest: state && { by: state.by, since: since ?? '' } };
}

function switchedOnText(state: DigestState): string {
  return `activé par ${state.by} le ${formatDayFr(dayInZone(new Date(state.since), spreadsheetCalendar(active()).timeZone))}`;
}

/** google.script.run and menu: regenerates the `Échéances` sheet. */
export function writeDeadlines(): { count: number; sheetName: string } {
  const ss = active();
  return writeDeadlinesSheet(ss, spreadsheetCalendar(ss));
}

export function menuWriteDeadlinesSheet(): void {
  runFromMenu('Échéances', () => {
    const { count, sheetName } = writeDeadlines();
    tell('Échéances', `${count} échéance(s) écrite(s) dans la feuille « ${sheetName} ».`);
  });
}

/** Menu: switches the daily e-mail on (never done silently). */
export function menuEnableDigest(): void {
  runFromMenu('Courriel quotidien des échéances', () => {
    const ss = active();
    const { emails } = readDeadlines(ss, spreadsheetCalendar(ss));
    const { created, state } = enableDigest(ss, emails);
    tell(
      'Courriel quotidien des échéances',
      created
        ? `Chaque matin, les échéances seront envoyées à : ${emails.join(', ')}.\nDésactivez-le par Parcours › Désactiver le courriel quotidien.`
        : `Le courriel quotidien est déjà activé pour ce classeur (${switchedOnText(state)}) : il n’est envoyé qu’une fois.`,
    );
  });
}

export function menuDisableDigest(): void {
  runFromMenu('Courriel quotidien des échéances', () => {
    const wasOn = disableDigest(active());
    tell(
      'Courriel quotidien des échéances',
      wasOn ? 'Le courriel quotidien des échéances est désactivé pour ce classeur.' : 'Le courriel quotidien n’était pas activé.',
    );
  });
}

/** The clock trigger's handler (no user interface: failures go to the execution log). */
export function sendDeadlinesDigest(event?: { triggerUid?: string }): void {
  const ss = digestSpreadsheet(event?.triggerUid);
  if (!ss) {
    console.error('Échéances : classeur introuvable pour ce déclencheur.');
    return;
  }
  // Switched off since, or a second coordinator's trigger: nothing is sent (and it removes itself).
  if (!isDigestSender(ss, event?.triggerUid)) return;
  const sent = sendDigest(ss, spreadsheetCalendar(ss));
  if (sent === null) console.warn('Échéances : aucune adresse dans « Courriels des coordinateurs », courriel non envoyé.');
}

// ---- Vérifier les données ------------------------------------------------------------

export function menuCheckData(): void {
  runFromMenu('Vérifier les données', () => {
    const ss = active();
    ss.toast('Vérification des données en cours…', 'Parcours');
    const { issues, sheetName, statusesUpdated } = checkData(ss, spreadsheetCalendar(ss));
    const statuses = statusesUpdated === 0 ? 'Statuts à jour.' : `Statut mis à jour sur ${statusesUpdated} ligne(s).`;
    tell(
      'Vérifier les données',
      issues.length === 0
        ? `Aucun problème de données. ${statuses}`
        : `${issues.length} problème(s) listé(s) dans la feuille « ${sheetName} », chacun avec un lien vers la cellule. ${statuses}`,
    );
  });
}

// ---- Adopter un classeur existant ----------------------------------------------------

export function menuAdoptWorkbook(): void {
  runFromMenu('Adopter un classeur existant', () => {
    const page = HtmlService.createHtmlOutputFromFile('Adoption').setWidth(720).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(page, 'Adopter un classeur existant');
  });
}

export function getAdoptionChoices(): AdoptionChoices {
  return adoptionChoices(active());
}

export function getAdoptionProposal(sheetName: string, target: string): AdoptionProposal {
  return proposeAdoption(active(), String(sheetName), String(target));
}

export function applyAdoption(request: AdoptionRequest): { message: string } {
  const clean: AdoptionRequest = {
    sheetName: String(request?.sheetName ?? ''),
    target: String(request?.target ?? ''),
    headers: Array.isArray(request?.headers) ? request.headers.map((h) => String(h ?? '')) : [],
    choice: Array.isArray(request?.choice) ? request.choice.map((c) => (typeof c === 'string' && c !== '' ? c : null)) : [],
    createIds: request?.createIds === true,
  };
  const ss = active();
  return { message: adoptSheet(ss, clean, spreadsheetCalendar(ss)) };
}

// ---- Anonymiser ------------------------------------------------------------------------

export function menuAnonymise(): void {
  const title = 'Anonymiser les parcours anciens';
  runFromMenu(title, () => {
    const ss = active();
    const calendar: SheetCalendar = spreadsheetCalendar(ss);
    const { ids, retentionMonths } = previewAnonymisation(ss, calendar);
    const ui = SpreadsheetApp.getUi();
    if (ids.length === 0) {
      tell(title, `Aucun parcours sorti depuis plus de ${retentionMonths} mois à anonymiser.`);
      return;
    }
    const answer = ui.alert(
      title,
      `${ids.length} ligne(s) de « Participants » (parcours sortis depuis au moins ${retentionMonths} mois) vont perdre ` +
        'nom, prénom, commune, référent, observations et date de naissance exacte (l’âge à l’entrée est conservé, ' +
        'les bilans restent identiques). Cette opération est définitive. Continuer ?',
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
    const done = anonymise(ss, calendar, ids);
    tell(title, `${done} parcours anonymisé(s). L’opération est notée dans le Journal.`);
  });
}

// ---- onEdit ----------------------------------------------------------------------------

/** Simple trigger body (exported as `onEdit` by main.ts): never interrupts the person typing. */
export function handleEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!event?.range) return;
  try {
    validateEdit(event.range, event.oldValue);
  } catch (error) {
    console.warn(`Contrôle de saisie ignoré : ${error instanceof Error ? error.message : String(error)}`);
  }
}
