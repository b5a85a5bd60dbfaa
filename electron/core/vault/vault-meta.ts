/**
 * The vault's own bookkeeping (`vault_meta`: its id, the master-key generation, the audit
 * chain head, exports still being written, erasure records): the one module that names the
 * table (table-owners.ts). Each caller keeps its own key and what the value means.
 */
import type { VaultDatabase } from '../../db/open-vault-database';

/** One key's value, or null when it was never written. */
export function readVaultMeta(db: VaultDatabase, key: string): string | null {
  const value = db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(key) as string | undefined;
  return value ?? null;
}

/** Writes a key, replacing what it held. */
export function writeVaultMeta(db: VaultDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Writes a key the new vault must not have yet: a second write fails (the vault's id, its first generation). */
export function insertVaultMeta(db: VaultDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)').run(key, value);
}

/** Changes a key only where it exists (a vault made without it stays without it). */
export function updateVaultMeta(db: VaultDatabase, key: string, value: string): void {
  db.prepare('UPDATE vault_meta SET value = ? WHERE key = ?').run(value, key);
}

export function deleteVaultMeta(db: VaultDatabase, key: string): void {
  db.prepare('DELETE FROM vault_meta WHERE key = ?').run(key);
}

/**
 * One key read and written many times (the audit chain head, at every entry): the
 * statements are prepared once.
 */
export function vaultMetaEntry(db: VaultDatabase, key: string): { read(): string | undefined; write(value: string): void } {
  const read = db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck();
  const write = db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return { read: () => read.get(key) as string | undefined, write: (value) => void write.run(key, value) };
}
