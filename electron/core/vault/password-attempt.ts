/**
 * One password try at a time, each one counted (issue 17). The throttle (unlock-throttle.ts) is
 * only as good as its counter: read before a 0.5–1 s Argon2id run and written after it, thirty
 * tries sent at once all read "0 failures" and were recorded as one. So every operation that
 * takes the password — unlock, password change, master-key rotation — goes through here:
 *
 * 1. it waits for its turn: a queue in this process, then a lock in the data folder
 *    (proper-lockfile), so that the app and any number of `fieldguard` processes take turns;
 * 2. it reads the counter and refuses while the throttle holds;
 * 3. it records the try as a failure *before* the KDF runs, so a process killed during the KDF
 *    has still used its try;
 * 4. it runs the test; only a right password sets the counter back to zero.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../app-error';
import { RECOVERY_AFTER, judgeThrottle, type ThrottleState, type ThrottleStore } from './unlock-throttle';

export const ATTEMPT_LOCK_FILE = 'password-attempt.lock';

/** Waiting for the other tries: ~2 minutes at most, then "wait before trying again". */
const LOCK_RETRIES = { retries: 600, minTimeout: 50, maxTimeout: 200 } as const;
/** A lock whose holder stopped refreshing it for this long (killed) is taken over. */
const STALE_MS = 10_000;

/** The tries of this process, per data folder, in order. */
const queues = new Map<string, Promise<unknown>>();

async function inTurn<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(dataDir) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  const settled = mine.catch(() => undefined);
  queues.set(dataDir, settled);
  try {
    return await mine;
  } finally {
    if (queues.get(dataDir) === settled) queues.delete(dataDir);
  }
}

async function acrossProcesses<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, ATTEMPT_LOCK_FILE),
      realpath: false,
      stale: STALE_MS,
      retries: LOCK_RETRIES,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new AppError('VAULT_THROTTLED');
    throw error;
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

export interface AttemptResult<T> {
  /** What `test` returned for the right password. */
  readonly value: T;
  /** The counter before this try: what an unlock reports as the failures before it. */
  readonly before: ThrottleState;
}

/**
 * Runs `test` as one counted password try. `test` returns a value for the right password and
 * null for a wrong one (then VAULT_WRONG_PASSWORD is thrown, the try already counted, with the
 * failures so far and the tries left before only the recovery key unlocks as its params).
 * `andThen` runs in the same turn after a right password: what it changes on the strength of
 * that password (the header of a password change) cannot interleave with another try, so two
 * changes at once never both report success. `settledMeanwhile`, asked once the turn has come,
 * gives a value when a try that went first already did what this one was for (the vault is
 * unlocked): then no password is tested and the counter is left as it is.
 */
export function tryPassword<T>(
  dataDir: string,
  throttle: ThrottleStore,
  now: () => Date,
  test: () => Promise<T | null>,
  options: { readonly andThen?: (value: T) => Promise<void>; readonly settledMeanwhile?: () => T | null } = {},
): Promise<AttemptResult<T>> {
  return inTurn(dataDir, () =>
    acrossProcesses(dataDir, async () => {
      const before = await throttle.read();
      const settled = options.settledMeanwhile?.() ?? null;
      if (settled !== null) return { value: settled, before };
      const verdict = judgeThrottle(before);
      if (before.tampered) throw new AppError('VAULT_THROTTLE_TAMPERED');
      if (verdict.recoveryRequired) throw new AppError('VAULT_RECOVERY_REQUIRED');
      if (verdict.retryAt && Date.parse(verdict.retryAt) > now().getTime()) throw new AppError('VAULT_THROTTLED');
      const failures = before.failures + 1;
      await throttle.write({ failures, lastFailureAt: now().toISOString(), tampered: false });
      const value = await test();
      // The engineer is told how many more wrong passwords are allowed before only the recovery key unlocks.
      if (value === null) throw new AppError('VAULT_WRONG_PASSWORD', { failures, triesLeft: Math.max(0, RECOVERY_AFTER - failures) });
      await throttle.write({ failures: 0, lastFailureAt: null, tampered: false });
      await options.andThen?.(value);
      return { value, before };
    }),
  );
}
