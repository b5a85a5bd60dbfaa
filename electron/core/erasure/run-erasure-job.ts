/**
 * Runs a planned erasure job entry by entry (10-1) and resumes an interrupted one. Each run
 * draws a new random stream key that lives only in this function's memory and is overwritten
 * when the run ends; the journal says what was done, so a crash, a kill or a power cut loses
 * at most the entry in progress, which is then overwritten again from its start. Cancelling
 * (the AbortSignal, checked between blocks) ends the job as 'aborted': what was removed stays
 * erased, nothing else is reported erased.
 *
 * The app and the CLI call this inside a worker thread (run-erasure-in-worker.ts): hashing,
 * keystream generation and comparison are CPU work that must not hold up the thread serving
 * the window. Tests also call it in-process, which behaves the same.
 */
import { randomBytes } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { ErasureError } from './erasure-exceptions';
import {
  endRun,
  finishJob,
  getJob,
  jobsInState,
  listJobItems,
  openRun,
  startRun,
  type ErasureJob,
  type ErasureItem,
  type Runner,
} from './erasure-journal';
import { blockSizes, eraseEntry, type EntryRun } from './erase-entry';
import { eraseDeviceEntry } from './whole-medium/erase-device-entry';
import { createIoBuffers } from './overwrite-file';
import { progressMeter, type ErasureProgress } from './erasure-progress';

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ErasureProgress) => void;
  /** Who runs it, for the journal's list of runs: the desktop app (default) or `fieldguard erase`. */
  readonly runner?: Runner;
}

export interface ErasureRunSummary {
  readonly jobId: string;
  readonly state: 'completed' | 'aborted' | 'abandoned';
  /** Files overwritten, verified and removed — each once, however many names (hard links) it had in the job. */
  readonly filesErased: number;
  /** Links and folders removed (they hold no content to overwrite). */
  readonly entriesRemoved: number;
  /** One per entry and reason, as the evidence lists them: a file's names kept for one reason are one. */
  readonly exceptions: number;
  /** Entries neither erased nor an exception (only after a cancellation). */
  readonly notErased: number;
  readonly bytesWritten: number;
  readonly bytesVerified: number;
}

/** The job's entries, the names of one file (hard links) together: grouped by their first name. */
function entries(items: readonly ErasureItem[]): ErasureItem[][] {
  const byFirst = new Map<number, ErasureItem[]>();
  for (const item of items) {
    const first = item.otherNameOf ?? item.seq;
    const names = byFirst.get(first);
    if (names) names.push(item);
    else byFirst.set(first, [item]);
  }
  return [...byFirst.values()];
}

export function summarize(job: ErasureJob, items: readonly ErasureItem[]): ErasureRunSummary {
  const grouped = entries(items);
  const files = grouped.filter((names) => names[0]?.kind === 'file');
  return {
    jobId: job.id,
    state: job.state === 'aborted' || job.state === 'abandoned' ? job.state : 'completed',
    filesErased: files.filter((names) => names.every((name) => name.state === 'removed')).length,
    entriesRemoved: items.filter((i) => (i.kind === 'link' || i.kind === 'folder') && i.state === 'removed').length,
    exceptions: grouped.reduce((sum, names) => sum + new Set(names.flatMap((name) => name.exceptionCode ?? [])).size, 0),
    notErased: grouped.filter(
      (names) =>
        names.some((name) => name.state !== 'removed' && name.state !== 'exception') && names.every((name) => name.state !== 'exception'),
    ).length,
    bytesWritten: items.reduce((sum, i) => sum + i.bytesWritten, 0),
    bytesVerified: items.reduce((sum, i) => sum + i.bytesVerified, 0),
  };
}

/**
 * Files are erased two at a time: while one is being written, the other is being read back
 * (or its last block generated), which keeps both the device and the CPU busy — the job's
 * verification then costs little more than its writing (erasure.bench.ts). Each lane has its
 * own I/O blocks. Links, folders and free space wait for everything before them (a folder is
 * removed only after its contents; free space is filled only after the files are gone), and
 * two names of one hard-linked file are never erased at the same time: a later name waits for
 * its first, through which the file's content is overwritten, then only has its name removed.
 */
const LANES = 2;

/** An item nothing is left to do for: removed, kept as an exception, or a whole device overwritten and verified. */
function isDone(item: ErasureItem): boolean {
  return item.state === 'removed' || item.state === 'exception' || (item.kind === 'device' && item.state === 'verified');
}

/** Runs (or, for a job left 'running' by a crash, resumes) a job to its end or to cancellation. */
export async function runErasureJob(db: VaultDatabase, jobId: string, options: RunOptions = {}): Promise<ErasureRunSummary> {
  const job = getJob(db, jobId);
  if (!job) throw new ErasureError('ERASURE_JOB_NOT_FOUND');
  if (job.state !== 'planned' && job.state !== 'running') throw new ErasureError('ERASURE_JOB_NOT_RUNNABLE');
  if (runningElsewhere(db, jobId)) throw new ErasureError('ERASURE_JOB_RUNNING_ELSEWHERE');
  startRun(db, jobId, options.runner ?? 'app');
  const key = randomBytes(32);
  const items = listJobItems(db, jobId);
  const meter = progressMeter(items, job.method, options.onProgress);
  const freeLanes = Array.from({ length: LANES }, () => createIoBuffers());
  const running = new Map<number, { fileId: string | null; done: Promise<void> }>();
  const blockBytes = blockSizes();
  let failure: unknown = null;

  const start = (item: ErasureItem) => {
    const buffers = freeLanes.pop();
    if (!buffers) throw new Error('no free erasure lane');
    meter.begin(item);
    const run: EntryRun = {
      db,
      jobId,
      method: job.method,
      key,
      buffers,
      signal: options.signal,
      blockBytes,
      onBytes: (bytes, phase, pass) => meter.bytes(item, bytes, phase, pass),
    };
    // A whole device is overwritten sector by sector (whole-medium/erase-device-entry.ts); anything else entry by entry.
    const done = (item.kind === 'device' ? eraseDeviceEntry(run, item) : eraseEntry(run, item))
      .then(() => meter.finish(item))
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        freeLanes.push(buffers);
        running.delete(item.seq);
      });
    running.set(item.seq, { fileId: item.fileId, done });
  };
  const settle = async (all: boolean) => {
    if (all) await Promise.all([...running.values()].map((r) => r.done));
    else if (running.size > 0) await Promise.race([...running.values()].map((r) => r.done));
  };

  try {
    for (const item of items) {
      if (isDone(item)) continue;
      const alone = item.kind !== 'file' || [...running.values()].some((r) => r.fileId === item.fileId);
      while (running.size > 0 && (alone || running.size >= LANES) && failure === null) await settle(alone);
      if (failure !== null) break;
      options.signal?.throwIfAborted();
      start(item);
      if (alone) await settle(true);
    }
    await settle(true);
    // The first lane's error, rethrown as it was caught.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (failure !== null) throw failure;
    options.signal?.throwIfAborted();
    db.transaction(() => {
      endRun(db, jobId, 'completed');
      finishJob(db, jobId, 'completed');
    })();
  } catch (error) {
    await settle(true);
    if (!options.signal?.aborted) {
      // The job stays 'running' to be resumed; this run ended, and the journal says so.
      endRun(db, jobId, 'interrupted');
      throw error;
    }
    db.transaction(() => {
      endRun(db, jobId, 'cancelled');
      finishJob(db, jobId, 'aborted');
    })();
  } finally {
    key.fill(0);
  }
  const finished = getJob(db, jobId);
  if (!finished) throw new ErasureError('ERASURE_JOB_NOT_FOUND');
  return summarize(finished, listJobItems(db, jobId));
}

/** Whether a process still alive (not this one) holds `pid`: signal 0 tests for it without sending anything. */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the job's open run belongs to another process that is still alive — the app while
 * the CLI looks, or another `fieldguard erase`. Such a job is running, not interrupted: it is
 * neither resumed nor abandoned from here. (A process id reused after a reboot makes this
 * refuse wrongly, which is the safe side: the engineer is told which process to check.)
 */
export function runningElsewhere(db: VaultDatabase, jobId: string): { pid: number } | null {
  const run = openRun(db, jobId);
  return run && processAlive(run.pid) ? { pid: run.pid } : null;
}

export interface InterruptedJob {
  readonly id: string;
  readonly createdAt: string;
  readonly method: ErasureJob['method'];
  readonly scope: ErasureJob['scope'];
  readonly siteReference: string | null;
  readonly itemsTotal: number;
  readonly itemsLeft: number;
  readonly targets: readonly string[];
  readonly runs: number;
  /** The process still running it, when that is another live process: then it is not interrupted. */
  readonly runningIn: number | null;
}

/**
 * Jobs a crash, kill or power cut interrupted, to be offered for resumption at the next start:
 * those left 'running', and those left 'planned' by a crash between planning and the first write.
 */
export function findInterruptedJobs(db: VaultDatabase): InterruptedJob[] {
  return [...jobsInState(db, 'running'), ...jobsInState(db, 'planned')].map((job) => {
    const items = listJobItems(db, job.id);
    return {
      id: job.id,
      createdAt: job.createdAt,
      method: job.method,
      scope: job.scope,
      siteReference: job.siteReference,
      itemsTotal: items.length,
      itemsLeft: items.filter((i) => !isDone(i)).length,
      targets: job.targets,
      runs: job.runs,
      runningIn: runningElsewhere(db, job.id)?.pid ?? null,
    };
  });
}

/** Continues an interrupted job from its journal, under a new stream key. */
export async function resumeJob(db: VaultDatabase, jobId: string, options: RunOptions = {}): Promise<ErasureRunSummary> {
  const job = getJob(db, jobId);
  if (!job) throw new ErasureError('ERASURE_JOB_NOT_FOUND');
  if (job.state !== 'running') throw new ErasureError('ERASURE_JOB_NOT_RUNNABLE');
  return runErasureJob(db, jobId, options);
}
