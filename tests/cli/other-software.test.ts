/**
 * The command line on workbooks other programs wrote (tests/fixtures/other-software, made once by
 * openpyxl and LibreOffice with the scripts beside them): run as a user runs it, in a child process,
 * to see its exit code and everything it prints.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attributesAt, valueAt } from '../../runtime/spreadsheet/sheet-grid';
import { loadXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { ZipArchive } from '../../runtime/xlsx/zip-archive';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'other-software');
const folder = mkdtempSync(join(tmpdir(), 'parcours-other-software-'));
const PYTHON = '/usr/bin/python3';
const withPython = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0 ? describe : describe.skip;
const withSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 ? it : it.skip;
/** What openpyxl reads of the kept table, conditional format and error cells, as JSON. */
const OPENPYXL_KEPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Présences']
tables = [{'name': t.name, 'ref': t.ref, 'columns': [c.name for c in t.tableColumns], 'style': t.tableStyleInfo.name} for t in ws.tables.values()]
rules = [{'sqref': str(cf.sqref), 'type': r.type, 'operator': r.operator, 'formula': r.formula, 'fill': r.dxf.fill.fgColor.rgb}
         for cf in ws.conditional_formatting for r in cf.rules]
errors = {f'{s.title}!{c.coordinate}': c.value for s in wb.worksheets for row in s.iter_rows() for c in row if c.data_type == 'e'}
print(json.dumps({'tables': tables, 'rules': rules, 'errors': errors}, ensure_ascii=False))
`;

function parcours(...argv: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'parcours.js'), ...argv], { encoding: 'utf8', cwd: folder });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function expectNoStackTrace(run: { out: string; err: string }): void {
  expect(`${run.out}${run.err}`).not.toMatch(/\n\s+at |Error:|TypeError|Cannot read properties/);
}

describe('workbooks written by openpyxl', () => {
  const features = join(FIXTURES, 'openpyxl-features.xlsx');

  it('reads a note, a table, a hyperlink, conditional formatting (absolute relationship targets)', () => {
    const run = parcours('check', features);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    // The three below, and the Accompagnement sheet this file (like any made before it existed) lacks.
    expect(run.out).toContain('3 parcours lus, 4 problème(s) de données');
    expect(run.out).toContain('Accompagnement, ligne 1 : Feuille « Accompagnement » absente');
  });

  it('reports an error value in any column and a formula never computed as data issues of their cells', () => {
    const run = parcours('check', features);
    expect(run.out).toContain('Participants, ligne 4, colonne « Commune » : Erreur de formule « #N/A »');
    // Not « Invalid time value »: one cell, not the workbook.
    expect(run.out).toContain('Présences, ligne 4, colonne « Date » : Erreur de formule « #DIV/0! »');
    expect(run.out).toContain('Présences, ligne 5, colonne « Heures » : Formule sans valeur calculée');
  });

  it('leaves those rows out of the summary instead of reading the formula as empty', () => {
    const json = join(folder, 'features.json');
    const run = parcours('report', '--workbook', features, '--period', '2026-T1', '--json', json);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(json, 'utf8'));
    // Counted: 3.5 h and 3 h on 2026-03-02, the justified absence; left out: the #DIV/0! date and the uncomputed hours.
    expect(summary.attendance.hours).toBe(6.5);
    expect(summary.attendance.sessions).toBe(3);
    expect(summary.dataIssues).toHaveLength(4);
  });

  it('keeps on --out what the README says it keeps', async () => {
    const out = join(folder, 'features-bilan.xlsx');
    const run = parcours('report', '--workbook', features, '--period', '2026-T1', '--out', out);
    expect(run.code).toBe(0);
    const model = await loadXlsx(out);
    const participants = model.sheets.find((s) => s.name === 'Participants')!;
    const attendance = model.sheets.find((s) => s.name === 'Présences')!;
    expect(attributesAt(participants, 2, 2)?.note).toContain('Note écrite dans un autre tableur');
    expect(attributesAt(participants, 3, 25)?.hyperlink).toBe('https://exemple.org/fiche');
    expect(valueAt(attendance, 4, 1)).toBe('#DIV/0!');
    // Still a formula without a computed value: nothing was made up for it.
    expect(attributesAt(attendance, 5, 5)?.formula).toBe('=E2*2');
    expect(valueAt(attendance, 5, 5)).toBe('#NON_CALCULÉ!');
    expect(model.sheets.map((s) => s.name)).toContain('Bilan 2026-T1');
  });

  describe('the team’s Excel table and conditional format, on --out', () => {
    const out = join(folder, 'features-kept.xlsx');
    let zip: ZipArchive;
    beforeAll(() => {
      expect(parcours('report', '--workbook', features, '--period', '2026-T1', '--out', out).code).toBe(0);
      zip = new ZipArchive(readFileSync(out));
    });

    it('are read back as the file had them: table name, range, columns, style; the rule and its fill', async () => {
      const attendance = (await loadXlsx(out)).sheets.find((s) => s.name === 'Présences')!;
      expect(attendance.tables).toEqual([
        {
          name: 'Presences',
          displayName: 'Presences',
          ref: 'A1:F6',
          headerRow: true,
          totalsRow: false,
          autoFilter: true,
          columns: ['Date', 'Atelier', 'ID', 'Présence', 'Heures', 'Commentaire'],
          style: { name: 'TableStyleMedium9', showRowStripes: '1' },
        },
      ]);
      expect(attendance.conditionalFormats).toHaveLength(1);
      const format = attendance.conditionalFormats![0]!;
      expect(format.xml).toMatch(/^<conditionalFormatting sqref="E2:E6"><cfRule type="cellIs"[^>]* operator="greaterThan"[^>]*><formula>6<\/formula><\/cfRule>/);
      expect(Object.values(format.differentialFormats)).toEqual([expect.stringMatching(/<patternFill patternType="solid"><fgColor rgb="00FFC7CE"\/>/)]);
    });

    it('are parts Excel opens: the table part declared, related to its sheet and listed at the sheet’s end', () => {
      expect(zip.text('[Content_Types].xml')).toContain(
        '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
      );
      const sheetWithTable = zip.names().find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && zip.text(name)!.includes('<tableParts'))!;
      const rels = zip.text(sheetWithTable.replace('worksheets/', 'worksheets/_rels/').replace(/\.xml$/, '.xml.rels'))!;
      const id = /<tablePart r:id="(rId\d+)"\/><\/tableParts><\/worksheet>$/.exec(zip.text(sheetWithTable)!)?.[1];
      expect(rels).toContain(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>`);
      expect(zip.text(sheetWithTable)).toContain('<conditionalFormatting sqref="E2:E6">');
      expect(zip.text('xl/styles.xml')).toMatch(/<dxfs count="1"><dxf>.*FFC7CE.*<\/dxf><\/dxfs>/);
    });

    it('writes error values back as errors (t="e"), not as text', async () => {
      const sheets = zip.names().filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map((name) => zip.text(name)!);
      expect(sheets.some((xml) => /<c r="A4"[^>]* t="e"><v>#DIV\/0!<\/v><\/c>/.test(xml))).toBe(true);
      expect(sheets.some((xml) => /<c r="F4"[^>]* t="e"><v>#N\/A<\/v><\/c>/.test(xml))).toBe(true);
      const attendance = (await loadXlsx(out)).sheets.find((s) => s.name === 'Présences')!;
      expect(attributesAt(attendance, 4, 1)?.errorValue).toBe(true);
    });

    withSoffice(
      'are read by LibreOffice: the table as a database range with its filter buttons, the rule as a conditional format',
      () => {
        const odsDir = join(folder, 'kept-ods');
        // A profile of its own: another test's LibreOffice may be running at the same time.
        const profile = `-env:UserInstallation=file://${join(folder, 'libreoffice-profile')}`;
        const run = spawnSync('soffice', [profile, '--headless', '--convert-to', 'ods', '--outdir', odsDir, out], { encoding: 'utf8', timeout: 180_000 });
        expect(run.status).toBe(0);
        const content = new ZipArchive(readFileSync(join(odsDir, 'features-kept.ods'))).text('content.xml')!;
        expect(content).toMatch(/<table:database-range table:name="Presences" table:target-range-address="Présences\.A1:Présences\.F6" table:display-filter-buttons="true"/);
        expect(content).toContain('<calcext:conditional-format calcext:target-range-address="Présences.E2:Présences.E6">');
      },
      200_000,
    );

    withPython('as openpyxl reads them', () => {
      it('finds the table, the rule with its fill and the error cells', () => {
        const run = spawnSync(PYTHON, ['-c', OPENPYXL_KEPT, out], { encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout)).toEqual({
          tables: [{ name: 'Presences', ref: 'A1:F6', columns: ['Date', 'Atelier', 'ID', 'Présence', 'Heures', 'Commentaire'], style: 'TableStyleMedium9' }],
          rules: [{ sqref: 'E2:E6', type: 'cellIs', operator: 'greaterThan', formula: ['6'], fill: '00FFC7CE' }],
          errors: { 'Participants!F4': '#N/A', 'Présences!A4': '#DIV/0!' },
        });
      });
    });
  });

  it('reads a workbook with one cell at XFD1048576 as the small workbook it is', () => {
    const run = parcours('check', join(FIXTURES, 'openpyxl-far-cell.xlsx'));
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    expect(run.out).toContain('3 parcours lus, 1 problème(s) de données');
    expect(run.out).toContain('Feuille « Accompagnement » absente');
  });

  it('is refused by init (exit 2, nothing written): Sheets holds 10 million cells, this grid 17 billion', () => {
    const copy = join(folder, 'far-cell.xlsx');
    copyFileSync(join(FIXTURES, 'openpyxl-far-cell.xlsx'), copy);
    const run = parcours('init', copy);
    expectNoStackTrace(run);
    expect(run.code).toBe(2);
    // French number formatting groups digits with a narrow no-break space.
    expect(run.err.replace(/\u202f/g, ' ')).toContain('la feuille « Participants » s’étend jusqu’à XFD1048576 (1 048 576 lignes × 16 384 colonnes)');
    expect(run.err).toContain('10 millions de cellules');
    expect(readFileSync(copy).equals(readFileSync(join(FIXTURES, 'openpyxl-far-cell.xlsx')))).toBe(true);
  });

  it('summarises it and writes it back with the summary sheet, the far cell kept at its place', async () => {
    const out = join(folder, 'far-cell-bilan.xlsx');
    const run = parcours('report', '--workbook', join(FIXTURES, 'openpyxl-far-cell.xlsx'), '--period', '2026-T1', '--out', out);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    const model = await loadXlsx(out);
    expect(valueAt(model.sheets.find((s) => s.name === 'Participants')!, 1_048_576, 16_384)).toBe('loin');
    expect(model.sheets.map((s) => s.name)).toContain('Bilan 2026-T1');
  });
});

describe('a workbook written by LibreOffice, headers under a title', () => {
  const titled = join(FIXTURES, 'libreoffice-title-rows.xlsx');

  it('is read: the header row is reported, dates and decimal commas are read', () => {
    const json = join(folder, 'titled.json');
    const run = parcours('report', '--workbook', titled, '--period', '2026-T1', '--json', json);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(json, 'utf8'));
    expect(summary.fileActive).toMatchObject({ active: 2, entries: 2, exits: 1 });
    // 3,5 (text) + 3.25 (number) + 2,75 (text); the third row's date is the text 05/03/2026.
    expect(summary.attendance.hours).toBe(9.5);
    expect(summary.dataIssues).toEqual([
      expect.objectContaining({ sheet: 'Participants', row: 3, column: '', message: expect.stringContaining('En-têtes trouvés en ligne 3') }),
      // The file has no Accompagnement and no Listes sheet (SPEC §1: read as empty, named once).
      expect.objectContaining({ sheet: 'Accompagnement', row: 1, column: '', message: expect.stringContaining('Feuille « Accompagnement » absente') }),
      expect.objectContaining({ sheet: 'Listes', row: 1, column: '', message: expect.stringContaining('Feuille « Listes » absente') }),
    ]);
  });

  it('is refused by init (exit 2, the row named) and left byte for byte as it was', () => {
    const copy = join(folder, 'titled.xlsx');
    copyFileSync(titled, copy);
    const run = parcours('init', copy);
    expectNoStackTrace(run);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Feuille « Participants » : les en-têtes sont en ligne 3, sous un titre');
    expect(readFileSync(copy).equals(readFileSync(titled))).toBe(true);
  });
});
