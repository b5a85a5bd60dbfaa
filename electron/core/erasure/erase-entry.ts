/**
 * Erases one planned entry and records each step in the journal (10-1):
 *
 * - a file: identity re-checked (same device:inode as planned, still a regular file, every
 *   name it has still one of the job's), made writable if read-only, hashed (SHA-256 before
 *   erasure, journaled before the first write), overwritten in place over its whole allocated
 *   size by every pass, flushed, read back and compared; then renamed to a random name,
 *   truncated to zero, removed, and its folder flushed;
 * - another name of a file already erased through its first name (a hard link inside the
 *   job): its content is not hashed or overwritten again — that would record the emptied
 *   file as "before erasure" — only the name is taken out (issue 14);
 * - a link (symbolic link, junction, reparse point): renamed and removed itself, its target
 *   never followed nor touched;
 * - a folder: renamed and removed once empty, after everything in it.
 *
 * The journal is updated only after a step is durable, and a resumed entry continues from
 * what the journal says: 'pending' or 'overwritten' is overwritten again from the start (under
 * the new run's key) and keeps the SHA-256 recorded before the interrupted run's first write;
 * 'verified' only needs removing — and if it is already gone, it was. A file written to with
 * no SHA-256 recorded (an earlier version's journal) is never hashed now: what it held before
 * erasure is recorded as unknown, not as whatever the overwrite left.
 */
import type { BigIntStats } from 'node:fs';
import { open, readdir, rename, rmdir, statfs, unlink, type FileHandle } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import type { VaultDatabase } from '../../db/open-vault-database';
import { passPatterns, type ErasureMethod } from './erasure-methods';
import { exceptionFromError, type ExceptionCode } from './erasure-exceptions';
import {
  contentErased,
  namesOfFile,
  timestamp,
  touchedContent,
  updateItem,
  type ErasureItem,
  type ItemChanges,
  type ItemObservation,
} from './erasure-journal';
import { anonymousName, fileIdOf, lstatOrNull, renameIfFree, syncDirectory } from './directory-entry';
import { O_NOFOLLOW, openForInspection, openForOverwrite } from './direct-io';
import { overwriteAndVerify, sha256OfOpenFile, type IoBuffers, type OverwritePhase } from './overwrite-file';
import type { FileDigest } from '../files/hash-file';
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

/** A file's size; `blocks` may be missing where the file system does not report it, whatever @types/node says. */
type AllocatedSize = Pick<BigIntStats, 'size'> & Partial<Pick<BigIntStats, 'blocks'>>;

/**
 * Bytes to overwrite: the logical size or the allocated size, whichever is larger, rounded up
 * to the file system's block, so the slack after the last byte is covered too. A sparse file's
 * holes are written as well (its logical size exceeds what was allocated).
 */
export function overwriteLength(stats: AllocatedSize, blockBytes: number): number {
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

function checkRegularFile(item: ErasureItem, stats: BigIntStats | null): asserts stats is BigIntStats {
  if (stats === null) throw new EntryException('VANISHED');
  if (stats.isSymbolicLink() || !isSame(stats, item)) throw new EntryException('CHANGED_SINCE_PLAN');
  if (!stats.isFile()) throw new EntryException('NOT_A_REGULAR_FILE');
}

/**
 * How many of the job's names of this file still name it where they were planned. Counted on
 * the file system, not from the plan: a name of ours moved out of the job since is a name
 * outside it now.
 */
async function namesStillInJob(run: EntryRun, item: ErasureItem): Promise<number> {
  let count = 0;
  for (const name of namesOfFile(run.db, run.jobId, item.fileId ?? '')) {
    if (name.state !== 'removed' && isSame(await lstatOrNull(name.path), item)) count += 1;
  }
  return count;
}

/**
 * A file may be overwritten only if every name it has is one the job removes; otherwise the
 * overwrite would destroy a file the engineer did not choose (a hard link made or moved
 * elsewhere since planning). The link count found is journaled for the certificate.
 */
async function checkNoNameOutside(
  run: EntryRun,
  item: ErasureItem,
  stats: BigIntStats,
  journal: (changes: ItemChanges) => void,
): Promise<void> {
  if (stats.nlink <= 1n) return;
  if (Number(stats.nlink) <= (await namesStillInJob(run, item))) return;
  journal({ linkCount: Number(stats.nlink) });
  throw new EntryException('HARD_LINKED');
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
async function hashBeforeErasure(run: EntryRun, item: ErasureItem): Promise<FileDigest> {
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
    // Hashed on the lane's helper thread while the other lane writes (overwrite-file.ts).
    return await sha256OfOpenFile(handle, run.buffers, {
      signal: run.signal,
      onProgress: progressOf((bytes) => run.onBytes(bytes, 'hash', 0)),
    });
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

/**
 * Whether an earlier run may have written to this file: it began an overwrite (the SHA-256
 * before erasure and the start are journaled together, just before the first write) or
 * recorded a pass or bytes.
 */
function mayHaveBeenWritten(item: ErasureItem): boolean {
  return (
    item.startedAt !== null ||
    item.state === 'overwritten' ||
    item.passesDone > 0 ||
    item.bytesWritten > 0 ||
    item.observations.includes('partially-overwritten')
  );
}

/**
 * The SHA-256 of the content before erasure, journaled — with the size hashed and the start —
 * before the first write, so that a resumed run keeps it rather than hashing what an
 * interrupted overwrite left. Where an earlier run wrote without recording one, what the file
 * held before is unknown, and the journal says exactly that.
 */
async function recordContentBefore(
  run: EntryRun,
  item: ErasureItem,
  startedAt: string,
  observations: Set<ItemObservation>,
  journal: (changes: ItemChanges) => void,
): Promise<void> {
  if (item.sha256Before !== null || observations.has('sha256-before-unknown')) return;
  if (mayHaveBeenWritten(item)) {
    observations.add('sha256-before-unknown');
    journal({ observations: [...observations] });
    return;
  }
  const digest = await hashBeforeErasure(run, item);
  journal({ sha256Before: digest.sha256, size: digest.bytes, startedAt });
}

async function eraseFile(run: EntryRun, item: ErasureItem, journal: (changes: ItemChanges) => void): Promise<void> {
  const directory = path.dirname(item.path);
  if (item.state === 'verified') return finishVerifiedFile(item, journal);
  const observations = new Set<ItemObservation>(item.observations);
  if (mayHaveBeenWritten(item)) observations.add('rewritten-after-interruption');
  observations.delete('partially-overwritten');

  let stats = await lstatOrNull(item.path);
  checkRegularFile(item, stats);
  await checkNoNameOutside(run, item, stats, journal);
  if ((stats.mode & 0o200n) === 0n) {
    await makeWritable(item, stats);
    observations.add('made-writable');
    // Recorded at once: a crash before the first pass must not lose that the mode was changed.
    journal({ observations: [...observations] });
  }
  // The first run's start, kept by every resumption.
  const startedAt = item.startedAt ?? timestamp();
  await recordContentBefore(run, item, startedAt, observations, journal);
  const { handle } = await openForOverwrite(item.path);
  let closed = false;
  let written = 0;
  try {
    stats = await handle.stat({ bigint: true });
    checkRegularFile(item, stats);
    // Checked again on the descriptor about to be written: a name made elsewhere since the first check.
    await checkNoNameOutside(run, item, stats, journal);
    const length = overwriteLength(stats, await run.blockBytes(directory));
    if (Number((stats as AllocatedSize).blocks ?? 0n) * 512 < Number(stats.size)) observations.add('sparse-filled');
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
      journal({
        state: 'exception',
        exceptionCode: 'VERIFY_MISMATCH',
        bytesVerified: result.bytesVerified,
        readBack: result.readBack,
        finishedAt: timestamp(),
      });
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
 * A later name of a file with several names in the job (hard links). Once the file's content
 * was overwritten and verified through the name that holds its record, this name is only
 * taken out, like a link: hashing it now would record the emptied file as "before erasure",
 * and overwriting it again would count the same bytes twice. If that name's erasure failed,
 * this name keeps the data and is an exception for the same reason. Only when no earlier name
 * reached the content at all (it vanished or was replaced before the run came to it) is the
 * file erased through this name.
 */
async function eraseOtherName(run: EntryRun, item: ErasureItem, journal: (changes: ItemChanges) => void): Promise<void> {
  const holder = namesOfFile(run.db, run.jobId, item.fileId ?? '').find((name) => name.seq < item.seq && touchedContent(name));
  if (!holder) return eraseFile(run, item, journal);
  if (!contentErased(holder, passPatterns(run.method).length)) throw new EntryException(holder.exceptionCode ?? 'CHANGED_SINCE_PLAN');
  await removeNamedEntry(item, journal);
}

/** Whether `stats` is still the kind of entry that was planned (not followed: lstat). */
function isPlannedKind(item: ErasureItem, stats: BigIntStats): boolean {
  if (item.kind === 'folder') return stats.isDirectory();
  if (item.kind === 'file') return stats.isFile();
  return stats.isSymbolicLink();
}

/**
 * A link, a folder, or another name of an erased file has no content of its own to overwrite;
 * its name is taken out the same way as a file's. A folder must be empty: whatever could not
 * be erased inside keeps it.
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
  if (!isPlannedKind(item, current) || !isSame(current, item)) throw new EntryException('CHANGED_SINCE_PLAN');
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
    if (item.kind === 'file') await (item.otherNameOf === null ? eraseFile(run, item, journal) : eraseOtherName(run, item, journal));
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
