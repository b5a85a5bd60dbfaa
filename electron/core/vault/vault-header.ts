/**
 * vault.json: what must be readable before unlocking — the KDF parameters and salt, and the
 * master key wrapped under the password (+ device secret) and under the recovery key. It
 * holds no secret in the clear. Every field that matters is bound into the wrapping's
 * additional data, so an edited header cannot unwrap (it fails like a wrong password).
 * `pending` exists only while a master-key rotation is under way (crash-safe rotation).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../app-error';
import { writeFileAtomically } from './atomic-file';
import { WrappedKey } from './key-hierarchy';
import { KdfParameters } from './password-kdf';

export const VAULT_HEADER_FILE = 'vault.json';

export const Protection = z.enum(['password+device', 'password-only']);
export type Protection = z.infer<typeof Protection>;

export const MasterKeyCopies = z.object({
  generation: z.number().int().positive(),
  byPassword: WrappedKey,
  byRecovery: WrappedKey,
});
export type MasterKeyCopies = z.infer<typeof MasterKeyCopies>;

export const VaultHeader = z.object({
  format: z.literal(1),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  protection: Protection,
  kdf: KdfParameters,
  passwordSalt: z.base64(),
  recoverySalt: z.base64(),
  masterKey: MasterKeyCopies,
  pending: MasterKeyCopies.nullable(),
});
export type VaultHeader = z.infer<typeof VaultHeader>;

export function headerPath(dataDir: string): string {
  return path.join(dataDir, VAULT_HEADER_FILE);
}

/** Null when there is no vault yet; VAULT_HEADER_DAMAGED when the file is not a valid header. */
export async function readHeader(dataDir: string): Promise<VaultHeader | null> {
  let text: string;
  try {
    text = await readFile(headerPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('VAULT_HEADER_DAMAGED');
  }
  try {
    return VaultHeader.parse(JSON.parse(text));
  } catch {
    throw new AppError('VAULT_HEADER_DAMAGED');
  }
}

export async function writeHeader(dataDir: string, header: VaultHeader): Promise<void> {
  await writeFileAtomically(headerPath(dataDir), `${JSON.stringify(VaultHeader.parse(header), null, 2)}\n`);
}

/** The additional data that binds a wrapped master key to its vault, protection, KDF and generation. */
export function masterKeyContext(
  header: Pick<VaultHeader, 'vaultId' | 'protection' | 'kdf'>,
  generation: number,
  by: 'password' | 'recovery',
): string {
  const kdf = by === 'password' ? JSON.stringify(header.kdf) : '-';
  return `fieldguard/master-key/v1|${header.vaultId}|${header.protection}|${generation}|${by}|${kdf}`;
}
