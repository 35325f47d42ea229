import { deadlinesDigestText } from '../../followup/deadlines';
import type { SheetCalendar } from '../spreadsheet-calendar';
import { UserError } from '../../domain/user-error';
import { withDocumentLock } from '../document-lock';
import { appendJournal, currentUserEmail } from '../journal';
import { readDeadlines } from './deadlines-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger's handler: a top-level function of dist/Code.js (see src/server/main.ts). */
export const DIGEST_HANDLER = 'sendDeadlinesDigest';
/** User property: trigger unique id → the spreadsheet it reports on (an add-on's clock trigger has no document). */
const PROPERTY_PREFIX = 'parcours.digest.';
const DIGEST_HOUR = 7;
/**
 * Document property: the workbook's one daily e-mail. Triggers belong to the user who created
 * them (nobody else can see or delete them), so the workbook, not each coordinator's triggers,
 * says whether the e-mail is on, who switched it on, since when, and which trigger sends it.
 */
const DIGEST_STATE = 'parcours.digest';

export interface DigestState {
  by: string;
  /** ISO instant. */
  since: string;
  /** Unique id of the one trigger that sends it. */
  trigger: string;
}

export function digestState(): DigestState | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(DIGEST_STATE);
  if (!raw) return null;
  try {
    const state = JSON.parse(raw) as Partial<DigestState>;
    return typeof state.trigger === 'string' ? { by: String(state.by ?? ''), since: String(state.since ?? ''), trigger: state.trigger } : null;
  } catch {
    return null;
  }
}

/** This user's digest triggers for this workbook (only the user's own triggers are visible). */
function digestTriggersOf(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  const properties = PropertiesService.getUserProperties();
  const id = ss.getId();
  return ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === DIGEST_HANDLER && properties.getProperty(PROPERTY_PREFIX + t.getUniqueId()) === id,
  );
}

export function isDigestEnabled(_ss: Spreadsheet): boolean {
  return digestState() !== null;
}

function removeTriggers(triggers: readonly GoogleAppsScript.Script.Trigger[]): void {
  const properties = PropertiesService.getUserProperties();
  for (const trigger of triggers) {
    properties.deleteProperty(PROPERTY_PREFIX + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
}

/**
 * Switches the workbook's daily e-mail on, only on a coordinator's request; refuses without any
 * address. Already on (whoever did it): nothing is created, so it is never sent twice.
 */
export function enableDigest(ss: Spreadsheet, emails: readonly string[]): { created: boolean; state: DigestState } {
  if (emails.length === 0) {
    throw new UserError(
      'Aucune adresse dans « Courriels des coordinateurs » (feuille Paramètres) : ajoutez-en une, puis réactivez le courriel quotidien.',
    );
  }
  return withDocumentLock(() => {
    const current = digestState();
    if (current) return { created: false, state: current };
    // A trigger of this user left from an earlier switch-on would send a second e-mail.
    removeTriggers(digestTriggersOf(ss));
    const trigger = ScriptApp.newTrigger(DIGEST_HANDLER).timeBased().everyDays(1).atHour(DIGEST_HOUR).create();
    PropertiesService.getUserProperties().setProperty(PROPERTY_PREFIX + trigger.getUniqueId(), ss.getId());
    const state: DigestState = { by: currentUserEmail(), since: new Date().toISOString(), trigger: trigger.getUniqueId() };
    PropertiesService.getDocumentProperties().setProperty(DIGEST_STATE, JSON.stringify(state));
    appendJournal(ss, [{ action: 'Courriel quotidien des échéances activé', sheet: '', detail: `Destinataires : ${emails.join(', ')}` }]);
    return { created: true, state };
  });
}

/**
 * Any coordinator switches it off for the workbook. Another coordinator's trigger cannot be seen
 * from here: it stays, finds the e-mail off when it runs, sends nothing and removes itself.
 */
export function disableDigest(ss: Spreadsheet): boolean {
  return withDocumentLock(() => {
    const state = digestState();
    PropertiesService.getDocumentProperties().deleteProperty(DIGEST_STATE);
    removeTriggers(digestTriggersOf(ss));
    if (state) appendJournal(ss, [{ action: 'Courriel quotidien des échéances désactivé', sheet: '', detail: `Activé par ${state.by}` }]);
    return state !== null;
  });
}

/** Whether the trigger `triggerUid` is the workbook's one sender; a trigger that is not removes itself. */
export function isDigestSender(ss: Spreadsheet, triggerUid: string | undefined): boolean {
  const state = digestState();
  if (state && (triggerUid === undefined || state.trigger === triggerUid)) return true;
  removeTriggers(digestTriggersOf(ss).filter((t) => t.getUniqueId() === triggerUid));
  return false;
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
export function sendDigest(ss: Spreadsheet, calendar: SheetCalendar): number | null {
  const { deadlines, structure, emails } = readDeadlines(ss, calendar);
  if (emails.length === 0) return null;
  const subject = `Parcours — ${deadlines.length} échéance(s)${structure ? ` — ${structure}` : ''}`;
  MailApp.sendEmail({ to: emails.join(','), subject, body: deadlinesDigestText(deadlines, structure, calendar.today) });
  appendJournal(ss, [{ action: 'Courriel des échéances envoyé', sheet: '', detail: `${deadlines.length} échéance(s) à ${emails.join(', ')}` }]);
  return deadlines.length;
}
