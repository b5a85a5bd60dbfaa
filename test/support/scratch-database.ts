/**
 * A migrated, real SQLCipher vault database in a throw-away folder, under a random key: what the
 * unit tests of journals and migrations work on without a whole vault (no header, no keychain).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate, type Migration } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';

export interface ScratchDatabase {
  readonly db: VaultDatabase;
  /** The folder it lives in, free for the test's own files too. */
  readonly dir: string;
  /** Closes the database and removes the folder. */
  close(): Promise<void>;
}

/** Migrated with every migration, or only with `options.migrations` (a database at an older version). */
export async function scratchVaultDatabase(prefix: string, options: { migrations?: readonly Migration[] } = {}): Promise<ScratchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const db = openVaultDatabase(path.join(dir, 'vault.db'), randomBytes(32), { create: true });
  migrate(db, options.migrations);
  return {
    db,
    dir,
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
