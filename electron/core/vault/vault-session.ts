/**
 * An unlocked vault: the open database, the keys derived from the master key, and the
 * audit log. It exists only between unlock and lock; `close()` closes the database and
 * overwrites every key it holds (docs/decisions.md, "Keys only in memory while unlocked").
 */
import path from 'node:path';
import { isDatabaseIntact, openVaultDatabase, type VaultDatabase } from '../../db/open-vault-database';
import { AppError } from '../app-error';
import { migrate } from '../../db/migrate';
import { createAuditLog, type AuditLog } from '../audit/audit-log';
import { deriveVaultKeys, wipeVaultKeys, type VaultKeys } from './key-hierarchy';

export const VAULT_DATABASE_FILE = 'vault.db';
export const VAULT_FILES_DIR = 'files';

export interface Profile {
  readonly name: string;
  readonly company: string;
  readonly employeeId: string;
  readonly title: string;
}

export interface VaultSession {
  readonly dataDir: string;
  readonly db: VaultDatabase;
  readonly keys: VaultKeys;
  readonly audit: AuditLog;
  readonly masterGeneration: number;
  profile(): Profile;
  /** Who the audit log names as the actor: the engineer's name and employee id. */
  actor(): string;
  close(): void;
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, VAULT_DATABASE_FILE);
}

export function filesDir(dataDir: string): string {
  return path.join(dataDir, VAULT_FILES_DIR);
}

/** Opens the database with keys from `masterKey` (throws what openVaultDatabase throws) and migrates it. */
/** The engineer's profile, written once when the vault is made (the only row of `profile`). */
export function insertProfile(
  db: VaultDatabase,
  profile: { readonly name: string; readonly company: string; readonly employeeId: string },
): void {
  db.prepare('INSERT INTO profile (id, name, company, employee_id) VALUES (1, ?, ?, ?)').run(
    profile.name,
    profile.company,
    profile.employeeId,
  );
}

export function openSession(
  dataDir: string,
  masterKey: Buffer,
  masterGeneration: number,
  options: { create: boolean; now?: () => Date },
): VaultSession {
  const keys = deriveVaultKeys(masterKey);
  let db: VaultDatabase | null = null;
  try {
    db = openVaultDatabase(databasePath(dataDir), keys.database, { create: options.create });
    // Every page's HMAC, checked once per unlock: the database holds metadata only, so this is quick,
    // and a damaged or edited file is reported as such instead of failing somewhere later.
    if (!options.create && !isDatabaseIntact(db)) throw new AppError('VAULT_DATABASE_DAMAGED');
    migrate(db);
  } catch (error) {
    db?.close();
    wipeVaultKeys(keys);
    throw error;
  }
  const audit = createAuditLog(db, keys.auditMac, options.now);
  const readProfile = (): Profile => {
    const row = db.prepare('SELECT name, company, employee_id AS employeeId, title FROM profile WHERE id = 1').get() as Profile | undefined;
    return row ?? { name: '', company: '', employeeId: '', title: '' };
  };
  let open = true;
  return {
    dataDir,
    db,
    keys,
    audit,
    masterGeneration,
    profile: readProfile,
    actor() {
      const profile = readProfile();
      return profile.employeeId ? `${profile.name} (${profile.employeeId})` : profile.name;
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
      wipeVaultKeys(keys);
    },
  };
}
