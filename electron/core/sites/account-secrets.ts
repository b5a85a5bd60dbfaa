/**
 * The maintenance-account passwords (14-2): each sealed with AES-256-GCM under the vault's
 * account-secrets key (an HKDF subkey of the master key, dropped at lock), with the account id
 * as additional data so a ciphertext moved to another account does not open. They live in the
 * database, itself SQLCipher-encrypted: two layers, and the inner one keeps a password out of
 * any query result, export or log that does not decrypt it on purpose.
 *
 * Blob layout: nonce (12) ‖ ciphertext ‖ GCM tag (16).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { AppError } from '../app-error';
import { wipe } from '../vault/key-hierarchy';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function sealAccountSecret(key: Buffer, accountId: string, secret: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(accountId, 'utf8'));
  return Buffer.concat([nonce, cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
}

/** The password's UTF-8 bytes; the caller wipes them. A blob that does not open is damage: VAULT_DATABASE_DAMAGED. */
export function openAccountSecret(key: Buffer, accountId: string, blob: Buffer): Buffer {
  if (blob.length < NONCE_BYTES + TAG_BYTES) throw new AppError('VAULT_DATABASE_DAMAGED');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(accountId, 'utf8'));
    decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(NONCE_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new AppError('VAULT_DATABASE_DAMAGED');
  }
}

/** Master-key rotation: re-seals every stored password under the new key, inside the caller's transaction. */
export function resealAccountSecrets(db: VaultDatabase, from: Buffer, to: Buffer): void {
  const rows = db.prepare('SELECT id, secret FROM maintenance_accounts WHERE secret IS NOT NULL').all() as Array<{
    id: string;
    secret: Buffer;
  }>;
  const update = db.prepare('UPDATE maintenance_accounts SET secret = ? WHERE id = ?');
  for (const row of rows) {
    const secret = openAccountSecret(from, row.id, row.secret);
    try {
      update.run(sealAccountSecret(to, row.id, secret), row.id);
    } finally {
      wipe(secret);
    }
  }
}
