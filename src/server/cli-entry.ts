/**
 * Entry points of the local command line (`parcours`), private in Apps Script (trailing `_`).
 * They return plain JSON-able objects: the command line runs in another realm and prints them.
 */
import type { DataIssue } from '../domain/data-issue';
import { UserError } from '../domain/user-error';
import { WorkbookFormatError } from '../domain/workbook-format-error';
import { buildDemoWorkbook } from '../demo/demo-workbook';
import { configureWorkbook } from '../sheets/setup-workbook';
import { spreadsheetCalendar } from '../sheets/spreadsheet-calendar';
import { loadWorkbookData } from '../sheets/workbook-tables';
import { writeDemoWorkbook } from '../sheets/write-demo';

export type CliResult<T> = ({ ok: true } & T) | { ok: false; kind: 'format' | 'usage'; message: string };

/** Turns the coordinator-facing refusals into results the command line maps to exit codes 2 and 1. */
export function guarded<T>(work: () => T): CliResult<T> {
  try {
    return { ok: true, ...work() };
  } catch (error) {
    if (error instanceof WorkbookFormatError) return { ok: false, kind: 'format', message: error.message };
    if (error instanceof UserError) return { ok: false, kind: 'usage', message: error.message };
    throw error;
  }
}

export function cliInit_(): CliResult<{ changes: string[] }> {
  return guarded(() => configureWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
}

export function cliDemo_(asOf?: string): CliResult<{ parcours: number; attendance: number; evaluations: number }> {
  return guarded(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    configureWorkbook(ss);
    const demo = buildDemoWorkbook(asOf ? { asOf } : {});
    writeDemoWorkbook(ss, demo);
    return { parcours: demo.parcours.length, attendance: demo.attendance.length, evaluations: demo.evaluations.length };
  });
}

export function cliCheck_(): CliResult<{ issues: DataIssue[]; parcours: number }> {
  return guarded(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const data = loadWorkbookData(ss, spreadsheetCalendar(ss));
    return { issues: data.issues, parcours: data.parcours.length };
  });
}
