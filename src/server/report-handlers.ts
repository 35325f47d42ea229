/**
 * « Générer le bilan… »: the menu item opens the Bilan dialog; the dialog calls
 * `summaryDialogChoices` then `generateSummaryFromDialog` through google.script.run (plain
 * strings only: no Date crosses). `cliReport_` is the same generation for `parcours report`.
 */
import { type CliResult, guarded } from './cli-entry';
import * as z from 'zod';
import { decodeFunders } from '../domain/codecs/funders';
import { recentPeriodChoices, periodLabelFr } from '../domain/period';
import type { Summary } from '../domain/summary/summary-schema';
import { UserError } from '../domain/user-error';
import { WorkbookFormatError } from '../domain/workbook-format-error';
import { SHEET } from '../domain/workbook-schema';
import { spreadsheetCalendar } from '../sheets/spreadsheet-calendar';
import { buildDemoWorkbook } from '../demo/demo-workbook';
import { configureWorkbook } from '../sheets/setup-workbook';
import { findSheet } from '../sheets/sheet-lookup';
import { ALL_FUNDERS_LABEL, generateSummaryReport } from '../sheets/summary/generate-summary';
import { readTable } from '../sheets/table-io';
import { writeDemoWorkbook } from '../sheets/write-demo';
import { errorMessage, runFromMenu } from './user-messages';

const DIALOG_TITLE = 'Générer le bilan';
const DIALOG_WIDTH = 440;
const DIALOG_HEIGHT = 400;

/** Menu « Générer le bilan… ». */
export function menuGenerateSummary(): void {
  runFromMenu(DIALOG_TITLE, () => {
    const html = HtmlService.createHtmlOutputFromFile('Bilan').setWidth(DIALOG_WIDTH).setHeight(DIALOG_HEIGHT);
    SpreadsheetApp.getUi().showModalDialog(html, DIALOG_TITLE);
  });
}

export interface DialogChoice {
  value: string;
  label: string;
}

export interface SummaryDialogChoices {
  /** Today in the spreadsheet's zone, `AAAA-MM-JJ` (the dialog's default dates). */
  today: string;
  periods: DialogChoice[];
  /** `value` '' is « all funders ». */
  funders: DialogChoice[];
  /** Set when the workbook cannot be read (same message as generation would give). */
  error: string | null;
}

/** google.script.run: what the dialog offers. Reads only `Financeurs` (one getValues). */
export function summaryDialogChoices(): SummaryDialogChoices {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { today, timeZone } = spreadsheetCalendar(ss);
  // A period not over yet is labelled so, lest its summary be taken for a complete one.
  const periods = recentPeriodChoices(today).map((p) => ({
    value: p.label,
    label: p.end >= today ? `${periodLabelFr(p)} — en cours` : periodLabelFr(p),
  }));
  const funders: DialogChoice[] = [{ value: '', label: ALL_FUNDERS_LABEL }];
  try {
    const sheet = findSheet(ss, SHEET.funders);
    // Without `Financeurs` (SPEC §1: an optional sheet) the summary is for all parcours.
    for (const funder of sheet ? decodeFunders(readTable(sheet), timeZone).records : []) {
      const code = funder.code.trim();
      funders.push({ value: code, label: funder.name ? `${code} — ${funder.name}` : code });
    }
    return { today, periods, funders, error: null };
  } catch (error) {
    return { today, periods, funders, error: errorMessage(error) };
  }
}

const summaryRequestSchema = z.strictObject({
  period: z.string().trim().min(1, 'Choisissez une période.'),
  funder: z.string().nullable(),
});

export type SummaryReply = { ok: true; sheetName: string; message: string } | { ok: false; message: string };

/** google.script.run: generates the summary; a refusal comes back as a French message, never as a script error. */
export function generateSummaryFromDialog(request: unknown): SummaryReply {
  const parsed = summaryRequestSchema.safeParse(request);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Demande incomplète : choisissez une période.' };
  }
  try {
    const result = generateSummaryReport(SpreadsheetApp.getActiveSpreadsheet(), parsed.data, new Date());
    return { ok: true, sheetName: result.sheetName, message: result.notice };
  } catch (error) {
    if (error instanceof UserError || error instanceof WorkbookFormatError) return { ok: false, message: error.message };
    return { ok: false, message: `Le bilan n’a pas pu être généré : ${errorMessage(error)}` };
  }
}

/** `parcours report`: the summary sheet written into the active spreadsheet, and the summary as JSON data. */
export function cliReport_(
  period: string,
  funder: string | null,
): CliResult<{ summary: Summary; sheetName: string; notice: string }> {
  return guarded(() => generateSummaryReport(SpreadsheetApp.getActiveSpreadsheet(), { period, funder }, new Date()));
}

/** `npm run bench`: a configured workbook holding a demo structure of the given size. */
export function cliBenchWorkbook_(
  parcoursCount: number,
  workshopCount: number,
  asOf: string,
): CliResult<{ parcours: number; attendance: number; evaluations: number }> {
  return guarded(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    configureWorkbook(ss);
    const demo = buildDemoWorkbook({ parcoursCount, workshopCount, asOf });
    writeDemoWorkbook(ss, demo);
    return { parcours: demo.parcours.length, attendance: demo.attendance.length, evaluations: demo.evaluations.length };
  });
}
