/**
 * Settings kept inside the vault: the auto-lock idle time (default 5 minutes, 1–30). A
 * change is audited (settings.changed).
 *
 * Also the one module that names the `settings` table (table-owners.ts): each feature keeps
 * its own keys and meaning, and reads and writes them through `readSetting`/`writeSetting`.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { VaultSession } from './vault-session';

/** A setting's stored text, or null when it was never set. */
export function readSetting(db: VaultDatabase, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSetting(db: VaultDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Back to the default: the key is removed. */
export function deleteSetting(db: VaultDatabase, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}

export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export function autoLockMinutes(session: VaultSession): number {
  const value = readSetting(session.db, 'auto_lock_minutes');
  const minutes = value !== null ? Number(value) : DEFAULT_AUTO_LOCK_MINUTES;
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= 30 ? minutes : DEFAULT_AUTO_LOCK_MINUTES;
}

export function setAutoLockMinutes(session: VaultSession, minutes: number): void {
  const before = autoLockMinutes(session);
  session.db.transaction(() => {
    writeSetting(session.db, 'auto_lock_minutes', String(minutes));
    session.audit.append('settings.changed', session.actor(), { setting: 'autoLockMinutes', from: before, to: minutes });
  })();
}
