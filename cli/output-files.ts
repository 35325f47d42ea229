/**
 * Writing files without ever leaving one half-written. Each output is first written to a
 * temporary file beside its target (same folder, so the same disk), flushed to disk, and only
 * then renamed over the target: a full disk, an error or a killed process leaves the original
 * exactly as it was. A command's outputs are staged together and renamed only once all of them
 * were written, so a JSON never appears without the workbook that failed after it. Ctrl-C
 * removes the temporary files before exiting; those of a killed save go at the next save.
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Writes one file to the path it is given (a temporary path, never the target itself). */
export type FileWriter = (temporaryPath: string) => Promise<void> | void;

/**
 * The real path an output will have: through symlinks and `./`, for an existing file or for a
 * new file in an existing folder. Two paths naming the same file give the same string.
 */
export function realTarget(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

function flushToDisk(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface Staged {
  target: string;
  temporary: string;
}

/** `.NAME.PID-HEX.tmp`: the temporary file of a save of NAME by process PID. */
function temporaryName(target: string): string {
  return `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/**
 * A save killed outright (SIGKILL, power cut) cannot remove its temporary file; the next save of
 * the same file removes those whose process is gone, so hidden files never pile up beside it.
 */
function removeLeftovers(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const owner = /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (owner && !processIsAlive(Number(owner[1]))) rmSync(join(dirname(target), name), { force: true });
  }
}

/** Temporary files of this process not yet renamed: removed if the person presses Ctrl-C. */
const pending = new Set<string>();
const INTERRUPTIONS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onInterruption(): void {
  for (const temporary of pending) rmSync(temporary, { force: true });
  console.error('Interrompu avant la fin : aucun fichier n’a été remplacé, ceux qui existaient sont intacts.');
  process.exit(2);
}

function track(temporary: string): void {
  if (pending.size === 0) for (const signal of INTERRUPTIONS) process.on(signal, onInterruption);
  pending.add(temporary);
}

function untrack(temporary: string): void {
  if (!pending.delete(temporary) || pending.size > 0) return;
  for (const signal of INTERRUPTIONS) process.off(signal, onInterruption);
}

/** Outputs written to temporary files now, renamed over their targets together by commit(). */
export class StagedOutputs {
  private readonly staged: Staged[] = [];

  /** Writes `path`'s content to a temporary file beside it; the target is not touched yet. */
  async stage(path: string, write: FileWriter): Promise<void> {
    const target = realTarget(path);
    const temporary = join(dirname(target), temporaryName(target));
    mkdirSync(dirname(target), { recursive: true });
    removeLeftovers(target);
    this.staged.push({ target, temporary });
    track(temporary);
    await write(temporary);
    flushToDisk(temporary);
    try {
      chmodSync(temporary, statSync(target).mode & 0o7777); // keep the original's permissions
    } catch {
      // a new file keeps the default permissions
    }
  }

  /** Renames every staged file over its target. */
  commit(): void {
    for (const { target, temporary } of this.staged.splice(0)) {
      renameSync(temporary, target);
      untrack(temporary);
    }
  }

  /** Removes whatever was staged; the targets are untouched. */
  discard(): void {
    for (const { temporary } of this.staged.splice(0)) {
      rmSync(temporary, { force: true });
      untrack(temporary);
    }
  }
}

/** Runs `stageAll` and commits its outputs only when it succeeded; otherwise nothing is written. */
export async function writeOutputs(stageAll: (outputs: StagedOutputs) => Promise<void>): Promise<void> {
  const outputs = new StagedOutputs();
  try {
    await stageAll(outputs);
    outputs.commit();
  } finally {
    outputs.discard();
  }
}

/** One file, atomically. */
export function writeFileAtomically(path: string, write: FileWriter): Promise<void> {
  return writeOutputs((outputs) => outputs.stage(path, write));
}
