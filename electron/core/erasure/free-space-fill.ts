/**
 * Overwriting a removable volume's free space (10-1) after its files were erased: fill files
 * of at most 1 GiB each (FAT32 stops at 4 GiB) are written with the pass's stream until the
 * device reports it is full, flushed, overwritten by the remaining passes, read back in full,
 * and removed. This reaches the blocks the file system had already freed — earlier deletions
 * included — but not what it keeps for itself (metadata, journal, blocks reserved for the
 * administrator when run without admin rights), nor the flash cells a controller has remapped
 * or keeps in reserve: NIST SP 800-88 Clear at best.
 */
import { constants } from 'node:fs';
import { open, readdir, statfs, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { passPatterns, patternOfPass } from './erasure-methods';
import { patternSource, type PatternSource } from './erasure-pattern';
import { timestamp, updateItem, type ErasureItem, type ItemChanges } from './erasure-journal';
import { IO_BLOCK_BYTES, O_DIRECT, O_NOFOLLOW, openDirectReadBack, type ReadBack } from './direct-io';
import { verifyPass, writePass } from './overwrite-file';
import { syncDirectory } from './directory-entry';
import type { EntryRun } from './erase-entry';

const PART_LIMIT_BYTES = 1024 * 1024 * 1024;

/** Names of this job's fill files: recognisable, so that a resumed job removes an interrupted run's leftovers. */
export function fillFilePrefix(jobId: string): string {
  return `.fieldguard-free-space-${jobId.slice(0, 8)}-`;
}

interface Part {
  readonly file: string;
  readonly length: number;
}

function isFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
}

async function openPart(file: string, create: boolean): Promise<{ handle: FileHandle; direct: boolean }> {
  const flags = constants.O_RDWR | O_NOFOLLOW | (create ? constants.O_CREAT | constants.O_EXCL : 0);
  if (O_DIRECT !== 0) {
    try {
      return { handle: await open(file, flags | O_DIRECT, 0o600), direct: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
      if (create) await unlink(file).catch(() => undefined);
    }
  }
  return { handle: await open(file, flags, 0o600), direct: false };
}

/**
 * Writes the stream into one new fill file until the device is full or the part limit is
 * reached, halving the write down to one block when space runs short. Returns the bytes that
 * are durably in the file (always a whole number of blocks).
 */
async function fillPart(
  file: string,
  source: PatternSource,
  block: Buffer,
  unit: number,
  run: EntryRun,
  pass: number,
): Promise<{ length: number; full: boolean }> {
  const { handle } = await openPart(file, true);
  let length = 0;
  let chunk = IO_BLOCK_BYTES;
  let full = false;
  try {
    while (length < PART_LIMIT_BYTES) {
      run.signal?.throwIfAborted();
      const size = Math.min(chunk, PART_LIMIT_BYTES - length);
      source.fill(block, size, length);
      try {
        const { bytesWritten } = await handle.write(block, 0, size, length);
        const whole = Math.floor(bytesWritten / unit) * unit;
        if (whole < bytesWritten) await handle.truncate(length + whole);
        length += whole;
        run.onBytes(whole, 'overwrite', pass);
        if (whole < size) chunk = Math.max(unit, Math.floor(chunk / 2 / unit) * unit);
        if (bytesWritten === 0 && chunk === unit) {
          full = true;
          break;
        }
      } catch (error) {
        if (!isFull(error)) throw error;
        if (chunk === unit) {
          full = (error as NodeJS.ErrnoException).code !== 'EFBIG';
          break;
        }
        chunk = Math.max(unit, Math.floor(chunk / 2 / unit) * unit);
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { length, full };
}

async function removeParts(mountPath: string, prefix: string): Promise<void> {
  const names = (await readdir(mountPath)).filter((name) => name.startsWith(prefix));
  for (const name of names) await unlink(path.join(mountPath, name));
  if (names.length > 0) await syncDirectory(mountPath);
}

/** Fills, overwrites, verifies and removes the free space of the volume mounted at `item.path`. */
export async function fillFreeSpace(run: EntryRun, item: ErasureItem): Promise<void> {
  const journal = (changes: ItemChanges) => updateItem(run.db, run.jobId, item.seq, changes);
  const mountPath = item.path;
  const prefix = fillFilePrefix(run.jobId);
  const passes = passPatterns(run.method);
  const observations =
    item.passesDone > 0 || item.bytesWritten > 0 ? [...item.observations, 'rewritten-after-interruption' as const] : [...item.observations];
  const startedAt = timestamp();
  // An interrupted run's fill files hold nothing but its stream: start over.
  await removeParts(mountPath, prefix);
  const { bsize } = await statfs(mountPath);
  const unit = Math.min(Math.max(bsize || 4096, 512), IO_BLOCK_BYTES);
  const parts: Part[] = [];
  // The read-back's block is free until the read-back: the fill writes through it.
  const fillBlock = run.buffers.expected;
  let written = 0;
  try {
    for (let part = 0; ; part += 1) {
      const file = path.join(mountPath, `${prefix}${part}`);
      const source = patternSource(patternOfPass(run.method, 1), run.key, { seq: item.seq, pass: 1, part });
      const { length, full } = await fillPart(file, source, fillBlock, unit, run, 1);
      parts.push({ file, length });
      written += length;
      if (full || length === 0) break;
    }
    await syncDirectory(mountPath);
    const total = written;
    journal({
      state: passes.length === 1 ? 'overwritten' : 'pending',
      size: total,
      passesDone: 1,
      bytesWritten: total,
      startedAt,
      observations,
    });
    for (let pass = 2; pass <= passes.length; pass += 1) {
      for (const [index, part] of parts.entries()) {
        const { handle } = await openPart(part.file, false);
        try {
          await writePass(
            handle,
            part.length,
            patternSource(patternOfPass(run.method, pass), run.key, { seq: item.seq, pass, part: index }),
            run.buffers,
            {
              signal: run.signal,
              onBytes: (bytes) => run.onBytes(bytes, 'overwrite', pass),
            },
          );
        } finally {
          await handle.close();
        }
        written += part.length;
      }
      journal({ state: pass === passes.length ? 'overwritten' : 'pending', passesDone: pass, bytesWritten: pass * total });
    }
    let verified = 0;
    let readBack: ReadBack = 'direct';
    let matched = true;
    for (const [index, part] of parts.entries()) {
      const { handle } = await openPart(part.file, false);
      const reader = await openDirectReadBack(handle);
      try {
        if (!reader) readBack = 'cached';
        const last = patternSource(patternOfPass(run.method, passes.length), run.key, { seq: item.seq, pass: passes.length, part: index });
        const outcome = await verifyPass(reader ?? handle, part.length, last, run.buffers, {
          signal: run.signal,
          onBytes: (bytes) => run.onBytes(bytes, 'verify', passes.length),
        });
        verified += outcome.bytesVerified;
        matched = outcome.mismatchAt === null;
      } finally {
        await reader?.close();
        await handle.close();
      }
      if (!matched) break;
    }
    if (!matched) {
      // Closed first: Windows cannot remove a file that is still open.
      await removeParts(mountPath, prefix);
      journal({ state: 'exception', exceptionCode: 'VERIFY_MISMATCH', bytesVerified: verified, readBack, finishedAt: timestamp() });
      return;
    }
    journal({ state: 'verified', bytesVerified: verified, readBack });
    await removeParts(mountPath, prefix);
    journal({ state: 'removed', finishedAt: timestamp() });
  } catch (error) {
    // Never leave a full volume behind: the fill files go whatever happened.
    await removeParts(mountPath, prefix).catch(() => undefined);
    if (run.signal?.aborted && written > 0) journal({ bytesWritten: written, observations: [...observations, 'partially-overwritten'] });
    throw error;
  }
}
