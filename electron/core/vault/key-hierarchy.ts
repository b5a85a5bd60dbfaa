/**
 * The vault's key hierarchy (docs/threat-model.md "Key hierarchy"):
 *
 *   password ──Argon2id──┐
 *                        ├─HKDF→ key-encryption key ─wraps→ master key (random, 256 bit)
 *   device secret ───────┘        (keychain)                  │  second copy wrapped under
 *                                                             │  the recovery key
 *   master key ─HKDF "fieldguard/<purpose>/v1"→ database key, file-key wrapping key,
 *                                               audit MAC key, signing-key wrapping key,
 *                                               account-secrets key (site maintenance passwords)
 *
 * Wrapping is AES-256-GCM with the context bound as additional data, so a wrapped key
 * moved to another purpose, vault or generation does not unwrap.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const KEY_BYTES = 32;

export const WrappedKey = z.object({
  nonce: z.base64(),
  ciphertext: z.base64(),
});
export type WrappedKey = z.infer<typeof WrappedKey>;

export interface VaultKeys {
  readonly database: Buffer;
  readonly fileWrap: Buffer;
  readonly auditMac: Buffer;
  readonly signingWrap: Buffer;
  /** Encrypts the sites' maintenance-account passwords (14-2), each with its account id as AAD. */
  readonly accountSecrets: Buffer;
}

function hkdf(secret: Buffer, salt: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, info, KEY_BYTES));
}

/** The key-encryption key: from the stretched password, plus the device secret unless the vault is password-only. */
export function deriveKeyEncryptionKey(stretchedPassword: Buffer, deviceSecret: Buffer | null, salt: Buffer): Buffer {
  if (deviceSecret === null) return hkdf(stretchedPassword, salt, 'fieldguard/kek/password-only/v1');
  return hkdf(Buffer.concat([stretchedPassword, deviceSecret]), salt, 'fieldguard/kek/password+device/v1');
}

/** The recovery key is 128 random bits: HKDF is enough, no stretching needed. */
export function deriveRecoveryKey(recoverySecret: Buffer, salt: Buffer): Buffer {
  return hkdf(recoverySecret, salt, 'fieldguard/recovery-kek/v1');
}

export function deriveVaultKeys(masterKey: Buffer): VaultKeys {
  const salt = Buffer.from('fieldguard vault keys');
  return {
    database: hkdf(masterKey, salt, 'fieldguard/sqlcipher/v1'),
    fileWrap: hkdf(masterKey, salt, 'fieldguard/file-wrap/v1'),
    auditMac: hkdf(masterKey, salt, 'fieldguard/audit-mac/v1'),
    signingWrap: hkdf(masterKey, salt, 'fieldguard/signing-wrap/v1'),
    accountSecrets: hkdf(masterKey, salt, 'fieldguard/account-secrets/v1'),
  };
}

/** Overwrites every key derived from a master key: at lock, and after a rotation is done with them. */
export function wipeVaultKeys(keys: VaultKeys): void {
  wipe(...Object.values(keys as Readonly<Record<keyof VaultKeys, Buffer>>));
}

/** The MAC key of the failed-unlock counter: from the device secret, so the counter cannot be edited without the keychain. */
export function deriveThrottleKey(deviceSecretOrSalt: Buffer): Buffer {
  return hkdf(deviceSecretOrSalt, Buffer.from('fieldguard throttle'), 'fieldguard/throttle-mac/v1');
}

export function wrapKey(wrappingKey: Buffer, key: Buffer, context: string): WrappedKey {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** Returns null when the wrapping key or the context is wrong: the caller decides what that means. */
export function unwrapKey(wrappingKey: Buffer, wrapped: WrappedKey, context: string): Buffer | null {
  const data = Buffer.from(wrapped.ciphertext, 'base64');
  if (data.length < 17) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.nonce, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Binary form for database columns. */
export function wrapKeyToBlob(wrappingKey: Buffer, key: Buffer, context: string): Buffer {
  const wrapped = wrapKey(wrappingKey, key, context);
  return Buffer.concat([Buffer.from(wrapped.nonce, 'base64'), Buffer.from(wrapped.ciphertext, 'base64')]);
}

export function unwrapKeyFromBlob(wrappingKey: Buffer, blob: Buffer, context: string): Buffer | null {
  return unwrapKey(
    wrappingKey,
    { nonce: blob.subarray(0, 12).toString('base64'), ciphertext: blob.subarray(12).toString('base64') },
    context,
  );
}

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Overwrites key material before it is dropped, so it does not linger in freed memory longer than needed. */
export function wipe(...buffers: Array<Buffer | null | undefined>): void {
  for (const buffer of buffers) buffer?.fill(0);
}
