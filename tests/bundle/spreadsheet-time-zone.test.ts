import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoModel } from '../../cli/preview';
import type { LoadedBundle } from '../../runtime/bundle-loader';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { loadXlsx, saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { instantOfWallClock, wallClockOf } from '../../runtime/spreadsheet/zoned-time';
import { mapHeaders } from '../../src/domain/header-map';
import { SHEET, sheetSpec } from '../../src/domain/workbook-schema';
import type { FormContext } from '../../src/forms/form-context';
import { DIST_DIR, loadDist } from '../support/built-bundle';

jest.setTimeout(240_000);

/**
 * SPEC §1 and §6: a date is a calendar day in the spreadsheet's own zone. The same workbook must give
 * the same figures whatever that zone is, and a date a form writes must show the day typed.
 */
const ZONES = ['Europe/Paris', 'Pacific/Honolulu', 'Pacific/Kiritimati', 'Indian/Reunion'];

/** 12:00 on the demo's day in that zone: « today » is 2026-11-20 there (UTC−10 and UTC+14 share no instant of it). */
function noonIn(zone: string): Date {
  return instantOfWallClock({ year: 2026, month: 11, day: 20, hour: 12, minute: 0, second: 0, millisecond: 0 }, zone);
}

function spreadsheetOf(bundle: LoadedBundle): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return (bundle.runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
}

interface Figures {
  summary: unknown;
  funderSummary: unknown;
  issues: unknown;
  deadlines: unknown;
}

function figuresOf(model: SpreadsheetModel, zone: string): Figures {
  const bundle = loadDist({ model, now: noonIn(zone) });
  expect(spreadsheetOf(bundle).getSpreadsheetTimeZone()).toBe(zone);
  const report = bundle.call<{ ok: true; summary: Record<string, unknown> }>('cliReport_', '2026-T3', null);
  const funder = bundle.call<{ ok: true; summary: Record<string, unknown> }>('cliReport_', '2026', 'CD');
  const check = bundle.call<{ ok: true; issues: unknown[] }>('cliCheck_');
  const deadlines = bundle.call<{ today: string; deadlines: unknown[] }>('getDeadlines');
  expect(deadlines.today).toBe('2026-11-20');
  return { summary: report.summary, funderSummary: funder.summary, issues: check.issues, deadlines: deadlines.deadlines };
}

/**
 * The demo has no data issue: one is added whose detection depends on reading the right day. The
 * first Présences row's parcours gets an exit date the day before that session, so the session
 * falls outside the parcours by exactly one day.
 */
function withBoundaryIssue(model: SpreadsheetModel): SpreadsheetModel {
  const ss = spreadsheetOf(loadDist({ model }));
  const attendance = ss.getSheetByName(SHEET.attendance)!;
  const participants = ss.getSheetByName(SHEET.participants)!;
  const header = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const a = mapHeaders(sheetSpec(SHEET.attendance), header(attendance)).columns;
  const p = mapHeaders(sheetSpec(SHEET.participants), header(participants)).columns;
  const session = attendance.getRange(2, 1, 1, attendance.getLastColumn()).getValues()[0]!;
  const ids = participants.getRange(1, p.id! + 1, participants.getLastRow(), 1).getValues().map((r) => r[0]);
  const row = ids.indexOf(session[a.id!]) + 1;
  const day = wallClockOf(session[a.date!] as Date, 'Europe/Paris');
  const before = instantOfWallClock({ ...day, day: day.day - 1 }, 'Europe/Paris');
  participants.getRange(row, p.exitDate! + 1).setValue(before);
  participants.getRange(row, p.exitReason! + 1).setValue('CDI');
  return model;
}

describe('the same workbook in four time zones', () => {
  let dir: string;
  let path: string;
  let paris: Figures;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-zones-'));
    path = join(dir, 'demo.xlsx');
    await saveXlsx(withBoundaryIssue(demoModel(DIST_DIR)), path);
    paris = figuresOf(await loadXlsx(path, { timeZone: 'Europe/Paris' }), 'Europe/Paris');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the figures are worth checking: exits, deadlines and data issues are there', () => {
    expect((paris.summary as { exits: { total: number } }).exits.total).toBeGreaterThan(0);
    expect(paris.deadlines).not.toEqual([]);
    expect(paris.issues).not.toEqual([]);
  });

  test.each(ZONES)('an .xlsx read with --timezone %s: same summary, deadlines and data checks', async (zone) => {
    expect(figuresOf(await loadXlsx(path, { timeZone: zone }), zone)).toEqual(paris);
  });

  test.each(ZONES)('a Sheet whose zone is changed to %s (each date keeps its day): same figures', async (zone) => {
    const model = await loadXlsx(path, { timeZone: 'Europe/Paris' });
    spreadsheetOf(loadDist({ model })).setSpreadsheetTimeZone(zone);
    expect(figuresOf(model, zone)).toEqual(paris);
  });
});

describe('a spreadsheet in America/Martinique (the reported bug)', () => {
  /** What the cell shows, and the wall clock of its value in the spreadsheet's zone. */
  function shown(bundle: LoadedBundle, row: number, key: string): { display: string; midnight: boolean } {
    const sheet = spreadsheetOf(bundle).getSheetByName(SHEET.participants)!;
    const map = mapHeaders(sheetSpec(SHEET.participants), sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!);
    const cell = sheet.getRange(row, map.columns[key]! + 1);
    const w = wallClockOf(cell.getValue() as Date, 'America/Martinique');
    return { display: cell.getDisplayValue(), midnight: w.hour === 0 && w.minute === 0 };
  }

  test('an admission entered 02/11/2026, born 29/02/1988, shows and reads back those days', () => {
    const model = demoModel(DIST_DIR);
    spreadsheetOf(loadDist({ model })).setSpreadsheetTimeZone('America/Martinique');
    const bundle = loadDist({ model, now: noonIn('America/Martinique') });
    const answer = bundle.call<{ ok: boolean; id: string; row: number }>('saveAdmission', {
      lastName: 'Exemple',
      firstName: 'Inventée',
      birthDate: '1988-02-29',
      sex: 'F',
      entryDate: '2026-11-02',
    });
    expect(answer.ok).toBe(true);
    expect(shown(bundle, answer.row, 'entryDate')).toEqual({ display: '02/11/2026', midnight: true });
    expect(shown(bundle, answer.row, 'birthDate')).toEqual({ display: '29/02/1988', midnight: true });
    expect(shown(bundle, answer.row, 'trialEnd')).toEqual({ display: '02/12/2026', midnight: true });
    const context = bundle.call<{ context: FormContext }>('getFormContext').context;
    const saved = context.parcours.find((p) => p.id === answer.id)!;
    expect([saved.birthDate, saved.entryDate, saved.trialEnd]).toEqual(['1988-02-29', '2026-11-02', '2026-12-02']);
  });
});
