/**
 * The dedicated maintenance accounts of each system (10-3): user name, the password sealed
 * under the vault's account-secrets key (14-2), whether it is still the vendor's default
 * (8-5), when it was last set and when the account is next due for review (14-7). Listing an
 * account never includes its password; `readAccountSecret` is the one way out, for the reveal
 * and copy channels. Audit details name the account by id and flags only.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { AccountDraft, type AccountWarnings, type MaintenanceAccount } from '../../shared/sites';
import { AppError } from '../app-error';
import { wipe } from '../vault/key-hierarchy';
import type { VaultSession } from '../vault/vault-session';
import { openAccountSecret, sealAccountSecret } from './account-secrets';
import { parseDraft } from './parse-draft';
import { nextReviewAfter } from './review-schedule';
import { requireSystem } from './system-store';

interface AccountRow {
  readonly id: string;
  readonly systemId: string;
  readonly userName: string;
  readonly hasSecret: 0 | 1;
  readonly vendorDefault: 0 | 1;
  readonly disabled: 0 | 1;
  readonly lastChangedAt: string | null;
  readonly nextReviewAt: string;
}

// Never `secret` itself: only whether there is one.
const SELECT = `SELECT id, system_id AS systemId, user_name AS userName, secret IS NOT NULL AS hasSecret, vendor_default AS vendorDefault,
  disabled, last_changed_at AS lastChangedAt, next_review_at AS nextReviewAt FROM maintenance_accounts`;

function accountOf(row: AccountRow): MaintenanceAccount {
  return { ...row, hasSecret: row.hasSecret === 1, vendorDefault: row.vendorDefault === 1, disabled: row.disabled === 1 };
}

/** Every account, or a system's (SYSTEM_NOT_FOUND for a system that is not there). */
export function listAccounts(db: VaultDatabase, systemId?: string): MaintenanceAccount[] {
  if (systemId === undefined) return (db.prepare(`${SELECT} ORDER BY user_name, id`).all() as AccountRow[]).map(accountOf);
  requireSystem(db, systemId);
  return (db.prepare(`${SELECT} WHERE system_id = ? ORDER BY user_name, id`).all(systemId) as AccountRow[]).map(accountOf);
}

export function getAccount(db: VaultDatabase, id: string): MaintenanceAccount | null {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as AccountRow | undefined;
  return row ? accountOf(row) : null;
}

export function requireAccount(db: VaultDatabase, id: string): MaintenanceAccount {
  const account = getAccount(db, id);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  return account;
}

/**
 * Creates an account (no id; due for review six months on) or updates one. A `secret` replaces
 * the stored password and its last-change time; without one the stored password stays. Flagging
 * a vendor-default password is allowed: it is what the engineer found, and `accountWarnings`
 * keeps counting it until it is changed.
 */
export function saveAccount(session: VaultSession, input: AccountDraft, now: Date): MaintenanceAccount {
  const draft = parseDraft(AccountDraft, input);
  const { db } = session;
  const created = draft.id === undefined;
  const id = draft.id ?? randomUUID();
  const time = now.toISOString();
  const plaintext = draft.secret === undefined ? null : Buffer.from(draft.secret, 'utf8');
  try {
    db.transaction(() => {
      requireSystem(db, draft.systemId);
      const sealed = plaintext ? sealAccountSecret(session.keys.accountSecrets, id, plaintext) : null;
      if (created) {
        db.prepare(
          `INSERT INTO maintenance_accounts (id, system_id, user_name, secret, vendor_default, disabled, last_changed_at, next_review_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          draft.systemId,
          draft.userName,
          sealed,
          Number(draft.vendorDefault),
          Number(draft.disabled ?? false),
          sealed ? time : null,
          nextReviewAfter(now),
          time,
          time,
        );
      } else {
        const existing = requireAccount(db, id);
        db.prepare(
          `UPDATE maintenance_accounts SET system_id = ?, user_name = ?, vendor_default = ?, disabled = ?, updated_at = ?,
             secret = coalesce(?, secret), last_changed_at = coalesce(?, last_changed_at) WHERE id = ?`,
        ).run(
          draft.systemId,
          draft.userName,
          Number(draft.vendorDefault),
          Number(draft.disabled ?? existing.disabled),
          time,
          sealed,
          sealed ? time : null,
          id,
        );
      }
      const saved = requireAccount(db, id);
      session.audit.append('account.saved', session.actor(), {
        accountId: id,
        systemId: draft.systemId,
        created,
        secretChanged: sealed !== null,
        vendorDefault: saved.vendorDefault,
        disabled: saved.disabled,
      });
    })();
  } finally {
    wipe(plaintext);
  }
  // A replaced password's old ciphertext may still sit in a WAL frame: move the pages home, where secure_delete overwrote it.
  if (!created && plaintext) checkpoint(db);
  return requireAccount(db, id);
}

/** False when there was no such account. The row (and the sealed password with it) is deleted under secure_delete. */
export function removeAccount(session: VaultSession, id: string): boolean {
  const { db } = session;
  const removed = db.transaction(() => {
    const account = getAccount(db, id);
    if (!account) return false;
    deleteAccountRow(db, id);
    session.audit.append('account.removed', session.actor(), { accountId: id, systemId: account.systemId });
    return true;
  })();
  if (removed) checkpoint(db);
  return removed;
}

/** Inside the caller's transaction; the caller checkpoints after it commits. */
export function deleteAccountRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM maintenance_accounts WHERE id = ?').run(id);
}

/** Truncates the WAL so no deleted or replaced password lingers in it (secure_delete covers the database pages). */
export function checkpoint(db: VaultDatabase): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** The password in clear, for `accounts.reveal` and `accounts.copySecret` only. */
export function readAccountSecret(session: VaultSession, id: string): string {
  const row = session.db.prepare('SELECT secret FROM maintenance_accounts WHERE id = ?').get(id) as { secret: Buffer | null } | undefined;
  if (!row) throw new AppError('ACCOUNT_NOT_FOUND');
  if (!row.secret) throw new AppError('ACCOUNT_NO_SECRET');
  const plaintext = openAccountSecret(session.keys.accountSecrets, id, row.secret);
  try {
    return plaintext.toString('utf8');
  } finally {
    wipe(plaintext);
  }
}

/** What the dashboard warns about: vendor-default passwords still flagged (8-5) and reviews due (14-7). */
/** Across every site, or only the accounts of the systems named (one site's, for the visit there). */
export function accountWarnings(db: VaultDatabase, now: Date, systemIds?: readonly string[]): AccountWarnings {
  const row = db
    .prepare(
      `SELECT coalesce(sum(vendor_default), 0) AS vendorDefaults, coalesce(sum(next_review_at <= ?), 0) AS reviewsDue, min(next_review_at) AS nextReviewAt
       FROM maintenance_accounts WHERE ? IS NULL OR system_id IN (SELECT value FROM json_each(?))`,
    )
    .get(now.toISOString(), systemIds ? 1 : null, JSON.stringify(systemIds ?? [])) as AccountWarnings;
  return { vendorDefaults: row.vendorDefaults, reviewsDue: row.reviewsDue, nextReviewAt: row.nextReviewAt };
}
