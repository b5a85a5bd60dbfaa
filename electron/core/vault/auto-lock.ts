/**
 * Locks the vault when the laptop has been idle for the configured time, so that an
 * unattended laptop at a site does not stay open (7-3, 14-2). The idle time comes from the
 * OS (Electron's powerMonitor); OS screen lock and suspend lock at once (wired in main).
 */
import type { VaultService } from './vault-service';
import { autoLockMinutes } from './vault-settings';

export function createAutoLock(vault: VaultService, idleSeconds: () => number): { check(): boolean } {
  return {
    check() {
      if (!vault.isUnlocked()) return false;
      if (idleSeconds() < autoLockMinutes(vault.session()) * 60) return false;
      vault.lock('idle');
      return true;
    },
  };
}
