/**
 * The vault file cipher on a file of hundreds of megabytes: encrypting and decrypting streams
 * chunk by chunk, so memory stays flat whatever the file's size (an engineer's scan archive
 * must not exhaust the laptop). Too large for the fast unit loop; the format's rules are in
 * test/unit/file-cipher.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptFile, encryptFile } from '../../electron/core/vault/file-cipher';
import { measureRssGrowth } from '../support/peak-memory';

const MIB = 1024 * 1024;
const key = randomBytes(32);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-file-cipher-memory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fresh = (name: string) => path.join(dir, name);

describe('memory', () => {
  it('stays flat: encrypting and decrypting a 256 MiB file grows RSS by less than 200 MB', async () => {
    const size = 256 * MIB;
    const plain = fresh('big.bin');
    const handle = await open(plain, 'w');
    const block = randomBytes(16 * MIB);
    for (let written = 0; written < size; written += block.length) await handle.write(block);
    await handle.close();

    try {
      const { growth } = await measureRssGrowth(async (sample) => {
        const vault = fresh('big.fgvf');
        const restored = fresh('big-restored.bin');
        const sealed = await encryptFile(plain, vault, key, { fileId: 'big', onProgress: sample });
        const opened = await decryptFile(vault, restored, key, { fileId: 'big', onProgress: sample });
        expect(opened.sha256).toBe(sealed.sha256);
        expect(opened.plaintextBytes).toBe(size);
        await rm(vault);
        await rm(restored);
      });
      expect(growth).toBeLessThan(200 * 1000 * 1000);
    } finally {
      await rm(plain);
    }
  }, 120_000);
});
