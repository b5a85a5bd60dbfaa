/** hashFile agrees with sha256sum on real files, reports progress, and stops when cancelled. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../electron/core/files/hash-file';

const exec = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-hash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sha256sum(file: string): Promise<string> {
  const { stdout } = await exec('sha256sum', [file]);
  return stdout.split(' ')[0]!;
}

describe('hashFile', () => {
  it('gives the same digest as sha256sum for empty, small, odd-sized and multi-chunk files', async () => {
    for (const size of [0, 1, 4095, 1024 * 1024, 3 * 1024 * 1024 + 17]) {
      const file = path.join(dir, `f-${size}.bin`);
      await writeFile(file, randomBytes(size));
      const digest = await hashFile(file);
      expect(digest).toEqual({ sha256: await sha256sum(file), bytes: size });
    }
  });

  it('reports progress up to the whole file', async () => {
    const file = path.join(dir, 'progress.bin');
    await writeFile(file, randomBytes(5 * 65536 + 3));
    const seen: number[] = [];
    await hashFile(file, { chunkBytes: 65536, onProgress: (p) => seen.push(p.bytesDone) });
    expect(seen).toEqual([65536, 131072, 196608, 262144, 327680, 327683]);
  });

  it('stops when cancelled', async () => {
    const file = path.join(dir, 'cancel.bin');
    await writeFile(file, randomBytes(4 * 65536));
    const controller = new AbortController();
    const reading = hashFile(file, { chunkBytes: 65536, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails for a missing file', async () => {
    await expect(hashFile(path.join(dir, 'missing.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
