import { UserError } from '../domain/user-error';

/**
 * Every write that depends on what is already in the workbook (new IDs, appended rows) happens
 * inside the document lock, and the writes are flushed before the lock is released, so two
 * coordinators saving at the same moment never get the same ID or overwrite each other's row.
 */
const LOCK_WAIT_MS = 30_000;

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new UserError('Verrou du classeur indisponible : réessayez depuis le classeur.');
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new UserError('Un autre enregistrement est en cours : réessayez dans quelques secondes.');
  }
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
