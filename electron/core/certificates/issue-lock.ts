/**
 * One certificate issue at a time per data folder, across the app and every `fieldguard`
 * process. A result that is issued once (an erasure result) is checked "not yet issued", then
 * signed, then marked — seconds apart. Two processes doing that at once both saw "not yet" and
 * both signed: two certificates for one erasure, the second refused only after it was stored.
 * Inside this lock the check, the signature and the mark are one turn, so the second caller
 * finds the result issued and signs nothing.
 *
 * The lock is a proper-lockfile directory in the data folder (as the password tries use), so a
 * process killed while issuing leaves a stale lock that the next one takes over.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../app-error';

export const ISSUE_LOCK_FILE = 'certificate-issue.lock';

/** Signing with an embedded font and a time-stamp request can take a while: wait ~2 minutes for the other issue. */
const LOCK_RETRIES = { retries: 600, minTimeout: 50, maxTimeout: 200 } as const;
/** A lock whose holder stopped refreshing it for this long (killed) is taken over. */
const STALE_MS = 10_000;

/** Runs `work` (check, sign, mark) while no other process or call issues in this data folder. */
export async function withIssueLock<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, ISSUE_LOCK_FILE),
      realpath: false,
      stale: STALE_MS,
      retries: LOCK_RETRIES,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new AppError('CERTIFICATE_ISSUE_BUSY');
    throw error;
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
