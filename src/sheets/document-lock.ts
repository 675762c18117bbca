/**
 * Runs spreadsheet work under the document lock, so two runs (a double click, two
 * collaborators) never interleave their writes: the second waits, then gives a clear message.
 */
import { UserError } from '../core/errors';

export const LOCK_WAIT_MS = 10_000;

export function withDocumentLock<T>(what: string, run: () => T): T {
  // Null only outside a document (a standalone script run): nothing to share the document with.
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) return run();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserError(
      `Another ${what} is still writing to this spreadsheet (a second click, or a collaborator running the planner). Wait a few seconds and try again.`,
    );
  }
  try {
    return run();
  } finally {
    lock.releaseLock();
  }
}
