/**
 * What the .xlsx writer keeps of a file it read besides Sheets' model: Excel tables, conditional
 * formats, error values (on the openpyxl fixture, tests/fixtures/other-software).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attributesAt, valueAt, writeInput } from '../../runtime/spreadsheet/sheet-grid';
import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { loadXlsx, saveXlsx, saveSheetAloneXlsx } from '../../runtime/spreadsheet/xlsx-store';

const FEATURES = join(__dirname, '..', 'fixtures', 'other-software', 'openpyxl-features.xlsx');
const folder = mkdtempSync(join(tmpdir(), 'parcours-kept-parts-'));
const sheetOf = (model: SpreadsheetModel, name: string) => model.sheets.find((s) => s.name === name)!;

async function roundTrip(model: SpreadsheetModel, name: string): Promise<SpreadsheetModel> {
  const path = join(folder, name);
  await saveXlsx(model, path);
  return loadXlsx(path);
}

describe('an Excel table written back', () => {
  it('names its columns after the header cells, as Excel requires, each name once', async () => {
    const model = await loadXlsx(FEATURES);
    const attendance = sheetOf(model, 'Présences');
    writeInput(attendance, 1, 6, { value: 'Remarque', formula: null });
    writeInput(attendance, 1, 2, { value: 'id', formula: null });
    const again = sheetOf(await roundTrip(model, 'renamed.xlsx'), 'Présences');
    expect(again.tables?.[0]?.columns).toEqual(['Date', 'id', 'ID2', 'Présence', 'Heures', 'Remarque']);
  });

  it('takes in the rows written right under it, as Excel does with rows typed there', async () => {
    const model = await loadXlsx(FEATURES);
    const attendance = sheetOf(model, 'Présences');
    ['P-2026-0003', 'P-2026-0001'].forEach((id, i) => {
      writeInput(attendance, 7 + i, 2, { value: 'Maraîchage', formula: null });
      writeInput(attendance, 7 + i, 3, { value: id, formula: null });
    });
    const table = sheetOf(await roundTrip(model, 'grown.xlsx'), 'Présences').tables?.[0];
    expect(table?.ref).toBe('A1:F8');
  });

  it('is not part of a sheet saved alone (--bilan)', async () => {
    const model = await loadXlsx(FEATURES);
    const path = join(folder, 'alone.xlsx');
    await saveSheetAloneXlsx(sheetOf(model, 'Présences'), model.timeZone, path);
    const alone = (await loadXlsx(path)).sheets[0]!;
    expect(alone.tables).toBeUndefined();
    expect(alone.conditionalFormats).toBeUndefined();
  });
});

describe('an error value', () => {
  it('is written back as an error until a value is written over it', async () => {
    const model = await loadXlsx(FEATURES);
    const participants = sheetOf(model, 'Participants');
    expect(attributesAt(participants, 4, 6)?.errorValue).toBe(true);
    writeInput(participants, 4, 6, { value: '#N/A', formula: null });
    const again = await roundTrip(model, 'typed-over.xlsx');
    // Typed as text, it stays text; the untouched #DIV/0! stays an error.
    expect(valueAt(sheetOf(again, 'Participants'), 4, 6)).toBe('#N/A');
    expect(attributesAt(sheetOf(again, 'Participants'), 4, 6)?.errorValue).toBeUndefined();
    expect(attributesAt(sheetOf(again, 'Présences'), 4, 1)?.errorValue).toBe(true);
  });
});
