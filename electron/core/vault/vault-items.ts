/**
 * Files in the vault (7-2, 7-3): imported from files and folders for a visit or case,
 * listed with size, date, origin and SHA-256, exported as decrypted copies (audited), and
 * erased cryptographically (10-1). Each step is ordered so that a crash leaves the item
 * either fully there or fully gone; `vault-recovery-sweep.ts` finishes the rest at unlock.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VaultDatabase } from '../../db/open-vault-database';
import { AppError } from '../app-error';
import { auditDetailValues } from '../audit/audit-log';
import { walkFiles } from '../files/walk-files';
import { decryptFile, encryptFile } from './file-cipher';
import { unwrapFileKey, wrapFileKey } from './file-keys';
import { newKey, wipe } from './key-hierarchy';
import { shredFile } from './shred-file';
import { readVaultMeta, writeVaultMeta } from './vault-meta';
import { filesDir, type VaultSession } from './vault-session';

export interface VaultItem {
  readonly id: string;
  readonly collection: string;
  readonly name: string;
  readonly relativePath: string;
  readonly origin: string;
  readonly size: number;
  readonly sha256: string;
  readonly modifiedAt: string | null;
  readonly importedAt: string;
}

export interface TransferProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface TransferOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TransferProgress) => void;
  /** The app's clock (tests set it), for the import time the dashboard ages visit data by. */
  readonly now?: () => Date;
}

/** Where sanitization keeps a blocked file (encrypted, for the security team): not visit data, so the dashboard leaves it out. */
export const QUARANTINE_PREFIX = 'quarantine/';
export const quarantineCollection = (runId: string) => `${QUARANTINE_PREFIX}${runId}`;

export function ciphertextPath(session: VaultSession, itemId: string): string {
  return path.join(filesDir(session.dataDir), `${itemId}.fgv`);
}

const ITEM_COLUMNS = `id, collection, name, relative_path AS relativePath, origin, size, sha256,
  modified_at AS modifiedAt, imported_at AS importedAt`;

export function listItems(session: VaultSession, collection?: string): VaultItem[] {
  const sql = `SELECT ${ITEM_COLUMNS} FROM vault_items WHERE state = 'stored' ${collection === undefined ? '' : 'AND collection = ?'} ORDER BY collection, relative_path`;
  const statement = session.db.prepare(sql);
  return (collection === undefined ? statement.all() : statement.all(collection)) as VaultItem[];
}

/** Each folder of visit data still in the vault (quarantine left out), with its size and oldest import; oldest first. */
export function heldCollections(session: VaultSession): { collection: string; items: number; bytes: number; oldest: string }[] {
  return session.db
    .prepare(
      "SELECT collection, count(*) AS items, sum(size) AS bytes, min(imported_at) AS oldest FROM vault_items WHERE state = 'stored' AND substr(collection, 1, ?) <> ? GROUP BY collection ORDER BY oldest",
    )
    .all(QUARANTINE_PREFIX.length, QUARANTINE_PREFIX) as { collection: string; items: number; bytes: number; oldest: string }[];
}

/**
 * Every item the audit log says was imported into a folder, erased since or not. The log is
 * the record that outlives an item: erasing deletes its row (that is the cryptographic erase).
 */
export function itemsEverImported(db: VaultDatabase, collection: string): string[] {
  return auditDetailValues(db, 'vault.item-imported', 'itemId', { field: 'collection', equals: collection }) as string[];
}

function getItem(session: VaultSession, itemId: string): VaultItem & { wrappedKey: Buffer } {
  const row = session.db
    .prepare(`SELECT ${ITEM_COLUMNS}, wrapped_key AS wrappedKey FROM vault_items WHERE id = ? AND state = 'stored'`)
    .get(itemId) as (VaultItem & { wrappedKey: Buffer }) | undefined;
  if (!row) throw new AppError('VAULT_ITEM_NOT_FOUND');
  return row;
}

function progressReporter(files: readonly { size: number }[], onProgress?: (p: TransferProgress) => void) {
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  let bytesBefore = 0;
  let filesDone = 0;
  return {
    file: (bytesDone: number) => onProgress?.({ filesDone, filesTotal: files.length, bytesDone: bytesBefore + bytesDone, bytesTotal }),
    fileFinished: (size: number) => {
      bytesBefore += size;
      filesDone += 1;
      onProgress?.({ filesDone, filesTotal: files.length, bytesDone: bytesBefore, bytesTotal });
    },
  };
}

export async function importPaths(
  session: VaultSession,
  paths: readonly string[],
  collection: string,
  options: TransferOptions = {},
): Promise<VaultItem[]> {
  // Regular files only: a link inside a site's folder must not pull in files from elsewhere.
  const { files: sources } = await walkFiles(paths);
  const progress = progressReporter(sources, options.onProgress);
  const imported: VaultItem[] = [];
  const insert = session.db.prepare(
    `INSERT INTO vault_items (id, collection, name, relative_path, origin, size, sha256, modified_at, imported_at, wrapped_key, state)
     VALUES (?, ?, ?, ?, ?, 0, '', ?, ?, ?, 'importing')`,
  );
  const finish = session.db.prepare("UPDATE vault_items SET size = ?, sha256 = ?, state = 'stored' WHERE id = ?");
  for (const source of sources) {
    const id = randomUUID();
    const fileKey = newKey();
    const importedAt = (options.now?.() ?? new Date()).toISOString();
    // The row comes first, marked 'importing': a crash leaves a row the sweep removes, never an orphan it cannot name.
    insert.run(
      id,
      collection,
      path.posix.basename(source.relativePath),
      source.relativePath,
      path.dirname(source.absolute),
      source.modifiedAt,
      importedAt,
      wrapFileKey(session.keys.fileWrap, id, fileKey),
    );
    try {
      const result = await encryptFile(source.absolute, ciphertextPath(session, id), fileKey, {
        fileId: id,
        signal: options.signal,
        onProgress: (p) => progress.file(p.bytesDone),
      });
      session.db.transaction(() => {
        finish.run(result.plaintextBytes, result.sha256, id);
        session.audit.append('vault.item-imported', session.actor(), {
          itemId: id,
          collection,
          bytes: result.plaintextBytes,
          sha256: result.sha256,
        });
      })();
      imported.push({
        id,
        collection,
        name: path.posix.basename(source.relativePath),
        relativePath: source.relativePath,
        origin: path.dirname(source.absolute),
        size: result.plaintextBytes,
        sha256: result.sha256,
        modifiedAt: source.modifiedAt,
        importedAt,
      });
      progress.fileFinished(source.size);
    } catch (error) {
      session.db.prepare('DELETE FROM vault_items WHERE id = ?').run(id);
      await shredFile(ciphertextPath(session, id));
      throw error;
    } finally {
      wipe(fileKey);
    }
  }
  return imported;
}

/** A file name in `directory` that does not exist yet: "x.dcm", then "x (2).dcm", … */
async function freeName(directory: string, relativePath: string): Promise<string> {
  const parsed = path.parse(path.join(directory, ...relativePath.split('/')));
  for (let n = 1; ; n += 1) {
    const candidate = path.join(parsed.dir, n === 1 ? parsed.base : `${parsed.name} (${n})${parsed.ext}`);
    try {
      await stat(candidate);
    } catch {
      return candidate;
    }
  }
}

function pendingExports(session: VaultSession): string[] {
  const value = readVaultMeta(session.db, 'pending_exports');
  return value !== null ? (JSON.parse(value) as string[]) : [];
}

function setPendingExports(session: VaultSession, files: readonly string[]): void {
  writeVaultMeta(session.db, 'pending_exports', JSON.stringify(files));
}

export async function exportItems(
  session: VaultSession,
  itemIds: readonly string[],
  destinationDir: string,
  options: TransferOptions = {},
): Promise<Array<{ readonly itemId: string; readonly file: string }>> {
  const items = itemIds.map((id) => getItem(session, id));
  const progress = progressReporter(items, options.onProgress);
  const written: Array<{ itemId: string; file: string }> = [];
  for (const item of items) {
    const target = await freeName(destinationDir, item.relativePath);
    await mkdir(path.dirname(target), { recursive: true }).catch(() => {
      throw new AppError('VAULT_DESTINATION_UNWRITABLE');
    });
    const fileKey = unwrapFileKey(session.keys.fileWrap, item.id, item.wrappedKey);
    if (!fileKey) throw new AppError('VAULT_DATABASE_DAMAGED');
    // Recorded before writing: a crash mid-export leaves a `.partial` plaintext the next unlock shreds.
    setPendingExports(session, [...pendingExports(session), `${target}.partial`]);
    try {
      // Every chunk is authenticated under the item's own key, so the copy is exactly what was
      // imported: the digest recorded then is the copy's digest, without hashing it again.
      const result = await decryptFile(ciphertextPath(session, item.id), target, fileKey, {
        fileId: item.id,
        signal: options.signal,
        onProgress: (p) => progress.file(p.bytesDone),
        skipDigest: true,
      });
      session.audit.append('vault.item-exported', session.actor(), {
        itemId: item.id,
        bytes: result.plaintextBytes,
        sha256: item.sha256,
        destination: destinationDir,
      });
      written.push({ itemId: item.id, file: target });
      progress.fileFinished(item.size);
    } finally {
      wipe(fileKey);
      setPendingExports(
        session,
        pendingExports(session).filter((f) => f !== `${target}.partial`),
      );
    }
  }
  return written;
}

/**
 * Cryptographic erase: the wrapped key is deleted (secure_delete zeroes its page, the WAL
 * is truncated), then the ciphertext is overwritten and removed. Once the row is gone the
 * file is unreadable, whatever happens to the ciphertext afterwards.
 */
export async function eraseItem(session: VaultSession, itemId: string): Promise<void> {
  const item = getItem(session, itemId);
  session.db.prepare("UPDATE vault_items SET state = 'erasing' WHERE id = ?").run(itemId);
  await destroyItem(session, item.id, { bytes: item.size, sha256: item.sha256, resumed: false });
}

/** Shared by eraseItem and the sweep that finishes an erase interrupted by a crash. */
export async function destroyItem(
  session: VaultSession,
  itemId: string,
  details: { bytes: number; sha256: string; resumed: boolean },
): Promise<void> {
  session.db.transaction(() => {
    session.db.prepare('DELETE FROM vault_items WHERE id = ?').run(itemId);
    session.audit.append('vault.item-erased', session.actor(), { itemId, method: 'crypto-erase', ...details });
  })();
  session.db.pragma('wal_checkpoint(TRUNCATE)');
  await shredFile(ciphertextPath(session, itemId));
}

export { pendingExports, setPendingExports };
