/**
 * Settings kept inside the vault: the auto-lock idle time (default 5 minutes, 1–30). A
 * change is audited (settings.changed).
 */
import type { VaultSession } from './vault-session';

export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export function autoLockMinutes(session: VaultSession): number {
  const row = session.db.prepare("SELECT value FROM settings WHERE key = 'auto_lock_minutes'").get() as { value: string } | undefined;
  const minutes = row ? Number(row.value) : DEFAULT_AUTO_LOCK_MINUTES;
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= 30 ? minutes : DEFAULT_AUTO_LOCK_MINUTES;
}

export function setAutoLockMinutes(session: VaultSession, minutes: number): void {
  const before = autoLockMinutes(session);
  session.db.transaction(() => {
    session.db
      .prepare("INSERT INTO settings (key, value) VALUES ('auto_lock_minutes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(String(minutes));
    session.audit.append('settings.changed', session.actor(), { setting: 'autoLockMinutes', from: before, to: minutes });
  })();
}
