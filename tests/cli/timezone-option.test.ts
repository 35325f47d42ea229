/**
 * `--timezone` on the commands that build their own workbook (`start`, `bench`, `report` without
 * --workbook): the demo and bench workbooks are spreadsheets of that zone, and the same demo gives
 * the same summary in any zone.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedBundle } from '../../runtime/bundle-loader';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { benchModel } from '../../cli/bench';
import { demoModel, type ReportCliContext } from '../../cli/report';
import { loadDist } from '../support/built-bundle';
import { parcoursInProcess, runCli } from './run-cli';

jest.setTimeout(120_000);

function context(timeZone: string): ReportCliContext {
  return {
    openBundle: (model, now) => loadDist({ model, ...(now ? { now } : {}) }) as LoadedBundle,
    openWorkbook: async () => createSpreadsheetModel('inutilisé'),
    expectOk: <T>(result: unknown) => result as T & { ok: true },
    demoAsOf: '2026-11-20',
    timeZone: () => timeZone,
  };
}

test('the demo and bench workbooks are spreadsheets of the zone given', () => {
  expect(demoModel(context('Pacific/Kiritimati')).timeZone).toBe('Pacific/Kiritimati');
  expect(benchModel(context('Indian/Reunion')).timeZone).toBe('Indian/Reunion');
});

test('parcours start --timezone Pacific/Kiritimati (UTC+14) writes the very summary of Europe/Paris', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'parcours-start-'));
  const run = runCli(['start', '--timezone', 'Pacific/Kiritimati'], { cwd: folder });
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const paris = join(folder, 'paris.json');
  expect((await parcoursInProcess('report', '--period', '2026-T3', '--json', paris)).code).toBe(0);
  expect(JSON.parse(readFileSync(join(folder, 'out', 'bilan-2026-T3.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(paris, 'utf8')));
});

test('parcours bench and start check the zone before anything else', async () => {
  for (const command of ['bench', 'start']) {
    const run = await parcoursInProcess(command, '--timezone', 'Mars/Olympus');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^Fuseau horaire inconnu : « Mars\/Olympus »/);
  }
});
