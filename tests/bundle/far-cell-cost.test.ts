/**
 * One value at XFD1048576 (tests/fixtures/other-software, written by openpyxl) costs nothing: the
 * sheet answers getLastRow/getLastColumn as Sheets does, but the add-in reads only what its
 * tables hold, and the .xlsx writer never steps through the million rows before that cell. What
 * is measured is deterministic (cells handed over by getValues, rows pending in the writer), not
 * time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { nextDataCell, valueAt } from '../../runtime/spreadsheet/sheet-grid';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { loadXlsx, saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { loadDist } from '../support/built-bundle';

const FAR_CELL = join(__dirname, '..', 'fixtures', 'other-software', 'openpyxl-far-cell.xlsx');
const NOW = new Date('2026-04-15T10:00:00Z');
/** The workbook's real cells, all sheets, are a few hundred; reading the header rows costs a few thousand more. */
const CELLS_READ_BUDGET = 20_000;

const sheetNamed = (model: SpreadsheetModel, name: string) => model.sheets.find((s) => s.name === name)!;

describe('one value at XFD1048576', () => {
  let model: SpreadsheetModel;
  beforeEach(async () => {
    model = await loadXlsx(FAR_CELL);
  });

  it('still makes the sheet 1,048,576 rows and 16,384 columns long, as in Sheets', () => {
    const bundle = loadDist({ model, now: NOW });
    const app = bundle.runtime.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const participants = app.getActiveSpreadsheet().getSheetByName('Participants')!;
    expect(participants.getLastRow()).toBe(1_048_576);
    expect(participants.getLastColumn()).toBe(16_384);
  });

  it('is not read by check or report: getValues hands over a few thousand cells, not 26 million', () => {
    const bundle = loadDist({ model, now: NOW });
    bundle.runtime.calls.reset();
    const check = bundle.call<{ ok: boolean; issues: { sheet: string }[] }>('cliCheck_');
    expect(check.ok).toBe(true);
    // The file has no Accompagnement sheet (SPEC §1: named once); nothing else is wrong in it.
    expect(check.issues.map((i) => i.sheet)).toEqual(['Accompagnement']);
    expect(bundle.runtime.calls.cellsRead).toBeLessThan(CELLS_READ_BUDGET);
    bundle.runtime.calls.reset();
    const report = bundle.call<{ ok: boolean; summary: { fileActive: { active: number } } }>('cliReport_', '2026-T1', null);
    expect(report.ok).toBe(true);
    expect(report.summary.fileActive.active).toBe(3);
    expect(bundle.runtime.calls.cellsRead).toBeLessThan(CELLS_READ_BUDGET);
  });

  it('is written back at its place without the streaming writer holding the rows before it', async () => {
    // ExcelJS's writer keeps pending rows in an array from the last row committed; a row far below
    // would make it a million slots long, each shifted out one by one (hours, not seconds).
    const writer = ExcelJS.stream.xlsx.WorkbookWriter.prototype as unknown as { addWorksheet(...args: unknown[]): unknown };
    const addWorksheet = writer.addWorksheet;
    let mostPending = 0;
    const spy = jest.spyOn(writer, 'addWorksheet').mockImplementation(function (this: unknown, ...args: unknown[]) {
      const sheet = addWorksheet.apply(this, args) as { _commitRow(row: unknown): void; _rows: unknown[] };
      const commitRow = sheet._commitRow;
      sheet._commitRow = function (row: unknown) {
        mostPending = Math.max(mostPending, sheet._rows.length);
        if (sheet._rows.length > 1000) throw new Error(`${sheet._rows.length} lignes en attente dans l’écriture`);
        commitRow.call(this, row);
      };
      return sheet;
    });
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'parcours-far-cell-')), 'far.xlsx');
      await saveXlsx(model, out);
      expect(mostPending).toBeLessThanOrEqual(2);
      expect(valueAt(sheetNamed(await loadXlsx(out), 'Participants'), 1_048_576, 16_384)).toBe('loin');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Range.getNextDataCell (Ctrl+arrow) in the runtime', () => {
  it('goes to the end of a run, to the next cell with data across a gap, or to the edge', async () => {
    const participants = sheetNamed(await loadXlsx(FAR_CELL), 'Participants');
    // Column A holds rows 1–4 (headers and three people), then nothing down to the far cell's row.
    expect(nextDataCell(participants, 1_048_576, 1, 'UP')).toEqual({ row: 4, column: 1 });
    expect(nextDataCell(participants, 4, 1, 'UP')).toEqual({ row: 1, column: 1 });
    expect(nextDataCell(participants, 1, 1, 'DOWN')).toEqual({ row: 4, column: 1 });
    expect(nextDataCell(participants, 4, 1, 'DOWN')).toEqual({ row: 1_048_576, column: 1 });
    expect(nextDataCell(participants, 1_048_576, 16_384, 'UP')).toEqual({ row: 1, column: 16_384 });
    expect(nextDataCell(participants, 1, 1, 'NEXT')).toEqual({ row: 1, column: 25 });
    expect(nextDataCell(participants, 1_048_576, 16_384, 'PREVIOUS')).toEqual({ row: 1_048_576, column: 1 });
    expect(nextDataCell(participants, 1_048_576, 100, 'NEXT')).toEqual({ row: 1_048_576, column: 16_384 });
  });
});
