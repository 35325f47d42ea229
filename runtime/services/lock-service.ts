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
  getDocumentLock(): FakeLock;
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

function requireTimeout(method: string, timeout: unknown): void {
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0 || timeout > MAX_WAIT_MS) {
    throw new AppsScriptException(`Invalid argument: ${method} expects a timeout between 0 and ${MAX_WAIT_MS} ms.`);
  }
}

/**
 * Executions are simulated one after the other in one thread, so waiting cannot let another
 * execution finish: a lock held elsewhere makes tryLock return false and waitLock throw at once.
 */
function createLock(execution: ExecutionState, state: SharedLockState): FakeLock {
  const { ctx, executionId } = execution;
  const acquire = (): boolean => {
    if (state.owner !== null && state.owner !== executionId) return false;
    state.owner = executionId;
    return true;
  };
  return {
    tryLock(timeout) {
      recordCall(ctx, 'Lock.tryLock');
      requireTimeout('Lock.tryLock', timeout);
      return acquire();
    },
    waitLock(timeout) {
      recordCall(ctx, 'Lock.waitLock');
      requireTimeout('Lock.waitLock', timeout);
      if (!acquire()) throw new AppsScriptException('Lock timeout: another process was holding the lock for too long.');
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
}

export function createLockService(
  execution: ExecutionState,
  shared: SharedDocumentState,
): { service: FakeLockService; inspector: LockInspector } {
  const { ctx, executionId } = execution;
  const userLock = (): SharedLockState => entryFor(shared.userLocks, ctx.userEmail, () => ({ owner: null }));
  const service: FakeLockService = {
    getDocumentLock() {
      recordCall(ctx, 'LockService.getDocumentLock');
      requireAuthMode(execution, 'LockService.getDocumentLock', 'LIMITED');
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
