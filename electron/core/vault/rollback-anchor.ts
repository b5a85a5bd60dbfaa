/**
 * A monotonic anchor outside the data folder (issue 17). Everything in the data folder can be
 * put back from an older copy: `throttle.json` (and the guesses it counted are given back), or
 * `vault.db` (and the end of the audit log is gone without a trace — the log's own chain and MAC
 * cannot see a whole older file). The OS keychain, which already holds the device secret, keeps
 * what the folder cannot vouch for itself:
 *
 * - the throttle counter, mirrored at every write: a restored counter file never reads lower
 *   than the keychain's;
 * - the audit log's head (sequence and hash), written at every unlock and lock: a database
 *   whose log ends before that head, or holds another entry at that sequence, is older than what
 *   this laptop last saw.
 *
 * Only vaults bound to the keychain have anchors; a password-only vault has no place outside its
 * folder (docs/threat-model.md).
 */
import { z } from 'zod';
import type { KeyStore } from './key-store';
import type { ThrottleState, ThrottleStore } from './unlock-throttle';

const StoredAnchor = z.object({
  auditSeq: z.number().int().nonnegative(),
  auditHash: z.string().regex(/^[0-9a-f]{64}$/),
  recordedAt: z.iso.datetime(),
});
export type AuditAnchor = z.infer<typeof StoredAnchor>;

const StoredCounter = z.object({ failures: z.number().int().nonnegative(), lastFailureAt: z.iso.datetime().nullable() });

const anchorAccount = (vaultId: string) => `${vaultId}:audit-anchor`;
const counterAccount = (vaultId: string) => `${vaultId}:throttle`;

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export interface RollbackFinding {
  /** 'older': the log ends before the anchor; 'replaced': another entry stands at the anchor's sequence. */
  readonly kind: 'older' | 'replaced';
  readonly anchorSeq: number;
  readonly foundSeq: number;
  readonly anchoredAt: string;
}

async function readJson<T>(keyStore: KeyStore, account: string, schema: z.ZodType<T>): Promise<T | null> {
  const stored = await keyStore.get(account).catch(() => null);
  if (!stored) return null;
  try {
    return schema.parse(JSON.parse(stored.toString('utf8')));
  } catch {
    return null;
  }
}

export function readAuditAnchor(keyStore: KeyStore, vaultId: string): Promise<AuditAnchor | null> {
  return readJson(keyStore, anchorAccount(vaultId), StoredAnchor);
}

export async function writeAuditAnchor(keyStore: KeyStore, vaultId: string, head: AuditHead, now: Date): Promise<void> {
  const anchor: AuditAnchor = { auditSeq: head.seq, auditHash: head.hash, recordedAt: now.toISOString() };
  await keyStore.set(anchorAccount(vaultId), Buffer.from(JSON.stringify(anchor), 'utf8'));
}

/** What the database's log says against the anchor: null when it still holds the anchored entry. */
export function compareWithAnchor(
  anchor: AuditAnchor | null,
  head: AuditHead | null,
  hashAt: (seq: number) => string | null,
): RollbackFinding | null {
  if (anchor === null || anchor.auditSeq === 0) return null;
  const foundSeq = head?.seq ?? 0;
  if (foundSeq < anchor.auditSeq) return { kind: 'older', anchorSeq: anchor.auditSeq, foundSeq, anchoredAt: anchor.recordedAt };
  if (hashAt(anchor.auditSeq) !== anchor.auditHash)
    return { kind: 'replaced', anchorSeq: anchor.auditSeq, foundSeq, anchoredAt: anchor.recordedAt };
  return null;
}

/**
 * The throttle counter with its keychain mirror: reads never go below what the keychain last
 * recorded, and every write goes to both. A keychain that cannot be read adds nothing (the device
 * secret, from the same keychain, is then missing too and the vault cannot be unlocked by password).
 */
export function mirroredThrottleStore(file: ThrottleStore, keyStore: KeyStore, vaultId: string): ThrottleStore {
  return {
    async read() {
      const [state, mirror] = await Promise.all([file.read(), readJson(keyStore, counterAccount(vaultId), StoredCounter)]);
      if (state.tampered || mirror === null || mirror.failures <= state.failures) return state;
      return { failures: mirror.failures, lastFailureAt: mirror.lastFailureAt, tampered: false } satisfies ThrottleState;
    },
    async write(state) {
      await file.write(state);
      // A keychain that refuses the write leaves the file's counter, which still throttles.
      await keyStore
        .set(counterAccount(vaultId), Buffer.from(JSON.stringify({ failures: state.failures, lastFailureAt: state.lastFailureAt }), 'utf8'))
        .catch(() => undefined);
    },
  };
}
