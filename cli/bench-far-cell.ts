/**
 * The bench's far-cell figures: `parcours check` and `parcours report --out` on the workbook openpyxl
 * wrote with one value at XFD1048576 (tests/fixtures/other-software), and on the same workbook
 * without that cell, each in its own process so that its peak memory is its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadXlsx, saveXlsx } from '../runtime/spreadsheet/xlsx-store';

const ROOT = join(__dirname, '..');
export const FAR_CELL_FIXTURE = join(ROOT, 'tests', 'fixtures', 'other-software', 'openpyxl-far-cell.xlsx');

/** Preloaded in each child: writes its resident-set high-water mark (kB) where told, on exit. */
const RSS_PRELOAD = `process.on('exit', () => require('node:fs').writeFileSync(process.env.PARCOURS_BENCH_RSS, String(process.resourceUsage().maxRSS)));`;

/** The far cell may cost this much memory at most, over the same workbook without it (MB). */
export const MAX_FAR_CELL_EXTRA_RSS_MB = 64;

export interface CommandFigures {
  ms: number;
  peakRssMb: number;
}

export interface FarCellFigures {
  check: CommandFigures;
  checkWithout: CommandFigures;
  reportOut: CommandFigures;
  reportOutWithout: CommandFigures;
}

function timedCommand(folder: string, argv: string[]): CommandFigures {
  const rssFile = join(folder, 'rss.txt');
  const start = performance.now();
  const run = spawnSync(process.execPath, ['-r', join(folder, 'rss-preload.js'), join(ROOT, 'bin', 'parcours.js'), ...argv], {
    cwd: folder,
    env: { ...process.env, PARCOURS_BENCH_RSS: rssFile },
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`parcours ${argv.join(' ')} : code ${run.status}\n${run.stderr}`);
  return { ms, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

export async function farCellRun(): Promise<FarCellFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'parcours-bench-far-'));
  try {
    writeFileSync(join(folder, 'rss-preload.js'), RSS_PRELOAD);
    const model = await loadXlsx(FAR_CELL_FIXTURE);
    const participants = model.sheets.find((s) => s.name === 'Participants')!;
    participants.values.length = 4;
    if (participants.attributes.length > 4) participants.attributes.length = 4;
    participants.maxRows = 1000;
    participants.maxColumns = 26;
    const without = join(folder, 'sans-cellule-lointaine.xlsx');
    await saveXlsx(model, without);
    const out = (name: string) => join(folder, name);
    return {
      check: timedCommand(folder, ['check', FAR_CELL_FIXTURE]),
      checkWithout: timedCommand(folder, ['check', without]),
      reportOut: timedCommand(folder, ['report', '--workbook', FAR_CELL_FIXTURE, '--period', '2026-T1', '--out', out('loin-bilan.xlsx')]),
      reportOutWithout: timedCommand(folder, ['report', '--workbook', without, '--period', '2026-T1', '--out', out('sans-bilan.xlsx')]),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
