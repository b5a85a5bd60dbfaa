/**
 * Each file in the vault has its own random key, stored only wrapped under the file-key
 * wrapping key and bound to the item's id. Destroying the wrapped key is the cryptographic
 * erase of the file (10-1); a master-key rotation only re-wraps these keys.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import { unwrapKeyFromBlob, wrapKeyToBlob } from './key-hierarchy';

function context(itemId: string): string {
  return `fieldguard/file-key/v1|${itemId}`;
}

export function wrapFileKey(fileWrap: Buffer, itemId: string, fileKey: Buffer): Buffer {
  return wrapKeyToBlob(fileWrap, fileKey, context(itemId));
}

export function unwrapFileKey(fileWrap: Buffer, itemId: string, wrapped: Buffer): Buffer | null {
  return unwrapKeyFromBlob(fileWrap, wrapped, context(itemId));
}

/** Re-wraps every file key from one wrapping key to another, inside the caller's transaction. */
export function rewrapFileKeys(db: VaultDatabase, from: Buffer, to: Buffer, onItem?: (done: number, total: number) => void): void {
  const rows = db.prepare('SELECT id, wrapped_key AS wrapped FROM vault_items').all() as Array<{ id: string; wrapped: Buffer }>;
  const update = db.prepare('UPDATE vault_items SET wrapped_key = ? WHERE id = ?');
  rows.forEach((row, index) => {
    const key = unwrapFileKey(from, row.id, row.wrapped);
    if (!key) throw new Error('a file key does not unwrap');
    update.run(wrapFileKey(to, row.id, key), row.id);
    key.fill(0);
    onItem?.(index + 1, rows.length);
  });
}
