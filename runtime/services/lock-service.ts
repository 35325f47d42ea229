import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, recordCall, requireAuthMode } from './execution';
import { entryFor, type SharedDocumentState, type SharedLockState } from './shared-document-state';

export interface FakeLock {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
  hasLock(): boolean;
}

export interface FakeLockService {
  /** Null when Google cannot tie the execution to an open document (see RuntimeOptions.documentLockUnavailable). */
  getDocumentLock(): FakeLock | null;
  getScriptLock(): FakeLock;
  getUserLock(): FakeLock;
}

/** Test-side view of the locks of one execution environment. */
export interface LockInspector {
  holdsDocumentLock(): boolean;
  holdsScriptLock(): boolean;
  /** Releases every lock this execution holds, as Apps Script does when an execution ends. */
  releaseAll(): void;
}

const MAX_WAIT_MS = 300_000;

/** Google's message when waitLock runs out of time (Lock.waitLock reference). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * Key of a hidden probe on every fake Lock: whether another execution holds it right now. The
 * interleaving scheduler (runtime/concurrency) reads it to hold a waitLock/tryLock back until the
 * holder releases the lock or the timeout passes, as Google does; scripts never see it.
 */
export const LOCK_CONTENTION = Symbol('lock-contention');

export interface LockContention {
  heldByAnother(): boolean;
}

/** A valid waitLock/tryLock timeout, or null for an argument the call itself will refuse. */
export function lockTimeoutOf(timeout: unknown): number | null {
  return typeof timeout === 'number' && Number.isFinite(timeout) && timeout >= 0 && timeout <= MAX_WAIT_MS ? timeout : null;
}

function requireTimeout(method: string, timeout: unknown): void {
  if (lockTimeoutOf(timeout) === null) {
    throw new AppsScriptException(`Invalid argument: ${method} expects a timeout between 0 and ${MAX_WAIT_MS} ms.`);
  }
}

/**
 * A call reaches the fake only when it may go on: run one after the other (loadBundle), no other
 * execution can progress while this one waits, so a lock held elsewhere would still be held when
 * the timeout ends: tryLock returns false and waitLock throws Google's message. Under the
 * interleaving scheduler the call is held back until the holder releases the lock (then it
 * succeeds here) or the timeout passes (then it fails here, as on Google).
 */
function createLock(execution: ExecutionState, state: SharedLockState): FakeLock {
  const { ctx, executionId } = execution;
  const acquire = (): boolean => {
    if (state.owner !== null && state.owner !== executionId) return false;
    state.owner = executionId;
    return true;
  };
  const lock: FakeLock = {
    tryLock(timeout) {
      recordCall(ctx, 'Lock.tryLock');
      requireTimeout('Lock.tryLock', timeout);
      return acquire();
    },
    waitLock(timeout) {
      recordCall(ctx, 'Lock.waitLock');
      requireTimeout('Lock.waitLock', timeout);
      if (!acquire()) throw new AppsScriptException(LOCK_TIMEOUT_MESSAGE);
    },
    releaseLock() {
      recordCall(ctx, 'Lock.releaseLock');
      if (state.owner === executionId) state.owner = null;
    },
    hasLock() {
      recordCall(ctx, 'Lock.hasLock');
      return state.owner === executionId;
    },
  };
  const contention: LockContention = { heldByAnother: () => state.owner !== null && state.owner !== executionId };
  Object.defineProperty(lock, LOCK_CONTENTION, { value: contention, enumerable: false });
  return lock;
}

export function createLockService(
  execution: ExecutionState,
  shared: SharedDocumentState,
  documentLockUnavailable = false,
): { service: FakeLockService; inspector: LockInspector } {
  const { ctx, executionId } = execution;
  const userLock = (): SharedLockState => entryFor(shared.userLocks, ctx.userEmail, () => ({ owner: null }));
  const service: FakeLockService = {
    getDocumentLock() {
      recordCall(ctx, 'LockService.getDocumentLock');
      requireAuthMode(execution, 'LockService.getDocumentLock', 'LIMITED');
      if (documentLockUnavailable) return null;
      return createLock(execution, shared.documentLock);
    },
    getScriptLock() {
      recordCall(ctx, 'LockService.getScriptLock');
      requireAuthMode(execution, 'LockService.getScriptLock', 'LIMITED');
      return createLock(execution, shared.scriptLock);
    },
    getUserLock() {
      recordCall(ctx, 'LockService.getUserLock');
      requireAuthMode(execution, 'LockService.getUserLock', 'LIMITED');
      return createLock(execution, userLock());
    },
  };
  const inspector: LockInspector = {
    holdsDocumentLock: () => shared.documentLock.owner === executionId,
    holdsScriptLock: () => shared.scriptLock.owner === executionId,
    releaseAll() {
      for (const lock of [shared.documentLock, shared.scriptLock, ...shared.userLocks.values()]) {
        if (lock.owner === executionId) lock.owner = null;
      }
    },
  };
  return { service, inspector };
}
