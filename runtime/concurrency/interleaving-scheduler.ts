/**
 * Concurrent executions as they happen on Google: several executions of the built bundle on one
 * spreadsheet, each suspended at every service call while the scheduler lets another one make
 * its next call. Each execution runs in a worker thread (its stack really waits, see
 * execution-worker.ts); the services and the shared model stay on this thread, so exactly one
 * service call happens at a time, in the order a chooser decides: seeded at random, or
 * systematically (preempt one execution after its k-th call).
 *
 * Time is virtual: each call costs `callMillis`. A waitLock/tryLock on a lock another execution
 * holds is held back until that execution releases it (it then succeeds) or until its timeout
 * has passed in virtual time (it then fails with Google's message / returns false).
 */
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { type AppsScriptRuntime, createRuntime, type RuntimeOptions } from '../apps-script-runtime';
import { HOST_REALM } from '../runtime-context';
import { LOCK_CONTENTION, type LockContention, lockTimeoutOf } from '../services/lock-service';
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import {
  type CallReply,
  fromWire,
  methodNamesOf,
  type StartMessage,
  toWire,
  type WireError,
  type WireHandle,
  type WorkerMessage,
  wireErrorOf,
} from './wire-values';

export interface ExecutionSpec {
  /** A top-level function of the bundle (a google.script.run target, a trigger…). */
  functionName: string;
  args?: unknown[];
  label?: string;
  userEmail?: string;
  authMode?: RuntimeOptions['authMode'];
  withUi?: boolean;
}

export interface ExecutionOutcome {
  spec: ExecutionSpec;
  label: string;
  /** The function's return value (copied), when it returned. */
  result?: unknown;
  /** What it threw, when it threw. */
  error?: WireError;
  /** Service calls it made. */
  calls: number;
  runtime: AppsScriptRuntime;
}

/** What a chooser sees of an execution that may make its next call now. */
export interface RunnableExecution {
  index: number;
  label: string;
  /** Calls it has made so far. */
  calls: number;
  /** The call it is waiting to make, `Class.method`-like (`Lock.waitLock`, `Range.setValues`). */
  nextCall: string;
}

export type Chooser = (runnable: readonly RunnableExecution[], step: number) => RunnableExecution;

/** Picks at random among the runnable executions; a seeded `random` makes the schedule reproducible. */
export function randomChooser(random: () => number): Chooser {
  return (runnable) => runnable[Math.floor(random() * runnable.length)]!;
}

/**
 * Systematic preemption: execution `first` runs alone for `afterCalls` calls, then `second` runs
 * for as long as it can, then the lowest index that can. Every k from 0 to first's call count
 * covers every point at which another execution can come between two of first's calls.
 */
export function preemptAfter(afterCalls: number, first = 0, second = 1): Chooser {
  return (runnable) => {
    const pick = (index: number) => runnable.find((r) => r.index === index);
    const a = pick(first);
    if (a && a.calls < afterCalls) return a;
    return pick(second) ?? a ?? runnable[0]!;
  };
}

export interface SchedulerOptions {
  model: SpreadsheetModel;
  /** The folder holding Code.js and the HTML files (dist/). */
  distDir: string;
  /** Virtual start time. */
  start: Date;
  chooser: Chooser;
  /** Virtual duration of one service call (Google's are tens to hundreds of ms). */
  callMillis?: number;
  userEmail?: string;
}

interface PoolWorker {
  worker: Worker;
  signal: Int32Array;
  replies: MessagePort;
  /** Resolves with the next message of the execution it runs. */
  next: Promise<WorkerMessage>;
  busy: boolean;
}

let workerSource: string | null = null;

/** The worker entry bundled once per process (esbuild is already our bundler). */
function compiledWorker(): string {
  if (workerSource === null) {
    const result = buildSync({
      entryPoints: [join(__dirname, 'execution-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'warning',
    });
    workerSource = result.outputFiles[0]!.text;
  }
  return workerSource;
}

/**
 * Threads that each run one execution at a time; kept between schedules because a fresh
 * thread costs far more than a fresh node:vm context.
 */
export class ExecutionPool {
  private readonly workers: PoolWorker[] = [];
  private readonly code: string;
  private readonly cachedData: Uint8Array;
  private readonly filename: string;

  constructor(
    readonly distDir: string,
    readonly size: number,
  ) {
    this.filename = join(distDir, 'Code.js');
    this.code = readFileSync(this.filename, 'utf8');
    this.cachedData = new vm.Script(this.code, { filename: this.filename }).createCachedData();
  }

  private spawn(): PoolWorker {
    const buffer = new SharedArrayBuffer(8);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(compiledWorker(), {
      eval: true,
      workerData: { code: this.code, filename: this.filename, cachedData: this.cachedData, signal: buffer, replies: port2 },
      transferList: [port2],
    });
    worker.unref();
    const pooled: PoolWorker = { worker, signal: new Int32Array(buffer), replies: port1, next: Promise.resolve(null as never), busy: false };
    return pooled;
  }

  /** A worker free to run an execution (spawned when all are busy, up to `size`). */
  acquire(): PoolWorker | null {
    const free = this.workers.find((w) => !w.busy);
    if (free) return free;
    if (this.workers.length >= this.size) return null;
    const spawned = this.spawn();
    this.workers.push(spawned);
    return spawned;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    for (const w of this.workers) w.replies.close();
    this.workers.length = 0;
  }
}

function nextMessage(worker: Worker): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      worker.off('error', onError);
      resolve(message);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}

interface LiveExecution {
  index: number;
  spec: ExecutionSpec;
  label: string;
  runtime: AppsScriptRuntime;
  worker: PoolWorker | null;
  handles: Map<number, object>;
  /** Class shapes whose methods this execution's worker already knows. */
  shapes: Set<number>;
  pending: { handle: number; method: string; args: unknown[]; name: string; blockedUntil: number | null; contention: LockContention | null } | null;
  calls: number;
  outcome: ExecutionOutcome | null;
}

/** Numbers objects by identity, for handles (one per service object) and shapes (one per class). */
function numbering(): (value: object) => number {
  const ids = new WeakMap<object, number>();
  let next = 1;
  return (value) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = next++;
      ids.set(value, id);
    }
    return id;
  };
}
const handleIdOf = numbering();
const shapeIdOf = numbering();

/** `Class.method` for traces and choosers: the class name of the object, or its service name. */
function callName(target: object, method: string, serviceNames: Map<object, string>): string {
  const named = serviceNames.get(target);
  if (named) return `${named}.${method}`;
  if (LOCK_CONTENTION in target) return `Lock.${method}`;
  const constructorName = (Object.getPrototypeOf(target) as { constructor?: { name?: string } } | null)?.constructor?.name;
  const className = constructorName && constructorName !== 'Object' ? constructorName.replace(/^Fake/, '') : 'Object';
  return `${className}.${method}`;
}

/**
 * Runs `specs` as concurrent executions on `options.model` and resolves with each one's
 * outcome, in the order of `specs`. At most `pool.size` run at once; the others start as
 * earlier ones end. `trace` receives every call made, in order.
 */
export async function runInterleaved(
  pool: ExecutionPool,
  specs: readonly ExecutionSpec[],
  options: SchedulerOptions,
  trace?: string[],
): Promise<ExecutionOutcome[]> {
  const callMillis = options.callMillis ?? 100;
  let clock = options.start.getTime();
  const now = (): Date => new Date(clock);
  const live: LiveExecution[] = specs.map((spec, index) => ({
    index,
    spec,
    label: spec.label ?? `${spec.functionName}#${index}`,
    runtime: createRuntime(HOST_REALM, {
      model: options.model,
      now,
      userEmail: spec.userEmail ?? options.userEmail,
      authMode: spec.authMode,
      withUi: spec.withUi,
      htmlDir: pool.distDir,
    }),
    worker: null,
    handles: new Map(),
    shapes: new Set(),
    pending: null,
    calls: 0,
    outcome: null,
  }));
  const serviceNames = new Map<object, string>();
  for (const execution of live) {
    execution.runtime.setScriptEvaluator(() => {
      throw new Error('HTML templates are not evaluated in interleaved executions.');
    });
    for (const [name, service] of Object.entries(execution.runtime.globals)) serviceNames.set(service as object, name);
  }

  const handleOf = (execution: LiveExecution) => (value: object): WireHandle => {
    const id = handleIdOf(value);
    const known = execution.handles.has(id);
    execution.handles.set(id, value);
    if (known) return { $h: id };
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) {
      const shape = shapeIdOf(proto);
      if (execution.shapes.has(shape)) return { $h: id, shape };
      execution.shapes.add(shape);
      return { $h: id, shape, methods: methodNamesOf(value) };
    }
    const props: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (typeof item !== 'function') props[key] = toWire(item, handleOf(execution));
    return { $h: id, methods: methodNamesOf(value), props };
  };
  const objectOf = (execution: LiveExecution) => (handle: WireHandle): object => {
    const target = execution.handles.get(handle.$h);
    if (target === undefined) throw new TypeError('Unknown Apps Script object.');
    return target;
  };

  const finish = (execution: LiveExecution, message: Extract<WorkerMessage, { kind: 'done' | 'threw' }>): void => {
    execution.runtime.endExecution();
    const outcome: ExecutionOutcome = { spec: execution.spec, label: execution.label, calls: execution.calls, runtime: execution.runtime };
    if (message.kind === 'done') outcome.result = fromWire(message.result, HOST_REALM, () => ({}));
    else outcome.error = message.error;
    execution.outcome = outcome;
    execution.pending = null;
    if (execution.worker) execution.worker.busy = false;
    execution.worker = null;
  };

  /** Takes the execution's next message: a call it now waits to make, or its end. */
  const settle = async (execution: LiveExecution): Promise<void> => {
    const message = await execution.worker!.next;
    if (message.kind !== 'call') {
      finish(execution, message);
      return;
    }
    execution.worker!.next = nextMessage(execution.worker!.worker);
    const target = execution.handles.get(message.handle)!;
    const probe = (target as Record<symbol, LockContention | undefined>)[LOCK_CONTENTION] ?? null;
    const timeout = (message.method === 'waitLock' || message.method === 'tryLock') && probe ? lockTimeoutOf(message.args[0]) : null;
    execution.pending = {
      handle: message.handle,
      method: message.method,
      args: message.args,
      name: callName(target, message.method, serviceNames),
      contention: timeout === null ? null : probe,
      blockedUntil: timeout === null ? null : clock + timeout,
    };
  };

  let queued = 0;
  /** Starts queued executions while a worker is free. */
  const startQueued = async (): Promise<void> => {
    while (queued < live.length) {
      const worker = pool.acquire();
      if (worker === null) return;
      const execution = live[queued]!;
      queued += 1;
      worker.busy = true;
      execution.worker = worker;
      worker.next = nextMessage(worker.worker);
      const globals: Record<string, WireHandle> = {};
      for (const [name, service] of Object.entries(execution.runtime.globals)) globals[name] = handleOf(execution)(service as object);
      const start: StartMessage = {
        kind: 'start',
        functionName: execution.spec.functionName,
        args: (execution.spec.args ?? []).map((arg) => toWire(arg, handleOf(execution))),
        globals,
        now: clock,
      };
      worker.worker.postMessage(start);
      await settle(execution);
    }
  };

  const canRun = (execution: LiveExecution): boolean => {
    const pending = execution.pending;
    if (pending === null) return false;
    if (pending.contention === null || pending.blockedUntil === null) return true;
    return !pending.contention.heldByAnother() || clock >= pending.blockedUntil;
  };

  await startQueued();
  let step = 0;
  while (live.some((e) => e.outcome === null)) {
    const runnable = live.filter(canRun);
    if (runnable.length === 0) {
      // Everyone waits for a lock: time passes until the first timeout.
      const deadlines = live.flatMap((e) => (e.pending?.blockedUntil != null ? [e.pending.blockedUntil] : []));
      if (deadlines.length === 0) {
        const states = live.map((e) => `${e.label}: ${e.outcome ? 'ended' : e.pending ? e.pending.name : e.worker ? 'running' : 'queued'}`);
        throw new Error(`Interleaving runtime: no execution can go on (${states.join('; ')}).`);
      }
      clock = Math.max(clock, Math.min(...deadlines));
      continue;
    }
    const chosen = options.chooser(
      runnable.map((e) => ({ index: e.index, label: e.label, calls: e.calls, nextCall: e.pending!.name })),
      step,
    );
    const execution = live[chosen.index]!;
    const pending = execution.pending!;
    step += 1;
    execution.calls += 1;
    clock += callMillis;
    trace?.push(`${execution.label} ${pending.name}`);
    let reply: CallReply;
    try {
      const target = execution.handles.get(pending.handle)!;
      const args = pending.args.map((arg) => fromWire(arg, HOST_REALM, objectOf(execution)));
      const method = (target as Record<string, unknown>)[pending.method];
      if (typeof method !== 'function') throw new TypeError(`${pending.name} is not a function`);
      const value = (method as (...a: unknown[]) => unknown).apply(target, args);
      reply = { now: clock, value: toWire(value, handleOf(execution)) };
    } catch (error) {
      reply = { now: clock, error: wireErrorOf(error) };
    }
    execution.pending = null;
    const worker = execution.worker!;
    worker.replies.postMessage(reply);
    Atomics.store(worker.signal, 0, 1);
    Atomics.notify(worker.signal, 0);
    await settle(execution);
    if (execution.outcome !== null) await startQueued();
  }
  return live.map((e) => e.outcome!);
}
