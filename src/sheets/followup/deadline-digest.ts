import { deadlinesDigestText } from '../../followup/deadlines';
import { UserError } from '../../domain/user-error';
import { appendJournal } from '../journal';
import { readDeadlines } from './deadlines-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger's handler: a top-level function of dist/Code.js (see src/server/main.ts). */
export const DIGEST_HANDLER = 'sendDeadlinesDigest';
/** User property: trigger unique id → the spreadsheet it reports on (an add-on's clock trigger has no document). */
const PROPERTY_PREFIX = 'parcours.digest.';
const DIGEST_HOUR = 7;

function digestTriggersOf(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  const properties = PropertiesService.getUserProperties();
  const id = ss.getId();
  return ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === DIGEST_HANDLER && properties.getProperty(PROPERTY_PREFIX + t.getUniqueId()) === id,
  );
}

export function isDigestEnabled(ss: Spreadsheet): boolean {
  return digestTriggersOf(ss).length > 0;
}

/** Creates the daily trigger, only on the coordinator's request; refuses without any address. */
export function enableDigest(ss: Spreadsheet, emails: readonly string[]): 'created' | 'already' {
  if (emails.length === 0) {
    throw new UserError(
      'Aucune adresse dans « Courriels des coordinateurs » (feuille Paramètres) : ajoutez-en une, puis réactivez le courriel quotidien.',
    );
  }
  if (isDigestEnabled(ss)) return 'already';
  const trigger = ScriptApp.newTrigger(DIGEST_HANDLER).timeBased().everyDays(1).atHour(DIGEST_HOUR).create();
  PropertiesService.getUserProperties().setProperty(PROPERTY_PREFIX + trigger.getUniqueId(), ss.getId());
  appendJournal(ss, [{ action: 'Courriel quotidien des échéances activé', sheet: '', detail: `Destinataires : ${emails.join(', ')}` }]);
  return 'created';
}

export function disableDigest(ss: Spreadsheet): number {
  const triggers = digestTriggersOf(ss);
  const properties = PropertiesService.getUserProperties();
  for (const trigger of triggers) {
    properties.deleteProperty(PROPERTY_PREFIX + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
  if (triggers.length > 0) appendJournal(ss, [{ action: 'Courriel quotidien des échéances désactivé', sheet: '' }]);
  return triggers.length;
}

/** The spreadsheet a clock trigger reports on: the bound one, or the one recorded for the trigger. */
export function digestSpreadsheet(triggerUid: string | undefined): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  if (!triggerUid) return null;
  const id = PropertiesService.getUserProperties().getProperty(PROPERTY_PREFIX + triggerUid);
  return id ? SpreadsheetApp.openById(id) : null;
}

/** E-mails the deadlines to `Courriels des coordinateurs`; returns how many lines were sent. */
export function sendDigest(ss: Spreadsheet, today: string): number | null {
  const { deadlines, structure, emails } = readDeadlines(ss, today);
  if (emails.length === 0) return null;
  const subject = `Parcours — ${deadlines.length} échéance(s)${structure ? ` — ${structure}` : ''}`;
  MailApp.sendEmail({ to: emails.join(','), subject, body: deadlinesDigestText(deadlines, structure, today) });
  appendJournal(ss, [{ action: 'Courriel des échéances envoyé', sheet: '', detail: `${deadlines.length} échéance(s) à ${emails.join(', ')}` }]);
  return deadlines.length;
}
