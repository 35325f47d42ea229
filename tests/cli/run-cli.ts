/**
 * The command line two ways: `runCli` runs the built build/cli.js (what bin/parcours.js runs) in a
 * real child process, for what only a process shows (a kill, exit codes, stderr); the quicker
 * `parcoursInProcess` calls main() in the test's own process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../cli/parcours';

const CLI = process.env.PARCOURS_DIST
  ? `${resolve(process.env.PARCOURS_DIST)}-cli/cli.js`
  : join(__dirname, '..', '..', 'build', 'cli.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** `parcours …argv` in `cwd`; `preload` is a module run first (node --require), `env` added to the environment. */
export function runCli(argv: readonly string[], options: { cwd?: string; preload?: string; env?: Record<string, string> } = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} manque : lancez « npm run build » avant les tests (npm test le fait).`);
  const run = spawnSync(
    process.execPath,
    [...(options.preload ? ['--require', options.preload] : []), '-e', `require(${JSON.stringify(CLI)}).run(process.argv.slice(1))`, '--', ...argv],
    { cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: run.status, signal: run.signal, out: run.stdout, err: run.stderr };
}

/** `parcours …argv` in-process: its exit code and what it printed. */
export async function parcoursInProcess(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
