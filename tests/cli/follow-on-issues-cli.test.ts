/** `check` and `report --json` on a workbook with one unreadable participant row (issue 11, 5). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { summarySchema } from '../../src/domain/summary/summary-schema';
import { loadDist } from '../support/built-bundle';
import { parcoursInProcess } from './run-cli';

const folder = mkdtempSync(join(tmpdir(), 'parcours-causes-'));

describe('one unreadable participant row, in check and in the JSON', () => {
  let path: string;
  let row: number;

  beforeAll(async () => {
    const model = createSpreadsheetModel('Démonstration');
    loadDist({ model, now: new Date('2026-11-20T12:00:00Z') }).call('cliDemo_', '2026-11-20');
    const sheet = (name: string) => model.sheets.find((s) => s.name === name)!;
    const participants = sheet('Participants');
    const nom = (participants.values[0] as unknown[]).indexOf('Nom');
    // A parcours of the demo with attendance, evaluations and support rows.
    const idsIn = (name: string) => {
      const values = sheet(name).values;
      const column = (values[0] as unknown[]).indexOf('ID');
      return new Set(values.slice(1).map((line) => line?.[column]));
    };
    const [attendance, evaluations, support] = [idsIn('Présences'), idsIn('Évaluations'), idsIn('Accompagnement')];
    const idColumn = (participants.values[0] as unknown[]).indexOf('ID');
    row = participants.values.findIndex((line, i) => i > 0 && [attendance, evaluations, support].every((ids) => ids.has(line?.[idColumn]))) + 1;
    participants.values[row - 1]![nom] = '';
    path = join(folder, 'un-participant-illisible.xlsx');
    await saveXlsx(model, path);
  }, 120_000);

  it('check lists the row, then its follow-on rows grouped under it', async () => {
    const run = await parcoursInProcess('check', path);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    const root = lines.findIndex((l) => l.includes(`Participants, ligne ${row}, colonne « Nom »`));
    expect(root).toBeGreaterThan(0);
    expect(lines[root + 1]).toMatch(new RegExp(`→ \\d+ lignes de Présences ignorées car la ligne ${row} de Participants est illisible \\(colonne « ID »\\) : lignes \\d`));
    expect(run.out).toMatch(new RegExp(`→ \\d+ lignes? d’Accompagnement ignorées? car la ligne ${row} de Participants est illisible`));
    expect(run.out).not.toContain('Ligne ignorée : le parcours'); // each follow-on row is listed by its number, not repeated
  }, 120_000);

  it('report --json keeps each follow-on issue, with its cause', async () => {
    const json = join(folder, 'bilan.json');
    const run = await parcoursInProcess('report', '--workbook', path, '--period', '2026-T3', '--json', json);
    expect(run.code).toBe(0);
    const summary = summarySchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    const followOn = summary.dataIssues.filter((i) => i.cause);
    expect(followOn.length).toBeGreaterThan(10);
    expect(new Set(followOn.map((i) => JSON.stringify(i.cause)))).toEqual(new Set([JSON.stringify({ sheet: 'Participants', row })]));
    expect(new Set(followOn.map((i) => i.sheet))).toEqual(new Set(['Présences', 'Évaluations', 'Accompagnement']));
  }, 120_000);
});
