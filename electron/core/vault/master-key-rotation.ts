/**
 * Replacing the master key (e.g. after a colleague may have seen the screen, or by policy)
 * without losing anything if the laptop dies half-way. The new key is first recorded as
 * `pending` in the header; the database's contents are re-wrapped in one transaction that
 * also records the new generation; then the database is re-keyed; then the header promotes
 * the pending key. `completeRotation` runs at every unlock and finishes or undoes whatever
 * step was interrupted.
 *
 * The recovery path is rotated too: the new master key's recovery copy is wrapped under a
 * recovery key drawn for this rotation (and shown once), never under the old one, and nothing
 * in the database can unwrap it. Whoever once held the old database key, the old master key
 * or the old recovery key cannot open the vault after the rotation (issue 17).
 */
import { copyFile, open, rename, rm } from 'node:fs/promises';
import { openVaultDatabase, rekeyDatabase } from '../../db/open-vault-database';
import { AppError } from '../app-error';
import { syncDirectory } from './atomic-file';
import { deriveRecoveryKey, deriveVaultKeys, newKey, wipe, wipeVaultKeys, wrapKey } from './key-hierarchy';
import { rewrapFileKeys } from './file-keys';
import { resealAccountSecrets } from '../sites/account-secrets';
import { rewrapSigningKeys } from './signing-key';
import { masterKeyContext, writeHeader, type VaultHeader } from './vault-header';
import { databasePath, openSession, type VaultSession } from './vault-session';
import { overwriteOpenFile } from './shred-file';
import { deleteVaultMeta, readVaultMeta, updateVaultMeta } from './vault-meta';

export interface RotationProgress {
  readonly step: 'prepare' | 'files' | 'keys' | 'audit' | 'database' | 'done';
  readonly done: number;
  readonly total: number;
}

function generationInDatabase(session: VaultSession): number {
  const value = readVaultMeta(session.db, 'master_generation');
  return value !== null ? Number(value) : 0;
}

/**
 * Re-encrypts the database file under a new key without ever touching the only good copy:
 * the session is closed with its WAL checkpointed, a copy is re-keyed and flushed, and the
 * copy replaces the original by an atomic rename. (An in-place `PRAGMA rekey` rewrites
 * pages one by one: a kill in the middle left a file neither key could open.)
 */
async function rekeyDatabaseFile(session: VaultSession, oldKey: Buffer, newKey: Buffer): Promise<void> {
  session.db.pragma('wal_checkpoint(TRUNCATE)');
  session.db.pragma('journal_mode = DELETE');
  session.close();
  const original = databasePath(session.dataDir);
  const copy = `${original}.rekey`;
  await rm(copy, { force: true });
  await copyFile(original, copy);
  const db = openVaultDatabase(copy, oldKey, { create: false, journal: 'delete' });
  try {
    rekeyDatabase(db, newKey);
  } finally {
    db.close();
  }
  const handle = await open(copy, 'r+');
  await handle.sync();
  await handle.close();
  // The old file, held open across the rename, is overwritten once the new one is in place: a past
  // holder of the old database key must not find it in freed blocks (issue 17). Windows cannot
  // rename over an open file, so there the old file's blocks are left to the OS.
  const old = process.platform === 'win32' ? null : await open(original, 'r+');
  try {
    await rename(copy, original);
    await syncDirectory(session.dataDir);
    if (old) await overwriteOpenFile(old);
  } finally {
    await old?.close();
  }
}

function tryOpen(dataDir: string, key: Buffer, generation: number, now: () => Date): VaultSession | null {
  try {
    return openSession(dataDir, key, generation, { create: false, now });
  } catch (error) {
    // Not a key that fails to open the file: the key did, and the schema is a newer app's.
    if (error instanceof AppError && error.code === 'VAULT_SCHEMA_NEWER') throw error;
    return null;
  }
}

/** Opens the vault after unlock, finishing or undoing an interrupted rotation. */
export async function completeRotation(
  dataDir: string,
  header: VaultHeader,
  master: Buffer,
  pending: Buffer | null,
  now: () => Date,
): Promise<VaultSession> {
  if (!header.pending || !pending) {
    // A re-keyed copy left by a crash is encrypted and useless: remove it.
    await rm(`${databasePath(dataDir)}.rekey`, { force: true });
    const session = tryOpen(dataDir, master, header.masterKey.generation, now);
    if (!session) throw new AppError('VAULT_DATABASE_DAMAGED');
    return session;
  }
  const promoted: VaultHeader = { ...header, masterKey: header.pending, pending: null };
  const underOld = tryOpen(dataDir, master, header.masterKey.generation, now);
  if (underOld) {
    if (generationInDatabase(underOld) !== header.pending.generation) {
      // The contents were never switched: the rotation is undone.
      await writeHeader(dataDir, { ...header, pending: null });
      return underOld;
    }
    // The contents were switched but the file was not re-keyed yet: do it again from the start.
    const oldKeys = deriveVaultKeys(master);
    const newKeys = deriveVaultKeys(pending);
    await rekeyDatabaseFile(underOld, oldKeys.database, newKeys.database);
    wipeVaultKeys(oldKeys);
    wipeVaultKeys(newKeys);
  }
  const underNew = tryOpen(dataDir, pending, header.pending.generation, now);
  if (!underNew) throw new AppError('VAULT_DATABASE_DAMAGED');
  await writeHeader(dataDir, promoted);
  return underNew;
}

/** What the new master key is wrapped under: the password's key-encryption key and the new recovery key's secret. */
export interface RotationWrapping {
  readonly password: Buffer;
  readonly recovery: Buffer;
}

export async function rotateMasterKeyOf(
  session: VaultSession,
  header: VaultHeader,
  wrapping: RotationWrapping,
  now: () => Date,
  onProgress: (progress: RotationProgress) => void = () => {},
): Promise<VaultSession> {
  onProgress({ step: 'prepare', done: 0, total: 1 });
  const generation = header.masterKey.generation + 1;
  const recoveryKek = deriveRecoveryKey(wrapping.recovery, Buffer.from(header.recoverySalt, 'base64'));
  const next = newKey();
  const pending = {
    generation,
    byPassword: wrapKey(wrapping.password, next, masterKeyContext(header, generation, 'password')),
    byRecovery: wrapKey(recoveryKek, next, masterKeyContext(header, generation, 'recovery')),
  };
  wipe(recoveryKek);
  const withPending: VaultHeader = { ...header, pending };
  await writeHeader(session.dataDir, withPending);

  const newKeys = deriveVaultKeys(next);
  session.db.transaction(() => {
    rewrapFileKeys(session.db, session.keys.fileWrap, newKeys.fileWrap, (done, total) => onProgress({ step: 'files', done, total }));
    onProgress({ step: 'keys', done: 0, total: 1 });
    rewrapSigningKeys(session.db, session.keys.signingWrap, newKeys.signingWrap);
    resealAccountSecrets(session.db, session.keys.accountSecrets, newKeys.accountSecrets);
    onProgress({ step: 'audit', done: 0, total: 1 });
    session.audit.remac(newKeys.auditMac);
    updateVaultMeta(session.db, 'master_generation', String(generation));
    // Vaults made before issue 17 kept the recovery KEK here; the re-keyed file must not carry it on.
    deleteVaultMeta(session.db, 'recovery_kek');
  })();
  onProgress({ step: 'database', done: 0, total: 1 });
  const oldDatabaseKey = Buffer.from(session.keys.database);
  await rekeyDatabaseFile(session, oldDatabaseKey, newKeys.database);
  wipe(oldDatabaseKey);
  wipeVaultKeys(newKeys);
  await writeHeader(session.dataDir, { ...header, masterKey: pending, pending: null });
  const reopened = openSession(session.dataDir, next, generation, { create: false, now });
  wipe(next);
  onProgress({ step: 'done', done: 1, total: 1 });
  return reopened;
}
