/**
 * The vault's file encryption (guideline 7-3) on real files: what comes out decrypts to the
 * original with sha256sum's digest, shows none of the plaintext, and every kind of damage is
 * refused with its own code, leaving neither the destination nor a `.partial` file behind.
 */
import { execFile } from 'node:child_process';
import { createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, appendFile, mkdtemp, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import { decryptFile, encryptFile, verifyEncryptedFile, type CipherOptions } from '../../electron/core/vault/file-cipher';
import type { ErrorCode } from '../../electron/shared/errors';

const exec = promisify(execFile);
const CHUNK = 4096;
/** Format v1: a 52-byte header, then chunks of ciphertext ‖ 16-byte tag. */
const HEADER = 52;
const SEALED_CHUNK = CHUNK + 16;

let dir: string;
let counter = 0;
const key = randomBytes(32);
const options: CipherOptions = { fileId: 'item-0001/report.pdf', chunkBytes: CHUNK };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-file-cipher-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function freshPath(name: string): string {
  counter += 1;
  return path.join(dir, `${counter}-${name}`);
}

async function sha256sum(file: string): Promise<string> {
  const { stdout } = await exec('sha256sum', [file]);
  return stdout.split(' ')[0]!;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** A plaintext file of `bytes` random bytes, and its vault file. */
async function sealedFile(bytes: number): Promise<{ plain: string; vault: string }> {
  const plain = freshPath('plain.bin');
  await writeFile(plain, randomBytes(bytes));
  const vault = freshPath('vault.fgvf');
  await encryptFile(plain, vault, key, options);
  return { plain, vault };
}

async function flipByte(file: string, offset: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, offset);
    byte[0] = byte[0]! ^ 0x01;
    await handle.write(byte, 0, 1, offset);
  } finally {
    await handle.close();
  }
}

async function errorCodeOf(work: Promise<unknown>): Promise<ErrorCode | 'no error'> {
  try {
    await work;
    return 'no error';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** Decryption and verification both refuse the file with `code`, and nothing is left behind. */
async function expectRefused(vault: string, code: ErrorCode, decryptOptions: CipherOptions = options, decryptKey = key): Promise<void> {
  const destination = freshPath('out.bin');
  expect(await errorCodeOf(decryptFile(vault, destination, decryptKey, decryptOptions))).toBe(code);
  expect(await exists(destination)).toBe(false);
  expect(await exists(`${destination}.partial`)).toBe(false);
  expect(await errorCodeOf(verifyEncryptedFile(vault, decryptKey, decryptOptions))).toBe(code);
}

describe('round trip', () => {
  const sizes = {
    empty: 0,
    'one byte': 1,
    'one byte short of a chunk': CHUNK - 1,
    'exactly one chunk': CHUNK,
    'one byte over a chunk': CHUNK + 1,
    'three chunks and an odd tail': 3 * CHUNK + 777,
  };

  it.each(Object.entries(sizes))('gives back the original file with sha256sum’s digest: %s', async (_name, size) => {
    const { plain, vault } = await sealedFile(size);
    const expectedSha = await sha256sum(plain);
    const restored = freshPath('restored.bin');

    const sealedAgain = await encryptFile(plain, freshPath('again.fgvf'), key, options);
    const opened = await decryptFile(vault, restored, key, options);
    const verified = await verifyEncryptedFile(vault, key, options);

    expect(sealedAgain).toEqual({ plaintextBytes: size, ciphertextBytes: (await stat(vault)).size, sha256: expectedSha });
    expect(opened).toEqual({ plaintextBytes: size, sha256: expectedSha });
    expect(verified).toEqual({ plaintextBytes: size, sha256: expectedSha });
    expect((await readFile(restored)).equals(await readFile(plain))).toBe(true);
    expect(await exists(`${restored}.partial`)).toBe(false);
  });

  it('writes the documented layout: magic, version, chunk size, length, then one tagged chunk per chunk of plaintext', async () => {
    const { vault } = await sealedFile(3 * CHUNK + 777);
    const bytes = await readFile(vault);
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('FGVF');
    expect(bytes.readUInt8(4)).toBe(1);
    expect(bytes.readUInt32BE(8)).toBe(CHUNK);
    expect(Number(bytes.readBigUInt64BE(12))).toBe(3 * CHUNK + 777);
    expect(bytes.length).toBe(HEADER + 4 * 16 + 3 * CHUNK + 777);
    const { vault: empty } = await sealedFile(0);
    expect((await stat(empty)).size).toBe(HEADER + 16);
  });

  it('can be read by a reader written from the format description alone (HKDF keys, counter nonces, AAD with final flag)', async () => {
    const size = 2 * CHUNK + 9;
    const { plain, vault } = await sealedFile(size);
    const bytes = await readFile(vault);
    const header = bytes.subarray(0, HEADER);
    const salt = header.subarray(20, 36);
    const fileId = Buffer.from(options.fileId, 'utf8');
    const keys = Buffer.from(hkdfSync('sha256', key, salt, 'FieldGuard vault file v1', 64));
    const headerTag = createHmac('sha256', keys.subarray(32)).update(header.subarray(0, 36)).update(fileId).digest().subarray(0, 16);
    expect(headerTag.equals(header.subarray(36, 52))).toBe(true);

    const chunks: Buffer[] = [];
    for (let index = 0; index < 3; index += 1) {
      const sealed = bytes.subarray(HEADER + index * SEALED_CHUNK, Math.min(HEADER + (index + 1) * SEALED_CHUNK, bytes.length));
      const nonce = Buffer.alloc(12);
      salt.copy(nonce, 0, 0, 4);
      nonce.writeBigUInt64BE(BigInt(index), 4);
      const position = Buffer.alloc(9);
      position.writeBigUInt64BE(BigInt(index), 0);
      position[8] = index === 2 ? 1 : 0;
      const decipher = createDecipheriv('aes-256-gcm', keys.subarray(0, 32), nonce);
      decipher.setAAD(Buffer.concat([header, position, fileId]));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      chunks.push(decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final());
    }
    expect(Buffer.concat(chunks).equals(await readFile(plain))).toBe(true);
  });

  it('encrypts the same file differently each time (a fresh random salt per file)', async () => {
    const { plain, vault } = await sealedFile(CHUNK);
    const other = freshPath('other.fgvf');
    await encryptFile(plain, other, key, options);
    const [a, b] = [await readFile(vault), await readFile(other)];
    expect(a.subarray(20, 36).equals(b.subarray(20, 36))).toBe(false);
    expect(a.subarray(HEADER).equals(b.subarray(HEADER))).toBe(false);
  });

  it('leaves the output readable by its owner only', async () => {
    if (process.platform === 'win32') return;
    const { vault } = await sealedFile(10);
    const restored = freshPath('restored.bin');
    await decryptFile(vault, restored, key, options);
    expect((await stat(vault)).mode & 0o777).toBe(0o600);
    expect((await stat(restored)).mode & 0o777).toBe(0o600);
  });
});

describe('confidentiality', () => {
  it('[7-3] shows neither an ASCII nor a Japanese marker of the plaintext, in UTF-8 or UTF-16LE', async () => {
    const ascii = 'PATIENT-ID-0042-MARKER';
    const japanese = '患者 山田太郎';
    const markers = [Buffer.from(ascii, 'ascii'), Buffer.from(japanese, 'utf8'), Buffer.from(japanese, 'utf16le')];
    const parts: Buffer[] = [];
    for (let i = 0; i < 300; i += 1) parts.push(...markers, Buffer.from(` line ${i}\n`));
    const plaintext = Buffer.concat(parts);
    const plain = freshPath('patient.txt');
    await writeFile(plain, plaintext);
    for (const marker of markers) expect(plaintext.includes(marker)).toBe(true);

    const vault = freshPath('patient.fgvf');
    await encryptFile(plain, vault, key, options);
    const ciphertext = await readFile(vault);
    for (const marker of markers) expect(ciphertext.includes(marker)).toBe(false);
  });
});

describe('damage is detected, and nothing is left behind', () => {
  it('a flipped byte inside a chunk, or in the last tag, is VAULT_FILE_CORRUPTED', async () => {
    const { vault } = await sealedFile(3 * CHUNK + 100);
    await flipByte(vault, HEADER + SEALED_CHUNK + 10);
    await expectRefused(vault, 'VAULT_FILE_CORRUPTED');

    const { vault: lastTag } = await sealedFile(3 * CHUNK + 100);
    await flipByte(lastTag, (await stat(lastTag)).size - 1);
    await expectRefused(lastTag, 'VAULT_FILE_CORRUPTED');
  });

  it('a flipped byte anywhere in the header is VAULT_FILE_CORRUPTED', async () => {
    const { vault } = await sealedFile(2 * CHUNK + 5);
    const original = await readFile(vault);
    for (let offset = 0; offset < HEADER; offset += 1) {
      const damaged = Buffer.from(original);
      damaged[offset] = damaged[offset]! ^ 0x01;
      await writeFile(vault, damaged);
      await expectRefused(vault, 'VAULT_FILE_CORRUPTED');
    }
  });

  it('chunks 0 and 1 swapped is VAULT_FILE_REORDERED', async () => {
    const { vault } = await sealedFile(3 * CHUNK + 100);
    const bytes = await readFile(vault);
    const first = Buffer.from(bytes.subarray(HEADER, HEADER + SEALED_CHUNK));
    bytes.copy(bytes, HEADER, HEADER + SEALED_CHUNK, HEADER + 2 * SEALED_CHUNK);
    first.copy(bytes, HEADER + SEALED_CHUNK);
    await writeFile(vault, bytes);
    await expectRefused(vault, 'VAULT_FILE_REORDERED');
  });

  it('the short last chunk moved to the front is VAULT_FILE_REORDERED', async () => {
    const { vault } = await sealedFile(2 * CHUNK + 100);
    const bytes = await readFile(vault);
    const last = bytes.subarray(HEADER + 2 * SEALED_CHUNK);
    await writeFile(vault, Buffer.concat([bytes.subarray(0, HEADER), last, bytes.subarray(HEADER, HEADER + 2 * SEALED_CHUNK)]));
    await expectRefused(vault, 'VAULT_FILE_REORDERED');
  });

  it('a file cut in the middle of a chunk, or of the last chunk, is VAULT_FILE_TRUNCATED', async () => {
    const { vault } = await sealedFile(3 * CHUNK + 100);
    await truncate(vault, HEADER + SEALED_CHUNK + 1000);
    await expectRefused(vault, 'VAULT_FILE_TRUNCATED');

    const { vault: single } = await sealedFile(100);
    await truncate(single, HEADER + 50);
    await expectRefused(single, 'VAULT_FILE_TRUNCATED');
  });

  it('a file whose last chunk was removed entirely is VAULT_FILE_TRUNCATED', async () => {
    const { vault } = await sealedFile(3 * CHUNK + 100);
    await truncate(vault, HEADER + 3 * SEALED_CHUNK);
    await expectRefused(vault, 'VAULT_FILE_TRUNCATED');

    const { vault: full } = await sealedFile(3 * CHUNK);
    await truncate(full, HEADER + 2 * SEALED_CHUNK);
    await expectRefused(full, 'VAULT_FILE_TRUNCATED');
  });

  it('a header cut short, or no chunk at all, is VAULT_FILE_TRUNCATED', async () => {
    for (const length of [0, 3, 30, HEADER - 1, HEADER]) {
      const { vault } = await sealedFile(100);
      await truncate(vault, length);
      await expectRefused(vault, 'VAULT_FILE_TRUNCATED');
    }
  });

  it('data after the final chunk is VAULT_FILE_CORRUPTED', async () => {
    for (const garbage of [Buffer.from([0]), randomBytes(SEALED_CHUNK)]) {
      const { vault } = await sealedFile(CHUNK + 100);
      await appendFile(vault, garbage);
      await expectRefused(vault, 'VAULT_FILE_CORRUPTED');
    }
  });

  it('a wrong key is VAULT_FILE_CORRUPTED', async () => {
    const { vault } = await sealedFile(CHUNK + 100);
    await expectRefused(vault, 'VAULT_FILE_CORRUPTED', options, randomBytes(32));
  });

  it('another vault item’s file (a different fileId) is VAULT_FILE_CORRUPTED', async () => {
    const { vault } = await sealedFile(CHUNK + 100);
    await expectRefused(vault, 'VAULT_FILE_CORRUPTED', { ...options, fileId: 'item-0002/report.pdf' });
  });

  it('a file that is not a vault file is VAULT_FILE_CORRUPTED', async () => {
    const other = freshPath('notes.txt');
    await writeFile(other, 'これは保管庫のファイルではありません。This is not a vault file at all.');
    await expectRefused(other, 'VAULT_FILE_CORRUPTED');
  });
});

describe('files and folders', () => {
  it('refuses to replace an existing destination, and leaves it as it was', async () => {
    const { plain, vault } = await sealedFile(100);
    const taken = freshPath('taken.bin');
    await writeFile(taken, 'keep me');
    expect(await errorCodeOf(encryptFile(plain, taken, key, options))).toBe('VAULT_DESTINATION_UNWRITABLE');
    expect(await errorCodeOf(decryptFile(vault, taken, key, options))).toBe('VAULT_DESTINATION_UNWRITABLE');
    expect(await readFile(taken, 'utf8')).toBe('keep me');
    expect(await exists(`${taken}.partial`)).toBe(false);
  });

  it('refuses a destination in a folder that does not exist', async () => {
    const { plain } = await sealedFile(100);
    expect(await errorCodeOf(encryptFile(plain, path.join(dir, 'no-such-folder', 'x.fgvf'), key, options))).toBe(
      'VAULT_DESTINATION_UNWRITABLE',
    );
  });

  it('reports a missing or unreadable source as VAULT_SOURCE_UNREADABLE when encrypting', async () => {
    const destination = freshPath('x.fgvf');
    expect(await errorCodeOf(encryptFile(path.join(dir, 'missing.bin'), destination, key, options))).toBe('VAULT_SOURCE_UNREADABLE');
    expect(await errorCodeOf(encryptFile(dir, destination, key, options))).toBe('VAULT_SOURCE_UNREADABLE');
    expect(await exists(destination)).toBe(false);
    expect(await exists(`${destination}.partial`)).toBe(false);
  });

  it('reports a missing vault file as VAULT_FILE_MISSING when decrypting or verifying', async () => {
    const missing = path.join(dir, 'missing.fgvf');
    const destination = freshPath('out.bin');
    expect(await errorCodeOf(decryptFile(missing, destination, key, options))).toBe('VAULT_FILE_MISSING');
    expect(await errorCodeOf(verifyEncryptedFile(missing, key, options))).toBe('VAULT_FILE_MISSING');
    expect(await exists(destination)).toBe(false);
  });

  it('writes under the .partial name while working, and only the final name once done', async () => {
    const { vault } = await sealedFile(4 * CHUNK);
    const destination = freshPath('out.bin');
    const underPartialNameOnly: boolean[] = [];
    await decryptFile(vault, destination, key, {
      ...options,
      onProgress: () => underPartialNameOnly.push(!existsSync(destination) && existsSync(`${destination}.partial`)),
    });
    expect(underPartialNameOnly).toEqual([true, true, true, true]);
    expect(await exists(destination)).toBe(true);
    expect(await exists(`${destination}.partial`)).toBe(false);
  });
});

describe('progress and cancellation', () => {
  it('reports progress in chunk steps up to bytesTotal, when encrypting and decrypting', async () => {
    const size = 3 * CHUNK + 5;
    const plain = freshPath('plain.bin');
    await writeFile(plain, randomBytes(size));
    const vault = freshPath('vault.fgvf');
    const encrypting: number[] = [];
    const decrypting: number[] = [];
    await encryptFile(plain, vault, key, { ...options, onProgress: (p) => encrypting.push(p.bytesTotal === size ? p.bytesDone : -1) });
    await decryptFile(vault, freshPath('out.bin'), key, {
      ...options,
      onProgress: (p) => decrypting.push(p.bytesTotal === size ? p.bytesDone : -1),
    });
    const steps = [CHUNK, 2 * CHUNK, 3 * CHUNK, size];
    expect(encrypting).toEqual(steps);
    expect(decrypting).toEqual(steps);
  });

  it('stops with JOB_CANCELLED when cancelled midway, leaving no output and no partial file', async () => {
    const { plain, vault } = await sealedFile(8 * CHUNK);
    const cancelAfterFirstChunk = (): CipherOptions => {
      const controller = new AbortController();
      return { ...options, signal: controller.signal, onProgress: () => controller.abort() };
    };
    const encrypted = freshPath('x.fgvf');
    const decrypted = freshPath('x.bin');
    expect(await errorCodeOf(encryptFile(plain, encrypted, key, cancelAfterFirstChunk()))).toBe('JOB_CANCELLED');
    expect(await errorCodeOf(decryptFile(vault, decrypted, key, cancelAfterFirstChunk()))).toBe('JOB_CANCELLED');
    expect(await errorCodeOf(verifyEncryptedFile(vault, key, cancelAfterFirstChunk()))).toBe('JOB_CANCELLED');
    for (const output of [encrypted, decrypted]) {
      expect(await exists(output)).toBe(false);
      expect(await exists(`${output}.partial`)).toBe(false);
    }
  });

  it('does not start when already cancelled', async () => {
    const { plain } = await sealedFile(100);
    const destination = freshPath('x.fgvf');
    expect(await errorCodeOf(encryptFile(plain, destination, key, { ...options, signal: AbortSignal.abort() }))).toBe('JOB_CANCELLED');
    expect(await exists(destination)).toBe(false);
  });
});
