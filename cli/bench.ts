/**
 * `npm run bench`: the funder summary through the built bundle in the local runtime, on a large
 * demo structure (1×: 600 parcours, 4 ateliers) and on ten times that. The service calls must be
 * the same for both sizes (each sheet read with one call, the summary written with one block),
 * and the 10× run must take at most 12 times as long as the 1× run.
 */
import { performance } from 'node:perf_hooks';
import { createSpreadsheetModel } from '../runtime/spreadsheet/spreadsheet-model';
import { lastCompleteQuarter } from '../src/domain/period';
import type { ParsedArgs } from './args';
import { GoalMissed } from './cli-errors';
import { demoInstant, type ReportCliContext } from './report';

export const BENCH_PARCOURS = 600;
export const BENCH_WORKSHOPS = 4;
export const MAX_TIME_RATIO = 12;

export interface BenchFigures {
  parcours: number;
  attendance: number;
  evaluations: number;
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Best of the timed generations. */
  wallMs: number;
  /** Median of the timed generations: what the 10×/1× ratio is judged on. */
  medianMs: number;
  /** Process resident-set high-water mark after the run (MB). */
  peakRssMb: number;
  /** JavaScript heap in use right after the run, garbage included (MB). */
  heapAfterMb: number;
}

/**
 * Timed generations per size. The ratio is judged on medians: on a shared machine a 1× run lasts
 * about 0.1 s, so a single lucky or unlucky run moves a best-of ratio by ±3.
 */
export const REPEATS = 5;

/**
 * The summary (all funders, the demo's latest complete quarter) on a fresh workbook of
 * `parcoursCount` parcours. Calls and cells are those of the first generation (a new sheet); the
 * wall time is the best of `repeats` generations (the later ones replace that sheet).
 */
export function benchRun(ctx: ReportCliContext, parcoursCount: number, repeats = REPEATS): BenchFigures {
  const model = createSpreadsheetModel('Parcours — banc d’essai');
  const bundle = ctx.openBundle(model, demoInstant(ctx.demoAsOf));
  const sizes = ctx.expectOk<{ parcours: number; attendance: number; evaluations: number }>(
    bundle.call('cliBenchWorkbook_', parcoursCount, BENCH_WORKSHOPS, ctx.demoAsOf),
  );
  const period = lastCompleteQuarter(ctx.demoAsOf).label;
  const calls = bundle.runtime.calls;
  let first: Pick<BenchFigures, 'serviceCalls' | 'cellsRead' | 'cellsWritten'> | null = null;
  const times: number[] = [];
  for (let run = 0; run < repeats; run += 1) {
    calls.reset();
    const start = performance.now();
    ctx.expectOk(bundle.call('cliReport_', period, null));
    times.push(performance.now() - start);
    first ??= { serviceCalls: calls.count(), cellsRead: calls.cellsRead, cellsWritten: calls.cellsWritten };
  }
  times.sort((a, b) => a - b);
  return {
    ...sizes,
    ...first!,
    wallMs: times[0]!,
    medianMs: times[Math.floor(times.length / 2)]!,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterMb: process.memoryUsage().heapUsed / (1024 * 1024),
  };
}

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

function describe(label: string, f: BenchFigures): string {
  return [
    `${label} : ${fr.format(f.parcours)} parcours, ${fr.format(f.attendance)} présences, ${fr.format(f.evaluations)} évaluations`,
    `  appels de service : ${f.serviceCalls}`,
    `  cellules lues : ${fr.format(f.cellsRead)} ; cellules écrites : ${fr.format(f.cellsWritten)}`,
    `  durée sur ${REPEATS} générations : médiane ${fr.format(f.medianMs)} ms, meilleure ${fr.format(f.wallMs)} ms ; mémoire : pic RSS ${fr.format(f.peakRssMb)} Mo, tas après calcul ${fr.format(f.heapAfterMb)} Mo`,
  ].join('\n');
}

export async function commandBench(_args: ParsedArgs, ctx: ReportCliContext): Promise<void> {
  // Warm-up on a small workbook, so the 1× figure does not include compiling the bundle.
  benchRun(ctx, BENCH_PARCOURS / 10, 1);
  const one = benchRun(ctx, BENCH_PARCOURS);
  console.log(describe('1×', one));
  const ten = benchRun(ctx, BENCH_PARCOURS * 10);
  console.log(describe('10×', ten));
  const ratio = ten.medianMs / one.medianMs;
  const sameCalls = one.serviceCalls === ten.serviceCalls;
  const fastEnough = ratio <= MAX_TIME_RATIO;
  console.log(
    `Appels de service identiques pour les deux tailles : ${sameCalls ? 'oui' : `NON (${one.serviceCalls} / ${ten.serviceCalls})`}`,
  );
  console.log(
    `Durée médiane 10× / 1× : ${ratio.toFixed(1).replace('.', ',')} (au plus ${MAX_TIME_RATIO}) : ${fastEnough ? 'oui' : 'NON'}`,
  );
  if (!sameCalls || !fastEnough) throw new GoalMissed('Banc d’essai : objectif non atteint (voir ci-dessus).');
}
