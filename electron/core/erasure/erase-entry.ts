/**
 * Erases one planned entry and records each step in the journal (10-1):
 *
 * - a file: identity re-checked (same device:inode as planned, still a regular file, no hard
 *   link outside the job), made writable if read-only, overwritten in place over its whole
 *   allocated size by every pass, flushed, read back and compared; then renamed to a random
 *   name, truncated to zero, removed, and its folder flushed;
 * - a link (symbolic link, junction, reparse point): renamed and removed itself, its target never touched;
 * - a folder: renamed and removed once empty, after everything in it.
 *
 * The journal is updated only after a step is durable, and a resumed entry continues from
 * what the journal says: 'pending' or 'overwritten' is overwritten again from the start (under
 * the new run's key), 'verified' only needs removing — and if it is already gone, it was.
 */
import type { BigIntStats } from 'node:fs';
import { open, readdir, rename, rmdir, statfs, unlink, type FileHandle } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import type { VaultDatabase } from '../../db/open-vault-database';
import { passPatterns, type ErasureMethod } from './erasure-methods';
import { exceptionFromError, type ExceptionCode, type Observation } from './erasure-exceptions';
import { timestamp, updateItem, type ErasureItem, type ItemChanges } from './erasure-journal';
import { anonymousName, fileIdOf, lstatOrNull, renameIfFree, syncDirectory } from './directory-entry';
import { O_NOFOLLOW, openForInspection, openForOverwrite } from './direct-io';
import { overwriteAndVerify, type IoBuffers, type OverwritePhase } from './overwrite-file';
import { hashOpenFile } from '../files/hash-file';
import { fillFreeSpace } from './free-space-fill';

/** What one run of a job shares with each entry it erases. */
export interface EntryRun {
  readonly db: VaultDatabase;
  readonly jobId: string;
  readonly method: ErasureMethod;
  /** This run's stream key: random, in memory only, wiped when the run ends. */
  readonly key: Buffer;
  readonly buffers: IoBuffers;
  readonly signal?: AbortSignal;
  /** Bytes hashed (pass 0), written or read back, as they go. */
  readonly onBytes: (bytes: number, phase: OverwritePhase | 'hash', pass: number) => void;
  /** The file system's block size for a folder (see `blockSizes`). */
  readonly blockBytes: (directory: string) => Promise<number>;
}

/** Thrown inside an entry to record it as an exception and move on to the next. */
class EntryException extends Error {
  constructor(readonly exceptionCode: ExceptionCode) {
    super(exceptionCode);
  }
}

/**
 * Bytes to overwrite: the logical size or the allocated size, whichever is larger, rounded up
 * to the file system's block, so the slack after the last byte is covered too. A sparse file's
 * holes are written as well (its logical size exceeds what was allocated).
 */
export function overwriteLength(stats: Pick<BigIntStats, 'size' | 'blocks'>, blockBytes: number): number {
  const size = Number(stats.size);
  const allocated = Number(stats.blocks ?? 0n) * 512;
  const wanted = Math.max(size, Number.isFinite(allocated) ? allocated : 0);
  return Math.ceil(wanted / blockBytes) * blockBytes;
}

/**
 * The file system's block size per folder, kept between 512 bytes and 64 KiB (a network file
 * system may report 1 MiB), asked once per folder for one run of a job.
 */
export function blockSizes(): (directory: string) => Promise<number> {
  const known = new Map<string, number>();
  return async (directory) => {
    let bytes = known.get(directory);
    if (bytes === undefined) {
      const { bsize } = await statfs(directory).catch(() => ({ bsize: 4096 }));
      bytes = Math.min(Math.max(bsize || 4096, 512), 64 * 1024);
      known.set(directory, bytes);
    }
    return bytes;
  };
}

function isSame(stats: BigIntStats | null, item: ErasureItem): stats is BigIntStats {
  return stats !== null && fileIdOf(stats) === item.fileId;
}

/** How many of the job's entries still name this file (they are erased one after another). */
function namesInJob(db: VaultDatabase, jobId: string, fileId: string): number {
  const row = db.prepare("SELECT count(*) AS n FROM erasure_items WHERE job_id = ? AND file_id = ? AND kind = 'file' AND state <> 'removed'").get(jobId, fileId) as { n: number };
  return row.n;
}

function checkRegularFile(run: EntryRun, item: ErasureItem, stats: BigIntStats | null): asserts stats is BigIntStats {
  if (stats === null) throw new EntryException('VANISHED');
  if (stats.isSymbolicLink() || !isSame(stats, item)) throw new EntryException('CHANGED_SINCE_PLAN');
  if (!stats.isFile()) throw new EntryException('NOT_A_REGULAR_FILE');
  if (stats.nlink > 1n && Number(stats.nlink) > namesInJob(run.db, run.jobId, item.fileId ?? '')) throw new EntryException('HARD_LINKED');
}

/** A read-only file is made writable through a descriptor (fchmod), never through a path a link could redirect. */
async function makeWritable(item: ErasureItem, stats: BigIntStats): Promise<void> {
  const handle = await openForInspection(item.path);
  try {
    const opened = await handle.stat({ bigint: true });
    if (!isSame(opened, item) || !opened.isFile()) throw new EntryException('CHANGED_SINCE_PLAN');
    await handle.chmod(Number(stats.mode & 0o7777n) | 0o200);
  } finally {
    await handle.close();
  }
}

/**
 * The SHA-256 of the content about to be erased (the certificate's evidence), read through the
 * page cache on a descriptor whose device:inode is the planned one. Recorded before the first
 * write, so a resumed run never hashes the pattern instead.
 */
async function hashBeforeErasure(run: EntryRun, item: ErasureItem): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await openForInspection(item.path);
  } catch (error) {
    const code = isOsError(error) ? exceptionFromError(error) : null;
    if (code === 'PERMISSION_DENIED' || code === 'IO_ERROR') throw new EntryException('UNREADABLE');
    throw error;
  }
  try {
    const opened = await handle.stat({ bigint: true });
    if (!isSame(opened, item) || !opened.isFile()) throw new EntryException('CHANGED_SINCE_PLAN');
    const digest = await hashOpenFile(handle, { signal: run.signal, onProgress: progressOf((bytes) => run.onBytes(bytes, 'hash', 0)) });
    return digest.sha256;
  } finally {
    await handle.close();
  }
}

/** Turns running totals into the increments the progress meter counts. */
function progressOf(onIncrement: (bytes: number) => void): (progress: { bytesDone: number }) => void {
  let last = 0;
  return ({ bytesDone }) => {
    onIncrement(bytesDone - last);
    last = bytesDone;
  };
}

/** Renamed, emptied, removed, folder flushed: the end of every erased file. */
async function removeOverwritten(handle: FileHandle | null, renamedPath: string, item: ErasureItem): Promise<void> {
  const own = handle ?? (await open(renamedPath, constants.O_RDWR | O_NOFOLLOW));
  try {
    const stats = await own.stat({ bigint: true });
    if (!isSame(stats, item)) throw new EntryException('CHANGED_SINCE_PLAN');
    // The content is already overwritten and verified; the truncation hides the length (on FAT
    // the entry records it) and needs no flush of its own: the folder's fsync below carries it
    // on journaling file systems.
    await own.truncate(0);
  } finally {
    await own.close();
  }
  await unlink(renamedPath);
  await syncDirectory(path.dirname(renamedPath));
}

async function eraseFile(run: EntryRun, item: ErasureItem, journal: (changes: ItemChanges) => void): Promise<void> {
  const directory = path.dirname(item.path);
  if (item.state === 'verified') return finishVerifiedFile(item, journal);
  const observations = new Set<Observation>(item.observations);
  if (item.state === 'overwritten' || item.passesDone > 0 || item.bytesWritten > 0) observations.add('rewritten-after-interruption');
  observations.delete('partially-overwritten');

  let stats = await lstatOrNull(item.path);
  checkRegularFile(run, item, stats);
  if ((stats.mode & 0o200n) === 0n) {
    await makeWritable(item, stats);
    observations.add('made-writable');
    // Recorded at once: a crash before the first pass must not lose that the mode was changed.
    journal({ observations: [...observations] });
  }
  if (item.sha256Before === null) journal({ sha256Before: await hashBeforeErasure(run, item) });
  const { handle } = await openForOverwrite(item.path);
  let closed = false;
  let written = 0;
  const startedAt = timestamp();
  try {
    stats = await handle.stat({ bigint: true });
    checkRegularFile(run, item, stats);
    const length = overwriteLength(stats, await run.blockBytes(directory));
    if (Number(stats.blocks ?? 0n) * 512 < Number(stats.size)) observations.add('sparse-filled');
    const passes = passPatterns(run.method).length;
    const result = await overwriteAndVerify(handle, length, run.method, run.key, {
      seq: item.seq,
      buffers: run.buffers,
      signal: run.signal,
      onBytes: (bytes, phase, pass) => {
        if (phase === 'overwrite') written += bytes;
        run.onBytes(bytes, phase, pass);
      },
      onPassFlushed: (done) =>
        journal({
          state: done === passes ? 'overwritten' : 'pending',
          passesDone: done,
          bytesWritten: done * length,
          bytesVerified: 0,
          readBack: null,
          startedAt,
          observations: [...observations],
        }),
    });
    if (!result.verified) {
      journal({ state: 'exception', exceptionCode: 'VERIFY_MISMATCH', bytesVerified: result.bytesVerified, readBack: result.readBack, finishedAt: timestamp() });
      return;
    }
    const renamedTo = await anonymousName(directory, path.basename(item.path));
    journal({ state: 'verified', bytesVerified: result.bytesVerified, readBack: result.readBack, renamedTo });
    await renameIfFree(item.path, path.join(directory, renamedTo));
    closed = true;
    await removeOverwritten(handle, path.join(directory, renamedTo), item);
  } catch (error) {
    if (run.signal?.aborted && written > 0) {
      // Cancelled mid-pass: the certificate must show this file as touched but not erased.
      journal({ bytesWritten: written, observations: [...observations, 'partially-overwritten'] });
    }
    throw error;
  } finally {
    if (!closed) await handle.close();
  }
  journal({ state: 'removed', finishedAt: timestamp() });
}

/** Resuming a verified file: finish removing it from wherever the crash left it. */
async function finishVerifiedFile(item: ErasureItem, journal: (changes: ItemChanges) => void): Promise<void> {
  const directory = path.dirname(item.path);
  const renamedPath = item.renamedTo ? path.join(directory, item.renamedTo) : null;
  if (renamedPath && isSame(await lstatOrNull(renamedPath), item)) {
    await removeOverwritten(null, renamedPath, item);
  } else if (renamedPath && isSame(await lstatOrNull(item.path), item)) {
    await renameIfFree(item.path, renamedPath);
    await removeOverwritten(null, renamedPath, item);
  } else {
    journal({ state: 'removed', observations: [...item.observations, 'vanished-after-verify'], finishedAt: timestamp() });
    return;
  }
  journal({ state: 'removed', finishedAt: timestamp() });
}

/**
 * A link or a folder has no content of its own to overwrite; its name is taken out the same
 * way as a file's. A folder must be empty: whatever could not be erased inside keeps it.
 */
async function removeNamedEntry(item: ErasureItem, journal: (changes: ItemChanges) => void): Promise<void> {
  const directory = path.dirname(item.path);
  const remove = (entry: string) => (item.kind === 'folder' ? rmdir(entry) : unlink(entry));
  const renamedPath = item.renamedTo ? path.join(directory, item.renamedTo) : null;
  const startedAt = item.startedAt ?? timestamp();
  const current = await lstatOrNull(item.path);
  if (current === null) {
    const renamed = renamedPath ? await lstatOrNull(renamedPath) : null;
    if (renamedPath && isSame(renamed, item)) {
      await remove(renamedPath);
      await syncDirectory(directory);
    } else if (!renamedPath) {
      throw new EntryException('VANISHED');
    }
    // Renamed before the crash and gone now: removed by the interrupted run.
    journal({ state: 'removed', startedAt, finishedAt: timestamp() });
    return;
  }
  const wantedKind = item.kind === 'folder' ? current.isDirectory() : current.isSymbolicLink();
  if (!wantedKind || !isSame(current, item)) throw new EntryException('CHANGED_SINCE_PLAN');
  if (item.kind === 'folder' && (await readdir(item.path)).length > 0) throw new EntryException('NOT_EMPTY');
  const renamedTo = await anonymousName(directory, path.basename(item.path));
  journal({ renamedTo, startedAt });
  const target = path.join(directory, renamedTo);
  await renameIfFree(item.path, target);
  try {
    await remove(target);
  } catch (error) {
    // Something appeared inside meanwhile: give the folder its name back and report it.
    await rename(target, item.path).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
  journal({ state: 'removed', finishedAt: timestamp() });
}

/**
 * Erases one entry (free space: see free-space-fill.ts). An OS refusal becomes the
 * entry's exception and the job goes on; cancellation and database failures propagate.
 */
export async function eraseEntry(run: EntryRun, item: ErasureItem): Promise<void> {
  const journal = (changes: ItemChanges) => updateItem(run.db, run.jobId, item.seq, changes);
  try {
    if (item.kind === 'file') await eraseFile(run, item, journal);
    else if (item.kind === 'free-space') await fillFreeSpace(run, item);
    else await removeNamedEntry(item, journal);
  } catch (error) {
    if (run.signal?.aborted) throw error;
    const code = error instanceof EntryException ? error.exceptionCode : isOsError(error) ? exceptionFromError(error) : null;
    if (code === null) throw error;
    journal({ state: 'exception', exceptionCode: code, finishedAt: timestamp() });
  }
}

/** An errno-style failure of the file system (EACCES, ENOENT, …), as opposed to a bug or a database error. */
function isOsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}
