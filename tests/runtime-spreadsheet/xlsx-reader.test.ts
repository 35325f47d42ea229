/** The .xlsx reader on files other programs wrote (tests/fixtures/other-software). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attributesAt, lastColumnWithContent, lastRowWithContent, updateAttributes, valueAt } from '../../runtime/spreadsheet/sheet-grid';
import { createSpreadsheetModel, type SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { loadXlsx, saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { resolvePart } from '../../runtime/xlsx/xlsx-package';
import { UNCOMPUTED_FORMULA_VALUE } from '../../runtime/xlsx/sheet-xml';
import { cellErrorMessage, UNCOMPUTED_FORMULA } from '../../src/domain/cell-errors';

const FIXTURES = join(__dirname, '..', 'fixtures', 'other-software');
const sheetOf = (model: SpreadsheetModel, name: string) => model.sheets.find((s) => s.name === name)!;

describe('relationship targets', () => {
  it('resolves relative, absolute and ../ targets as the packaging conventions say', () => {
    expect(resolvePart('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/worksheets/', '../comments1.xml')).toBe('xl/comments1.xml');
  });
});

describe('a workbook openpyxl wrote (absolute targets, nothing computed)', () => {
  let model: SpreadsheetModel;
  beforeAll(async () => {
    model = await loadXlsx(join(FIXTURES, 'openpyxl-features.xlsx'));
  });

  it('finds every sheet, its note and its hyperlink', () => {
    expect(model.sheets.map((s) => s.name)).toEqual(['Participants', 'Ateliers', 'Financeurs', 'Motifs de sortie', 'Listes', 'Paramètres', 'Présences', 'Évaluations']);
    const participants = sheetOf(model, 'Participants');
    expect(attributesAt(participants, 2, 2)?.note).toContain('Note écrite dans un autre tableur');
    expect(attributesAt(participants, 3, 25)?.hyperlink).toBe('https://exemple.org/fiche');
    expect(valueAt(participants, 3, 25)).toBe('Fiche en ligne');
  });

  it('gives an error value as its text and a formula never computed as the marker the add-in reports', () => {
    const attendance = sheetOf(model, 'Présences');
    expect(valueAt(attendance, 4, 1)).toBe('#DIV/0!');
    expect(attributesAt(attendance, 5, 5)?.formula).toBe('=E2*2');
    expect(valueAt(attendance, 5, 5)).toBe(UNCOMPUTED_FORMULA_VALUE);
    // The runtime and the add-in name the same text.
    expect(UNCOMPUTED_FORMULA_VALUE).toBe(UNCOMPUTED_FORMULA);
    expect(cellErrorMessage(valueAt(attendance, 5, 5))).toContain('Formule sans valeur calculée');
  });

  it('reads date cells as midnight of that day in the spreadsheet zone', () => {
    expect(valueAt(sheetOf(model, 'Présences'), 2, 1)).toEqual(new Date('2026-03-01T23:00:00Z'));
  });
});

describe('one cell at XFD1048576', () => {
  it('is kept, and the grid reaches it, but nothing is stored between', async () => {
    const model = await loadXlsx(join(FIXTURES, 'openpyxl-far-cell.xlsx'));
    const participants = sheetOf(model, 'Participants');
    expect(valueAt(participants, 1_048_576, 16_384)).toBe('loin');
    expect(lastRowWithContent(participants)).toBe(1_048_576);
    expect(lastColumnWithContent(participants)).toBe(16_384);
    expect(participants.values.filter(Boolean)).toHaveLength(5);
  });
});

describe('a workbook LibreOffice wrote', () => {
  it('reads its date cells, its text and its numbers', async () => {
    const model = await loadXlsx(join(FIXTURES, 'libreoffice-title-rows.xlsx'));
    const participants = sheetOf(model, 'Participants');
    expect(valueAt(participants, 1, 1)).toBe('Suivi des participants — Atelier Fictif 2026');
    expect(valueAt(participants, 4, 4)).toEqual(new Date('1990-04-01T22:00:00Z'));
    const attendance = sheetOf(model, 'Présences');
    expect(valueAt(attendance, 2, 5)).toBe('3,5');
    expect(valueAt(attendance, 3, 5)).toBe(3.25);
    expect(valueAt(attendance, 4, 1)).toBe('05/03/2026');
  });
});

describe('a large sheet of one format', () => {
  it('holds one attributes object per cell format, not one per cell, and a change to one cell stays there', async () => {
    const model = createSpreadsheetModel('formats', 'Europe/Paris');
    const sheet = model.sheets[0]!;
    for (let r = 1; r <= 2000; r += 1) {
      sheet.values[r - 1] = [new Date(Date.UTC(2026, 0, 1 + (r % 300))), `P-2026-${r}`];
      sheet.attributes[r - 1] = [{ numberFormat: 'dd/mm/yyyy' }, { numberFormat: '@' }];
    }
    const path = join(mkdtempSync(join(tmpdir(), 'parcours-formats-')), 'formats.xlsx');
    await saveXlsx(model, path);
    const read = (await loadXlsx(path)).sheets[0]!;
    const objects = new Set(read.attributes.flatMap((line) => line ?? []));
    expect(objects.size).toBeLessThanOrEqual(2);
    expect(attributesAt(read, 2, 1)?.numberFormat).toBe('dd/mm/yyyy');
    updateAttributes(read, 2, 1, (a) => {
      a.note = 'une note';
    });
    expect(attributesAt(read, 2, 1)).toMatchObject({ numberFormat: 'dd/mm/yyyy', note: 'une note' });
    expect(attributesAt(read, 3, 1)?.note).toBeUndefined();
  });
});
