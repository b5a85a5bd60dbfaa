/**
 * The passes of a whole-medium overwrite (issue 14): write a pattern over every addressable
 * byte of the device in large aligned blocks, then read everything back and compare it with the
 * pattern regenerated from the key. Like overwrite-file.ts for files, blocks are generated (on
 * the lane's helper threads, crypto-lane.ts) while the ones before them are written
 * (write-pipeline.ts keeps the device's queue busy) and compared while the next are read; but a
 * device has what a file has not: sectors that refuse a write or a read. A block that fails
 * with a medium error is retried sector by sector; the sectors that still fail are counted bad
 * and skipped, and the pass goes on, so one weak sector does not stop the erasure of the rest —
 * while the count makes sure the certificate never calls the device erased (a sector that
 * refused the write may still hold the old data). A device that goes away (unplugged) or fails
 * in too many sectors ends the pass with an error.
 *
 * Progress is made durable every `checkpointBytes`: the blocks in flight are awaited and the
 * device flushed before the caller journals how far the pass got.
 */
import type { PatternSource } from '../erasure-pattern';
import type { IoBuffers } from '../overwrite-file';
import { observed, runPipelinedPass, slot } from '../write-pipeline';
import { isMediumError, type BlockDevice } from './block-device';

export interface DevicePassOptions {
  readonly signal?: AbortSignal;
  /** The device's logical sector: the unit of a retry and of a bad sector. */
  readonly sectorBytes: number;
  readonly buffers: IoBuffers;
  /** Sector numbers found bad so far in this run (all passes): filled in here. */
  readonly badSectors: Set<number>;
  /** Beyond this many bad sectors the device is failing, not merely worn: the pass stops. */
  readonly maxBadSectors: number;
  /** Called after each block with the bytes it covered (bad sectors included, so the meter reaches the end). */
  readonly onBytes?: (bytes: number) => void;
  /** Called after every `checkpointBytes`, with everything before `done` written and flushed (or read back). */
  readonly onCheckpoint?: (done: number, good: number) => void;
  readonly checkpointBytes: number;
}

/** The device failed in more sectors than a usable medium has: the erasure stops here. */
export class DeviceFailingError extends Error {
  readonly code = 'EIO';
  constructor(readonly badSectors: number) {
    super(`the device failed in ${badSectors} sectors`);
    this.name = 'DeviceFailingError';
  }
}

function noteBad(options: DevicePassOptions, sector: number): void {
  options.badSectors.add(sector);
  if (options.badSectors.size > options.maxBadSectors) throw new DeviceFailingError(options.badSectors.size);
}

/** Writes one block; on a medium error, sector by sector. Returns the bytes that were written. */
async function writeBlock(
  device: BlockDevice,
  buffer: Buffer,
  length: number,
  position: number,
  options: DevicePassOptions,
): Promise<number> {
  try {
    await device.write(buffer, length, position);
    return length;
  } catch (error) {
    if (!isMediumError(error)) throw error;
  }
  let good = 0;
  for (let offset = 0; offset < length; offset += options.sectorBytes) {
    const size = Math.min(options.sectorBytes, length - offset);
    try {
      await device.write(buffer.subarray(offset), size, position + offset);
      good += size;
    } catch (error) {
      if (!isMediumError(error)) throw error;
      noteBad(options, (position + offset) / options.sectorBytes);
    }
  }
  return good;
}

/** Writes `source` over `[0, size)` of the device and flushes it. Returns the bytes written (bad sectors excluded). */
export async function writeDevicePass(
  device: BlockDevice,
  size: number,
  source: PatternSource,
  options: DevicePassOptions,
): Promise<number> {
  let good = 0;
  let nextCheckpoint = options.checkpointBytes;
  await runPipelinedPass({
    size,
    ring: options.buffers.write,
    writesInFlight: options.buffers.writesInFlight,
    signal: options.signal,
    // Generated on the lane's helper threads while the blocks before it are written.
    fill: (buffer, length, offset) => options.buffers.crypto.fill(source, buffer, length, offset),
    write: (buffer, length, offset) => writeBlock(device, buffer, length, offset, options),
    onWritten: (written, length) => {
      good += written;
      options.onBytes?.(length);
    },
    beforeWrite: async (offset, drain) => {
      if (offset < nextCheckpoint) return;
      await drain();
      await device.flush();
      options.onCheckpoint?.(offset, good);
      nextCheckpoint = offset + options.checkpointBytes;
    },
  });
  await device.flush();
  return good;
}

/** Reads one block; on a medium error, sector by sector (an unreadable sector is counted bad and left as zeros). */
async function readBlock(
  device: BlockDevice,
  buffer: Buffer,
  length: number,
  position: number,
  options: DevicePassOptions,
): Promise<number> {
  try {
    return await device.read(buffer, length, position);
  } catch (error) {
    if (!isMediumError(error)) throw error;
  }
  for (let offset = 0; offset < length; offset += options.sectorBytes) {
    const size = Math.min(options.sectorBytes, length - offset);
    try {
      const read = await device.read(buffer.subarray(offset), size, position + offset);
      if (read < size) return offset + read;
    } catch (error) {
      if (!isMediumError(error)) throw error;
      buffer.fill(0, offset, offset + size);
      noteBad(options, (position + offset) / options.sectorBytes);
    }
  }
  return length;
}

export interface DeviceVerifyOutcome {
  /** Bytes read back and matched (bad sectors excluded). */
  readonly bytesVerified: number;
  /** The first byte of a good sector that differed from the pattern (or where the device ended early); null when all matched. */
  readonly mismatchAt: number | null;
}

/**
 * Reads `[0, size)` back and compares it with `source`. A sector already known bad is skipped
 * (never counted verified); any other difference ends the verification at its first byte.
 */
export async function verifyDevicePass(
  device: BlockDevice,
  size: number,
  source: PatternSource,
  options: DevicePassOptions,
): Promise<DeviceVerifyOutcome> {
  const ring = options.buffers.read;
  const expected = options.buffers.expected;
  const blockBytes = Math.min(slot(ring, 0).length, expected.length);
  const blocks = Math.ceil(size / blockBytes);
  const sizeOf = (block: number) => Math.min(blockBytes, size - block * blockBytes);
  const reads: Array<Promise<number>> = [];
  let next = 0;
  const issue = () => {
    reads.push(observed(readBlock(device, slot(ring, next), sizeOf(next), next * blockBytes, options)));
    next += 1;
  };
  let verified = 0;
  let nextCheckpoint = options.checkpointBytes;
  try {
    while (next < blocks && reads.length < ring.length - 1) issue();
    for (let block = 0; block < blocks; block += 1) {
      options.signal?.throwIfAborted();
      const bytesRead = await (reads.shift() ?? 0);
      // Blocks in use now: this one and those in flight; the ring's remaining one takes the next read.
      if (next < blocks) issue();
      const offset = block * blockBytes;
      const length = sizeOf(block);
      if (offset >= nextCheckpoint) {
        options.onCheckpoint?.(offset, verified);
        nextCheckpoint = offset + options.checkpointBytes;
      }
      const actual = slot(ring, block);
      if (bytesRead < length) return { bytesVerified: verified, mismatchAt: offset + bytesRead };
      // Compared on the lane's helper threads while the next blocks are read.
      const differsAt = await options.buffers.crypto.firstDifference(source, actual, length, offset, expected);
      if (differsAt === length && !hasBadSector(options, offset, length)) {
        verified += length;
      } else {
        // Rare: a difference or a known bad sector in this block. Sector by sector, on this thread.
        source.fill(expected, length, offset);
        const outcome = compareSectors(actual, expected, length, offset, options);
        verified += outcome.good;
        if (outcome.mismatchAt !== null) return { bytesVerified: verified, mismatchAt: outcome.mismatchAt };
      }
      options.onBytes?.(length);
    }
    return { bytesVerified: verified, mismatchAt: null };
  } finally {
    await Promise.allSettled(reads);
  }
}

function hasBadSector(options: DevicePassOptions, offset: number, length: number): boolean {
  if (options.badSectors.size === 0) return false;
  for (let at = offset; at < offset + length; at += options.sectorBytes) if (options.badSectors.has(at / options.sectorBytes)) return true;
  return false;
}

/** A block that differs somewhere: sector by sector, bad sectors skipped, the first other difference reported. */
function compareSectors(
  actual: Buffer,
  expected: Buffer,
  length: number,
  offset: number,
  options: DevicePassOptions,
): { good: number; mismatchAt: number | null } {
  let good = 0;
  for (let at = 0; at < length; at += options.sectorBytes) {
    const size = Math.min(options.sectorBytes, length - at);
    if (options.badSectors.has((offset + at) / options.sectorBytes)) continue;
    const a = actual.subarray(at, at + size);
    const e = expected.subarray(at, at + size);
    if (!a.equals(e)) {
      let i = 0;
      while (i < size && a[i] === e[i]) i += 1;
      return { good, mismatchAt: offset + at + i };
    }
    good += size;
  }
  return { good, mismatchAt: null };
}
