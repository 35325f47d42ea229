/**
 * What Excel, LibreOffice and openpyxl read in the files the command line writes (issue 11, 3):
 * sheet names Excel accepts, dropdowns whose items are right (« 3 (CAP, BEP) » is one item),
 * each validation once and over every data row, widths that show dates, the summary printed
 * one page wide, and `--bilan` holding the summary sheet alone. Read by Debian's python3 with
 * openpyxl and by LibreOffice when they are installed (skipped otherwise).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpreadsheetModel, type SheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { MAX_SHEET_NAME_LENGTH } from '../../src/domain/sheet-name';
import { EDUCATION_LEVELS } from '../../src/domain/records';
import { loadDist } from '../support/built-bundle';
import { parcoursInProcess } from './run-cli';

const PYTHON = '/usr/bin/python3';
const havePython = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'from openpyxl.utils import range_boundaries']).status === 0;
const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const withPython = havePython ? describe : describe.skip;
const withSoffice = haveSoffice ? it : it.skip;

interface Inspected {
  sheets: {
    name: string;
    state: string;
    maxRow: number;
    headers: (string | null)[];
    validations: { sqref: string; type: string; items?: string[] }[];
    widths: Record<string, number>;
    print: { paperSize: number | null; orientation: string | null; fitToWidth: number | null; fitToHeight: number | null; fitToPage: boolean };
  }[];
  definedNames: string[];
}

function inspect(path: string): Inspected {
  const run = spawnSync(PYTHON, [join(__dirname, 'inspect-xlsx.py'), path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Inspected;
}

const folder = mkdtempSync(join(tmpdir(), 'parcours-autres-logiciels-'));
const FUNDER = 'CD/93';
const PERIOD = '2025-07-01..2026-03-31';

function replaceEverywhere(sheet: SheetModel, from: RegExp, to: string): void {
  for (const row of sheet.values) {
    if (!row) continue;
    row.forEach((value, i) => {
      if (typeof value === 'string') row[i] = value.replace(from, to);
    });
  }
}

/** The demo workbook whose funder `CD` is renamed `CD/93`: a slash, which Excel refuses in sheet names. */
async function demoWithSlashFunder(): Promise<string> {
  const model = createSpreadsheetModel('Démonstration');
  loadDist({ model, now: new Date('2026-11-20T12:00:00Z') }).call('cliDemo_', '2026-11-20');
  for (const name of ['Financeurs', 'Participants']) replaceEverywhere(model.sheets.find((s) => s.name === name)!, /\bCD\b/g, FUNDER);
  const path = join(folder, 'source.xlsx');
  await saveXlsx(model, path);
  return path;
}

/** A1 range → its rows, e.g. `D2:D11984` → [2, 11984]. */
function rowsOf(sqref: string): [number, number] {
  const m = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(sqref)!;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

function columnsOf(sqref: string): string[] {
  const m = /^([A-Z]+)\d+(?::([A-Z]+)\d+)?$/.exec(sqref)!;
  const out: string[] = [];
  for (let c = m[1]!.charCodeAt(0); c <= (m[2] ?? m[1]!).charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

withPython('files the command line writes, read by openpyxl', () => {
  let full: string;
  let again: string;
  let bilan: string;
  let sheetName: string;
  let book: Inspected;

  beforeAll(async () => {
    const source = await demoWithSlashFunder();
    full = join(folder, 'avec-bilan.xlsx');
    bilan = join(folder, 'bilan-seul.xlsx');
    const first = await parcoursInProcess('report', '--workbook', source, '--period', PERIOD, '--funder', FUNDER, '--out', full, '--bilan', bilan);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    sheetName = /feuille « ([^»]+) »/.exec(first.out)![1]!;
    // A next report on the file written works: the sheet is found again and replaced.
    again = join(folder, 'encore.xlsx');
    const second = await parcoursInProcess('report', '--workbook', full, '--period', PERIOD, '--funder', FUNDER, '--out', again);
    expect(second.err).toBe('');
    expect(second.code).toBe(0);
    expect(second.out).toContain(`Bilan mis à jour dans la feuille « ${sheetName} »`);
    book = inspect(again);
  }, 240_000);

  it('names every sheet within 31 characters, legal in Excel, the summary once', () => {
    for (const sheet of book.sheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
      expect(sheet.name).not.toMatch(/[\\/?*[\]:]|^'|'$/);
    }
    expect(sheetName).toMatch(/^Bilan 2025-07 à 2026-03 CD~[0-9a-z]{4}$/);
    expect(book.sheets.filter((s) => s.name === sheetName)).toHaveLength(1);
  });

  it('writes each validation once, over every data row, with the dropdown items as one would pick them', () => {
    for (const sheet of book.sheets.filter((s) => s.state === 'visible')) {
      const seen = new Set<string>();
      for (const v of sheet.validations) {
        for (const column of columnsOf(v.sqref)) {
          expect(seen.has(column)).toBe(false); // no column has two rules (ExcelJS wrote C2:C1000 and C10:C1000)
          seen.add(column);
        }
        if (v.sqref.includes(':')) expect(rowsOf(v.sqref)[1]).toBeGreaterThanOrEqual(Math.max(sheet.maxRow, 1000));
      }
    }
    const participants = book.sheets.find((s) => s.name === 'Participants')!;
    const education = participants.headers.indexOf('Niveau de formation');
    const educationRule = participants.validations.find((v) => columnsOf(v.sqref).includes(String.fromCharCode(65 + education)))!;
    expect(educationRule.items).toEqual([...EDUCATION_LEVELS]); // « 3 (CAP, BEP) » is one item
    const attendance = book.sheets.find((s) => s.name === 'Présences')!;
    expect(attendance.maxRow).toBeGreaterThan(1000);
    const presence = attendance.validations.find((v) => v.items?.includes('Absent justifié'))!;
    expect(rowsOf(presence.sqref)).toEqual([2, attendance.maxRow]);
  });

  it('gives date columns a width that shows a date', () => {
    const participants = book.sheets.find((s) => s.name === 'Participants')!;
    const birth = String.fromCharCode(65 + participants.headers.indexOf('Date de naissance'));
    expect(participants.widths[birth]).toBeGreaterThanOrEqual(11);
  });

  it('sets the summary to print on A4 portrait, one page wide', () => {
    const summary = book.sheets.find((s) => s.name === sheetName)!;
    expect(summary.print).toEqual({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, fitToPage: true });
  });

  it('--bilan holds the summary sheet alone: no other sheet, hidden or not, no names, no validation', () => {
    const alone = inspect(bilan);
    expect(alone.sheets.map((s) => [s.name, s.state])).toEqual([[sheetName, 'visible']]);
    expect(alone.definedNames).toEqual([]);
    expect(alone.sheets[0]!.validations).toEqual([]);
    expect(alone.sheets[0]!.print.fitToWidth).toBe(1);
    // Nothing in the file names a participant or holds Parcours' metadata.
    const xml = spawnSync(PYTHON, ['-c', 'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);print("\\n".join(z.namelist()))', bilan], { encoding: 'utf8' });
    expect(xml.stdout).not.toMatch(/_parcours|customXml|comments/);
  });

  withSoffice(
    'LibreOffice reads the bilan alone and the dropdowns of the full workbook',
    () => {
      const csvDir = join(folder, 'csv');
      const run = spawnSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', csvDir, bilan], { encoding: 'utf8', timeout: 180_000 });
      expect(run.status).toBe(0);
      const csv = readFileSync(join(csvDir, readdirSync(csvDir)[0]!), 'utf8');
      expect(csv).toContain('File active');
      const odsDir = join(folder, 'ods');
      expect(spawnSync('soffice', ['--headless', '--convert-to', 'ods', '--outdir', odsDir, again], { timeout: 180_000 }).status).toBe(0);
      const ods = join(odsDir, readdirSync(odsDir)[0]!);
      const content = spawnSync(PYTHON, ['-c', 'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("content.xml").decode())', ods], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      }).stdout;
      const conditions = [...content.matchAll(/table:condition="([^"]*)"/g)].map((m) => m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"'));
      expect(conditions.some((c) => c.includes('_parcours_lists'))).toBe(true); // the list with commas, by reference
      expect(conditions.some((c) => c.includes('"3 (CAP'))).toBe(false); // never as an inline list split on commas
    },
    400_000,
  );
});
