/**
 * Slows password guessing on the unlock screen: after 5 wrong passwords each further try
 * waits longer (30 s, doubling), and after 10 in a row only the recovery key unlocks. The
 * count lives in throttle.json, MACed with a key from the device secret, so deleting or
 * editing it is detected (and then only the recovery key unlocks). A password-only vault
 * has no device secret: its counter is MACed with a key anyone could derive — a documented
 * limit (docs/threat-model.md).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomic-file';

export const THROTTLE_FILE = 'throttle.json';
export const FREE_ATTEMPTS = 5;
export const RECOVERY_AFTER = 10;
const FIRST_DELAY_MS = 30_000;

const StoredThrottle = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.iso.datetime().nullable(),
  tampered: z.boolean(),
  mac: z.string(),
});

export interface ThrottleState {
  readonly failures: number;
  readonly lastFailureAt: string | null;
  /** The stored counter was missing, edited or damaged. */
  readonly tampered: boolean;
}

export interface ThrottleVerdict {
  readonly retryAt: string | null;
  readonly recoveryRequired: boolean;
}

/** When the next password try is allowed, and whether only the recovery key may unlock. */
export function judgeThrottle(state: ThrottleState): ThrottleVerdict {
  if (state.tampered || state.failures >= RECOVERY_AFTER) return { retryAt: null, recoveryRequired: true };
  if (state.failures < FREE_ATTEMPTS || state.lastFailureAt === null) return { retryAt: null, recoveryRequired: false };
  const delay = FIRST_DELAY_MS * 2 ** (state.failures - FREE_ATTEMPTS);
  return { retryAt: new Date(Date.parse(state.lastFailureAt) + delay).toISOString(), recoveryRequired: false };
}

function mac(key: Buffer, state: ThrottleState): string {
  return createHmac('sha256', key)
    .update(`${state.failures}|${state.lastFailureAt ?? '-'}|${String(state.tampered)}`)
    .digest('base64');
}

export interface ThrottleStore {
  read(): Promise<ThrottleState>;
  write(state: ThrottleState): Promise<void>;
}

/**
 * `expectFile`: the vault exists, so a missing counter file means someone deleted it.
 */
export function createThrottleStore(dataDir: string, macKey: Buffer, expectFile: () => boolean): ThrottleStore {
  const file = path.join(dataDir, THROTTLE_FILE);
  const tampered: ThrottleState = { failures: RECOVERY_AFTER, lastFailureAt: null, tampered: true };
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return expectFile() ? tampered : { failures: 0, lastFailureAt: null, tampered: false };
      }
      try {
        const stored = StoredThrottle.parse(JSON.parse(text));
        const state = { failures: stored.failures, lastFailureAt: stored.lastFailureAt, tampered: stored.tampered };
        const expected = Buffer.from(mac(macKey, state), 'base64');
        const actual = Buffer.from(stored.mac, 'base64');
        return expected.length === actual.length && timingSafeEqual(expected, actual) ? state : tampered;
      } catch {
        return tampered;
      }
    },
    async write(state) {
      await writeFileAtomically(file, `${JSON.stringify({ ...state, mac: mac(macKey, state) })}\n`);
    },
  };
}
