/**
 * The engineer's signing key, created with the vault and kept only wrapped in it: the
 * certificates of erasure (10-1) and sanitization (10-5) are signed with it. RSA-3072,
 * because the PDF signatures hospitals check in Acrobat and poppler need RSA (docs/decisions.md).
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { VaultDatabase } from '../../db/open-vault-database';
import { unwrapKeyFromBlob, wrapKeyToBlob } from './key-hierarchy';

const generate = promisify(generateKeyPair);
export const SIGNING_KEY_NAME = 'engineer-signing-key';
const CONTEXT = 'fieldguard/signing-key/v1';

export async function createSigningKey(
  db: VaultDatabase,
  signingWrap: Buffer,
  now: Date,
  name = SIGNING_KEY_NAME,
): Promise<{ readonly publicKey: Buffer }> {
  const { publicKey, privateKey } = await generate('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  db.prepare('INSERT INTO wrapped_keys (name, algorithm, public_key, wrapped, created_at) VALUES (?, ?, ?, ?, ?)').run(
    name,
    'RSA-3072',
    publicKey,
    wrapKeyToBlob(signingWrap, privateKey, CONTEXT),
    now.toISOString(),
  );
  privateKey.fill(0);
  return { publicKey };
}

/** Re-wraps every wrapped key under a new wrapping key (master-key rotation), inside the caller's transaction. */
export function rewrapSigningKeys(db: VaultDatabase, from: Buffer, to: Buffer): void {
  const rows = db.prepare('SELECT name, wrapped FROM wrapped_keys').all() as Array<{ name: string; wrapped: Buffer }>;
  const update = db.prepare('UPDATE wrapped_keys SET wrapped = ? WHERE name = ?');
  for (const row of rows) {
    const key = unwrapKeyFromBlob(from, row.wrapped, CONTEXT);
    if (!key) throw new Error(`wrapped key ${row.name} does not unwrap`);
    update.run(wrapKeyToBlob(to, key, CONTEXT), row.name);
    key.fill(0);
  }
}

/** Whether the vault holds a wrapped key of that name (a certificate is usable only with its key). */
export function hasWrappedKey(db: VaultDatabase, name: string): boolean {
  return db.prepare('SELECT 1 FROM wrapped_keys WHERE name = ?').get(name) !== undefined;
}

/** The private key in DER (PKCS#8), for the certificate service; the caller wipes it after use. */
export function unwrapSigningKey(
  db: VaultDatabase,
  signingWrap: Buffer,
  name = SIGNING_KEY_NAME,
): { readonly privateKey: Buffer; readonly publicKey: Buffer } | null {
  const row = db.prepare('SELECT public_key AS publicKey, wrapped FROM wrapped_keys WHERE name = ?').get(name) as
    { publicKey: Buffer; wrapped: Buffer } | undefined;
  if (!row) return null;
  const privateKey = unwrapKeyFromBlob(signingWrap, row.wrapped, CONTEXT);
  return privateKey ? { privateKey, publicKey: row.publicKey } : null;
}
