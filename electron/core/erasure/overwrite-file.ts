/**
 * Overwrites an open file in place and proves the last pass took (10-1, NIST SP 800-88
 * "Clear" with verification): every pass writes the whole length through reused blocks and
 * is flushed to the device (fsync) before the next; then the last pass is read back in full
 * and compared with the pattern regenerated from the key. Writing blocks while the next ones
 * are generated (write-pipeline.ts), and reading while the previous is compared, keeps the
 * device busy; the
 * generating, comparing and hashing run on the lane's helper thread (crypto-lane.ts), so the
 * two lanes of a job use both cores. Every block is an await, so the calling thread keeps
 * serving its event loop throughout.
 */
import type { FileHandle } from 'node:fs/promises';
import { passPatterns, type ErasureMethod } from './erasure-methods';
import { patternSource, type PatternSource } from './erasure-pattern';
import { alignedBlocks, IO_BLOCK_BYTES, openDirectReadBack, readFully, writeFully, type ReadBack } from './direct-io';
import { CryptoLane } from './crypto-lane';
import { FILL_AHEAD, observed, runPipelinedPass, slot } from './write-pipeline';
import type { FileDigest, HashOptions } from '../files/hash-file';

/**
 * Writes kept in flight at once. Two keep the device queue from draining between requests
 * (measured on virtio and NVMe: ~25 % faster than one). A third gives the keystream helpers
 * slack when both cores are busy: one 1 GiB file on a loaded 2-core VM, six alternating
 * rounds against `dd oflag=direct`, went from 0.54–1.05 to 0.68–1.47 of dd, never lower in
 * the same round; four was no better than three.
 */
const QUEUE_DEPTH = 3;
/**
 * Reads kept in flight for the read-back and the hash: unbuffered reads gain from a deeper
 * queue than writes (issue 14 profile, 1 GiB O_DIRECT in 4 MiB blocks on virtio: 1.1–1.8 GB/s
 * with two in flight, 1.6–2.1 GB/s with four; dd iflag=direct 1.35 GB/s).
 */
const READ_QUEUE_DEPTH = 4;

/**
 * The reused, page-aligned blocks of one lane: a ring to write, a ring to read, one for the
 * expected bytes (when a comparison runs on the calling thread), and the lane's helper thread.
 */
export interface IoBuffers {
  readonly write: readonly Buffer[];
  /** Writes kept in flight at most (the rest of the write ring is generated ahead). */
  readonly writesInFlight: number;
  readonly read: readonly Buffer[];
  readonly expected: Buffer;
  readonly crypto: CryptoLane;
}

export function createIoBuffers(): IoBuffers {
  // The write ring holds the blocks in flight and those being generated ahead of them; the
  // read ring has one block more than may be in flight: the one being compared.
  const writeRing = QUEUE_DEPTH + FILL_AHEAD;
  const readRing = READ_QUEUE_DEPTH + 1;
  const [expected, ...rings] = alignedBlocks(1 + writeRing + readRing);
  if (!expected) throw new RangeError('no I/O blocks');
  const memory = expected.buffer instanceof SharedArrayBuffer ? expected.buffer : null;
  return {
    write: rings.slice(0, writeRing),
    writesInFlight: QUEUE_DEPTH,
    read: rings.slice(writeRing),
    expected,
    crypto: new CryptoLane(memory),
  };
}

export type OverwritePhase = 'overwrite' | 'verify';

export interface PassOptions {
  readonly signal?: AbortSignal;
  /** Called after each block with the bytes it covered. */
  readonly onBytes?: (bytes: number) => void;
}

/** Writes `source` over `[0, length)` of the file and fsyncs it. */
export async function writePass(
  handle: FileHandle,
  length: number,
  source: PatternSource,
  buffers: IoBuffers,
  options: PassOptions = {},
): Promise<void> {
  await runPipelinedPass({
    size: length,
    ring: buffers.write,
    writesInFlight: buffers.writesInFlight,
    signal: options.signal,
    fill: (buffer, size, offset) => buffers.crypto.fill(source, buffer, size, offset),
    write: (buffer, size, offset) => writeFully(handle, buffer, size, offset),
    onWritten: (_, size) => options.onBytes?.(size),
  });
  await handle.sync();
}

export interface VerifyOutcome {
  readonly bytesVerified: number;
  /** The first byte that differed (or where the file ended early), or null when all matched. */
  readonly mismatchAt: number | null;
}

/** Reads `[0, length)` back and compares it with `source`, block by block. */
export async function verifyPass(
  reader: FileHandle,
  length: number,
  source: PatternSource,
  buffers: IoBuffers,
  options: PassOptions = {},
): Promise<VerifyOutcome> {
  const blocks = Math.ceil(length / IO_BLOCK_BYTES);
  const sizeOf = (block: number) => Math.min(IO_BLOCK_BYTES, length - block * IO_BLOCK_BYTES);
  const reads: Array<Promise<number>> = [];
  let next = 0;
  const issue = () => {
    reads.push(observed(readFully(reader, slot(buffers.read, next), sizeOf(next), next * IO_BLOCK_BYTES)));
    next += 1;
  };
  let verified = 0;
  try {
    while (next < blocks && reads.length < buffers.read.length - 1) issue();
    for (let block = 0; block < blocks; block += 1) {
      options.signal?.throwIfAborted();
      const bytesRead = await (reads.shift() ?? 0);
      // Blocks in use now: this one and those in flight; the ring's remaining one takes the next read.
      if (next < blocks) issue();
      const offset = block * IO_BLOCK_BYTES;
      const size = sizeOf(block);
      const compared = Math.min(size, bytesRead);
      const differsAt = await buffers.crypto.firstDifference(source, slot(buffers.read, block), compared, offset, buffers.expected);
      // A short read (the file ended early) fails where it ended, if nothing before differed.
      if (differsAt < size) return { bytesVerified: verified, mismatchAt: offset + differsAt };
      verified += size;
      options.onBytes?.(size);
    }
    return { bytesVerified: verified, mismatchAt: null };
  } finally {
    await Promise.allSettled(reads);
  }
}

/**
 * The SHA-256 of an open file from its start to its end, as hash-file.ts's hashOpenFile takes
 * it (same reads until the end, same digest and byte count), but on the lane: the next block
 * is read while the helper hashes the one before.
 */
export async function sha256OfOpenFile(
  handle: FileHandle,
  buffers: IoBuffers,
  options: Omit<HashOptions, 'chunkBytes'> = {},
): Promise<FileDigest> {
  const { size } = await handle.stat();
  const hash = buffers.crypto.sha256();
  let hashing: Promise<void> = Promise.resolve();
  let bytes = 0;
  let digested = false;
  try {
    for (let block = 0; ; block += 1) {
      options.signal?.throwIfAborted();
      // The block hashed last is the ring's previous one: this one is free.
      const buffer = slot(buffers.read, block);
      const bytesRead = await readFully(handle, buffer, buffer.length, bytes);
      await hashing;
      if (bytesRead === 0) break;
      hashing = observed(hash.update(buffer, bytesRead));
      bytes += bytesRead;
      options.onProgress?.({ bytesDone: bytes, bytesTotal: Math.max(size, bytes) });
    }
    digested = true;
    return { sha256: await hash.digest(), bytes };
  } finally {
    if (!digested) {
      await hashing.catch(() => undefined);
      hash.discard();
    }
  }
}

export interface OverwriteOptions {
  /** The journal's item number and part: each item's streams differ (default 0, 0). */
  readonly seq?: number;
  readonly part?: number;
  readonly signal?: AbortSignal;
  readonly buffers?: IoBuffers;
  readonly onBytes?: (bytes: number, phase: OverwritePhase, pass: number) => void;
  /** Called once each pass is written and flushed, before the next begins (the journal's step). */
  readonly onPassFlushed?: (passesDone: number) => void;
}

export interface OverwriteResult {
  readonly passesDone: number;
  readonly bytesWritten: number;
  readonly bytesVerified: number;
  readonly verified: boolean;
  readonly mismatchAt: number | null;
  readonly readBack: ReadBack;
}

function sources(method: ErasureMethod, key: Buffer, seq: number, part: number): PatternSource[] {
  return passPatterns(method).map((pattern, index) => patternSource(pattern, key, { seq, pass: index + 1, part }));
}

/**
 * Overwrites `[0, length)` of the open file with every pass of `method`, flushing each, then
 * reads the last pass back in full: unbuffered (O_DIRECT) where possible, else through the
 * same handle, which the result reports as 'cached'. The file is neither truncated nor moved.
 */
export async function overwriteAndVerify(
  handle: FileHandle,
  length: number,
  method: ErasureMethod,
  key: Buffer,
  options: OverwriteOptions = {},
): Promise<OverwriteResult> {
  const buffers = options.buffers ?? createIoBuffers();
  const passes = sources(method, key, options.seq ?? 0, options.part ?? 0);
  let bytesWritten = 0;
  for (const [index, source] of passes.entries()) {
    await writePass(handle, length, source, buffers, {
      signal: options.signal,
      onBytes: (bytes) => {
        bytesWritten += bytes;
        options.onBytes?.(bytes, 'overwrite', index + 1);
      },
    });
    options.onPassFlushed?.(index + 1);
  }
  const last = passes[passes.length - 1];
  if (last === undefined) throw new RangeError('a method has at least one pass');
  const direct = await openDirectReadBack(handle);
  try {
    const outcome = await verifyPass(direct ?? handle, length, last, buffers, {
      signal: options.signal,
      onBytes: (bytes) => options.onBytes?.(bytes, 'verify', passes.length),
    });
    return {
      passesDone: passes.length,
      bytesWritten,
      bytesVerified: outcome.bytesVerified,
      verified: outcome.mismatchAt === null,
      mismatchAt: outcome.mismatchAt,
      readBack: direct ? 'direct' : 'cached',
    };
  } finally {
    await direct?.close();
  }
}
