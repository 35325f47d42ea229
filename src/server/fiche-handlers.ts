/**
 * « Fiche de parcours… »: a sidebar to choose the participant (google.script.run `generateFiche`),
 * and `cliFiche_` for `parcours fiche`. The fiche is nominative: it is written only on request,
 * into its own sheet, and never by the summary.
 */
import { spreadsheetCalendar } from '../sheets/spreadsheet-calendar';
import { UserError } from '../domain/user-error';
import { WorkbookFormatError } from '../domain/workbook-format-error';
import { type FormAnswer, formRefusal } from '../forms/form-answer';
import { type WrittenFiche, writeParcoursFiche } from '../sheets/fiche/write-fiche';
import { type CliResult, guarded } from './cli-entry';
import { runFromMenu } from './user-messages';

const TITLE = 'Fiche de parcours';

export function menuParcoursSheet(): void {
  runFromMenu(TITLE, () => {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Fiche').setTitle(TITLE));
  });
}

function writeNow(id: string): WrittenFiche {
  const now = new Date();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const calendar = spreadsheetCalendar(ss, now);
  const generatedAt = Utilities.formatDate(now, calendar.timeZone, "dd/MM/yyyy 'à' HH:mm");
  return writeParcoursFiche(ss, id, calendar, generatedAt);
}

/** google.script.run: writes the fiche of `id` (an ID string; nothing else crosses). */
export function generateFiche(id: string): FormAnswer<WrittenFiche> {
  if (typeof id !== 'string' || id.trim() === '') return formRefusal('Choisissez un participant.');
  try {
    return { ok: true, ...writeNow(id) };
  } catch (error) {
    if (error instanceof UserError || error instanceof WorkbookFormatError) return formRefusal(error.message);
    throw error;
  }
}

export function cliFiche_(id: string): CliResult<WrittenFiche> {
  return guarded(() => writeNow(id));
}
