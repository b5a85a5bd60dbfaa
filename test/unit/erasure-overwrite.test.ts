/**
 * The overwrite itself (10-1), on real files left in place so that their bytes can be read
 * afterwards: no trace of the original content remains anywhere in them, the stream is the
 * keyed AES-256-CTR stream the journal describes, and a read-back catches a block that did
 * not take.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { O_DIRECT } from '../../electron/core/erasure/direct-io';
import { overwriteLength } from '../../electron/core/erasure/erase-entry';
import { erasureMethods, passPatterns } from '../../electron/core/erasure/erasure-methods';
import { patternSource } from '../../electron/core/erasure/erasure-pattern';
import { createIoBuffers, overwriteAndVerify, verifyPass, writePass } from '../../electron/core/erasure/overwrite-file';

const MARKER = Buffer.from('PATIENT-山田太郎-1970-01-01-MRN-4711');
const MIB = 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erasure-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A file that is the marker over and over, plus an odd tail, so that any surviving range would show. */
async function markerFile(name: string, size: number): Promise<string> {
  const file = path.join(dir, name);
  const body = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += MARKER.length) MARKER.copy(body, offset);
  await writeFile(file, body);
  return file;
}

/** True if any 16-byte window of the marker occurs in `bytes`. */
function holdsAnyOf(bytes: Buffer, marker: Buffer): boolean {
  for (let i = 0; i + 16 <= marker.length; i += 1) if (bytes.includes(marker.subarray(i, i + 16))) return true;
  return false;
}

describe('the erasure stream', () => {
  it('is the AES-256-CTR keystream under the run key, with the item, pass and part in the counter block', () => {
    const key = randomBytes(32);
    const block = Buffer.alloc(1 * MIB + 512);
    patternSource('random', key, { seq: 7, pass: 2, part: 3 }).fill(block, block.length, 0);
    const iv = Buffer.from('00000007' + '0002' + '0003' + '0000000000000000', 'hex');
    const expected = createCipheriv('aes-256-ctr', key, iv).update(Buffer.alloc(block.length));
    expect(block.equals(expected)).toBe(true);
  });

  it('can be regenerated from any 16-byte offset, so a read-back needs nothing stored', () => {
    const key = randomBytes(32);
    const whole = Buffer.alloc(3 * MIB);
    patternSource('random', key, { seq: 1, pass: 1 }).fill(whole, whole.length, 0);
    const part = Buffer.alloc(MIB);
    patternSource('random', key, { seq: 1, pass: 1 }).fill(part, MIB, 2 * MIB - 4096);
    expect(part.equals(whole.subarray(2 * MIB - 4096, 3 * MIB - 4096))).toBe(true);
  });

  it('differs between items, passes and keys', () => {
    const key = randomBytes(32);
    const take = (k: Buffer, seq: number, pass: number) => {
      const b = Buffer.alloc(4096);
      patternSource('random', k, { seq, pass }).fill(b, b.length, 0);
      return b.toString('hex');
    };
    const streams = new Set([take(key, 1, 1), take(key, 2, 1), take(key, 1, 2), take(randomBytes(32), 1, 1)]);
    expect(streams.size).toBe(4);
  });
});

describe('overwriteAndVerify', () => {
  for (const method of erasureMethods) {
    it(`${method}: leaves no byte range of the original content, and the last pass reads back exactly`, async () => {
      const file = await markerFile(`${method}.bin`, 5 * MIB + 123);
      const key = randomBytes(32);
      const handle = await open(file, 'r+');
      const length = overwriteLength(await handle.stat({ bigint: true }), 4096);
      const flushed: number[] = [];
      const result = await overwriteAndVerify(handle, length, method, key, { seq: 9, onPassFlushed: (n) => flushed.push(n) });
      await handle.close();
      const passes = passPatterns(method).length;
      expect(result).toMatchObject({
        verified: true,
        passesDone: passes,
        bytesWritten: passes * length,
        bytesVerified: length,
        mismatchAt: null,
      });
      expect(flushed).toEqual(Array.from({ length: passes }, (_, i) => i + 1));
      const after = await readFile(file);
      expect(after.length).toBe(length);
      expect(holdsAnyOf(after, MARKER)).toBe(false);
      const last = passPatterns(method).at(-1);
      const expected = Buffer.alloc(length);
      patternSource(last ?? 'zeros', key, { seq: 9, pass: passes }).fill(expected, length, 0);
      expect(after.equals(expected)).toBe(true);
      if (last === 'random') expect(after.subarray(0, 4096).equals(Buffer.alloc(4096))).toBe(false);
    });
  }

  it('reads back unbuffered (O_DIRECT) where Linux offers it, and says so', async () => {
    const file = await markerFile('direct.bin', MIB);
    const handle = await open(file, 'r+');
    const result = await overwriteAndVerify(handle, MIB, 'zeros-verify', randomBytes(32));
    await handle.close();
    expect(result.readBack).toBe(process.platform === 'linux' && O_DIRECT !== 0 ? 'direct' : 'cached');
  });

  it('covers the slack after the last byte: the length is rounded up to the file system block', async () => {
    expect(overwriteLength({ size: 5000n, blocks: 16n }, 4096)).toBe(8192);
    expect(overwriteLength({ size: 0n, blocks: 0n }, 4096)).toBe(0);
    // Sparse: 32 MiB logical, 8 KiB allocated — the whole logical size is written.
    expect(overwriteLength({ size: 32n * 1048576n, blocks: 16n }, 4096)).toBe(32 * MIB);
    // Preallocated beyond the end: the allocated blocks are covered too.
    expect(overwriteLength({ size: 100n, blocks: 2048n }, 4096)).toBe(MIB);
  });

  it('a read-back catches a block that does not hold the pattern, at the exact byte', async () => {
    const file = await markerFile('tampered.bin', 9 * MIB);
    const key = randomBytes(32);
    const buffers = createIoBuffers();
    const handle = await open(file, 'r+');
    await writePass(handle, 9 * MIB, patternSource('random', key, { seq: 1, pass: 1 }), buffers);
    await handle.write(Buffer.from([0x42]), 0, 1, 6 * MIB + 77);
    const outcome = await verifyPass(handle, 9 * MIB, patternSource('random', key, { seq: 1, pass: 1 }), buffers);
    await handle.close();
    expect(outcome.mismatchAt).toBe(6 * MIB + 77);
    expect(outcome.bytesVerified).toBe(4 * MIB);
  });

  it('a read-back of a file cut short does not verify', async () => {
    const file = await markerFile('short.bin', 2 * MIB);
    const key = randomBytes(32);
    const buffers = createIoBuffers();
    const handle = await open(file, 'r+');
    await writePass(handle, 2 * MIB, patternSource('zeros', key, { seq: 1, pass: 1 }), buffers);
    await handle.truncate(MIB);
    const outcome = await verifyPass(handle, 2 * MIB, patternSource('zeros', key, { seq: 1, pass: 1 }), buffers);
    await handle.close();
    expect(outcome.mismatchAt).toBe(MIB);
    expect((await stat(file)).size).toBe(MIB);
  });

  it('stops between blocks when cancelled, without leaving a write in flight', async () => {
    const file = await markerFile('cancel.bin', 16 * MIB);
    const controller = new AbortController();
    const handle = await open(file, 'r+');
    let blocks = 0;
    const work = overwriteAndVerify(handle, 16 * MIB, 'random-verify', randomBytes(32), {
      signal: controller.signal,
      onBytes: () => {
        blocks += 1;
        if (blocks === 1) controller.abort();
      },
    });
    await expect(work).rejects.toMatchObject({ name: 'AbortError' });
    await handle.close();
    expect(blocks).toBeLessThan(4);
  });
});
