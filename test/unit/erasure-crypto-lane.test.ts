/**
 * The erasure lane's helper thread (crypto-lane.ts) must produce exactly what the calling
 * thread would: the same keystream bytes, the same first differing byte on a read-back, and the
 * same SHA-256 before erasure as hash-file.ts — or the certificate would record a hash or a
 * verification that the file never had.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patternSource } from '../../electron/core/erasure/erasure-pattern';
import { createIoBuffers, sha256OfOpenFile, type IoBuffers } from '../../electron/core/erasure/overwrite-file';
import { hashOpenFile } from '../../electron/core/files/hash-file';

const MIB = 1024 * 1024;
let dir: string;
let buffers: IoBuffers;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-crypto-lane-'));
  buffers = createIoBuffers();
});
afterAll(async () => {
  await buffers.crypto.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a lane of erasure blocks', () => {
  it('lives in memory another thread can share', () => {
    expect(buffers.write[0]?.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('fills a block with the same keystream as the calling thread, from any 16-byte offset', async () => {
    const source = patternSource('random', randomBytes(32), { seq: 3, pass: 2, part: 1 });
    const block = buffers.write[1]!;
    const length = 3 * MIB + 4096;
    const offset = 5 * MIB + 48;
    await buffers.crypto.fill(source, block, length, offset);
    const expected = Buffer.alloc(length);
    source.fill(expected, length, offset);
    expect(block.subarray(0, length).equals(expected)).toBe(true);
  });

  it('finds the first differing byte of a read-back, or none', async () => {
    const source = patternSource('random', randomBytes(32), { seq: 1, pass: 1 });
    const actual = buffers.read[0]!;
    source.fill(actual, 2 * MIB, 4 * MIB);
    expect(await buffers.crypto.firstDifference(source, actual, 2 * MIB, 4 * MIB, buffers.expected)).toBe(2 * MIB);
    actual[MIB + 7] = (actual[MIB + 7] ?? 0) ^ 0x01;
    expect(await buffers.crypto.firstDifference(source, actual, 2 * MIB, 4 * MIB, buffers.expected)).toBe(MIB + 7);
    // Zeros are compared on the calling thread: same answer.
    const zeros = patternSource('zeros', randomBytes(32), { seq: 1, pass: 1 });
    actual.fill(0, 0, MIB);
    actual[4095] = 1;
    expect(await buffers.crypto.firstDifference(zeros, actual, MIB, 0, buffers.expected)).toBe(4095);
  });

  it('works the same on blocks outside its memory (on the calling thread)', async () => {
    const source = patternSource('random', randomBytes(32), { seq: 2, pass: 1 });
    const outside = Buffer.alloc(MIB);
    await buffers.crypto.fill(source, outside, MIB, 0);
    const expected = Buffer.alloc(MIB);
    source.fill(expected, MIB, 0);
    expect(outside.equals(expected)).toBe(true);
  });

  it('takes the SHA-256 before erasure exactly as hash-file.ts does, for sizes around its block', async () => {
    for (const size of [0, 1, 4 * MIB, 4 * MIB + 1, 13 * MIB + 777]) {
      const file = path.join(dir, `hash-${size}.bin`);
      await writeFile(file, randomBytes(size));
      const handle = await open(file, 'r');
      try {
        const progress: number[] = [];
        const ours = await sha256OfOpenFile(handle, buffers, { onProgress: ({ bytesDone }) => progress.push(bytesDone) });
        expect(ours).toEqual(await hashOpenFile(handle));
        expect(progress.at(-1) ?? 0).toBe(size);
      } finally {
        await handle.close();
      }
    }
  });

  it('stops hashing when cancelled and can hash again afterwards', async () => {
    const file = path.join(dir, 'cancel.bin');
    await writeFile(file, randomBytes(12 * MIB));
    const handle = await open(file, 'r');
    try {
      const controller = new AbortController();
      const cancelled = sha256OfOpenFile(handle, buffers, { signal: controller.signal, onProgress: () => controller.abort() });
      await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
      expect(await sha256OfOpenFile(handle, buffers)).toEqual(await hashOpenFile(handle));
    } finally {
      await handle.close();
    }
  });
});
