/**
 * Reads and writes the erasure journal (migration 0004) in the vault database (10-1). Every
 * change is its own committed statement (the database runs with synchronous = FULL), so what
 * the journal says survived a crash or a power cut: the job runner records a step only after
 * the step is durable on disk, and resumes from exactly what is recorded.
 *
 * One row per name: the names of one file (hard links) in a job are the rows that share its
 * device:inode. The file's content — its SHA-256 before erasure, the passes, the bytes
 * written and read back — is recorded once, on the name it was overwritten through (issue 14).
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { ErasureMethod } from './erasure-methods';
import type { ReadBack } from './direct-io';
import type { ExceptionCode, Observation } from './erasure-exceptions';
import type { SanitizeRunResult } from '../../platform/sanitize/run-device-sanitize';
import type { SanitizeTechnique } from '../../platform/sanitize/sanitize-capability';

export type ErasureScope = 'files' | 'removable-volume' | 'whole-medium';
export type JobState = 'planned' | 'running' | 'completed' | 'aborted' | 'abandoned';
export type ItemKind = 'file' | 'folder' | 'link' | 'free-space' | 'device';
export type ItemState = 'pending' | 'overwritten' | 'verified' | 'removed' | 'exception';

/**
 * What the journal notes about an item: the observations the certificate mentions, and
 * 'sha256-before-unknown' — the file had been written to before its SHA-256 was recorded
 * (a journal left so by an earlier version), so what it held before erasure is unknown and
 * is never hashed from what the overwrite left.
 */
export type ItemObservation = Observation | 'sha256-before-unknown';

export interface ErasureJob {
  readonly id: string;
  readonly createdAt: string;
  readonly method: ErasureMethod;
  readonly scope: ErasureScope;
  readonly state: JobState;
  readonly targets: readonly string[];
  readonly siteReference: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly runs: number;
  /** Why the engineer abandoned the job (`erase --abandon JOB --reason TEXT`); null otherwise. */
  readonly abandonReason: string | null;
  /** What was read at planning of the medium under each target (medium.ts), in target order; null before migration 0012. */
  readonly media: readonly unknown[] | null;
}

/**
 * A device erased by its own sanitize (migration 0013): the technique chosen at planning, and
 * the runner's result — null until the device's sanitize log has been read to the end. Started
 * (startedAt set) with a null result means the command may have been sent: never send it again
 * blindly, read the log.
 */
export interface DeviceSanitizeRecord {
  readonly technique: SanitizeTechnique;
  readonly result: SanitizeRunResult | null;
}

export interface ErasureItem {
  readonly seq: number;
  readonly targetIndex: number;
  readonly path: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly fileId: string | null;
  readonly sha256Before: string | null;
  readonly state: ItemState;
  readonly exceptionCode: ExceptionCode | null;
  readonly passesDone: number;
  readonly bytesWritten: number;
  readonly bytesVerified: number;
  readonly readBack: ReadBack | null;
  readonly renamedTo: string | null;
  readonly observations: readonly ItemObservation[];
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** A file's number of names (st_nlink) when planned, or when the run found more; null before migration 0011. */
  readonly linkCount: number | null;
  /** Where a link pointed when planned (never followed); null for other kinds, and before migration 0011. */
  readonly linkTarget: string | null;
  /** For the second and later names of one file in this job: the seq of its first name. */
  readonly otherNameOf: number | null;
  /** For a whole device: the sectors it refused to write or read back; null for anything else. */
  readonly badSectors: number | null;
  /** For a whole device erased by its own sanitize: the technique and its result; null for an overwrite. */
  readonly sanitize: DeviceSanitizeRecord | null;
}

/** An item as planning found it. */
export type PlannedItem = Pick<ErasureItem, 'targetIndex' | 'path' | 'kind' | 'size' | 'fileId' | 'sha256Before' | 'observations'> & {
  readonly exceptionCode: ExceptionCode | null;
  readonly linkCount?: number | null;
  readonly linkTarget?: string | null;
  readonly sanitize?: DeviceSanitizeRecord | null;
};

/** What a run records about an item; the SHA-256 before erasure is taken by the run, just before the first write. */
export type ItemChanges = Partial<Omit<ErasureItem, 'seq' | 'targetIndex' | 'path' | 'kind' | 'fileId' | 'linkTarget' | 'otherNameOf'>>;

const now = (): string => new Date().toISOString();

export function createJob(
  db: VaultDatabase,
  job: {
    id: string;
    method: ErasureMethod;
    scope: ErasureScope;
    targets: readonly string[];
    siteReference: string | null;
    media?: readonly unknown[] | null;
  },
  items: readonly PlannedItem[],
): void {
  const insertJob = db.prepare(
    "INSERT INTO erasure_jobs (id, created_at, method, scope, state, targets, site_reference, media) VALUES (?, ?, ?, ?, 'planned', ?, ?, ?)",
  );
  const insertItem = db.prepare(
    `INSERT INTO erasure_items (job_id, seq, target_index, path, kind, size, file_id, sha256_before, state, exception_code, observations, link_count, link_target, sanitize)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    insertJob.run(
      job.id,
      now(),
      job.method,
      job.scope,
      JSON.stringify(job.targets),
      job.siteReference,
      job.media ? JSON.stringify(job.media) : null,
    );
    items.forEach((item, index) => {
      insertItem.run(
        job.id,
        index + 1,
        item.targetIndex,
        item.path,
        item.kind,
        item.size,
        item.fileId,
        item.sha256Before,
        item.exceptionCode ? 'exception' : 'pending',
        item.exceptionCode,
        JSON.stringify(item.observations),
        item.linkCount ?? null,
        item.linkTarget ?? null,
        item.sanitize ? JSON.stringify(item.sanitize) : null,
      );
    });
  })();
}

interface JobRow extends Omit<ErasureJob, 'targets' | 'media'> {
  readonly targets: string;
  readonly media: string | null;
}

const JOB_COLUMNS = `id, created_at AS createdAt, method, scope, state, targets, site_reference AS siteReference,
  started_at AS startedAt, finished_at AS finishedAt, runs, abandon_reason AS abandonReason, media`;

function toJob(row: JobRow): ErasureJob {
  return { ...row, targets: JSON.parse(row.targets) as string[], media: row.media === null ? null : (JSON.parse(row.media) as unknown[]) };
}

/** Every job, newest first: what `fieldguard erase --list-jobs` shows. */
export function listJobs(db: VaultDatabase): ErasureJob[] {
  return (db.prepare(`SELECT ${JOB_COLUMNS} FROM erasure_jobs ORDER BY created_at DESC`).all() as JobRow[]).map(toJob);
}

export function getJob(db: VaultDatabase, jobId: string): ErasureJob | null {
  const row = db.prepare(`SELECT ${JOB_COLUMNS} FROM erasure_jobs WHERE id = ?`).get(jobId) as JobRow | undefined;
  return row ? toJob(row) : null;
}

export function jobsInState(db: VaultDatabase, state: JobState): ErasureJob[] {
  return (db.prepare(`SELECT ${JOB_COLUMNS} FROM erasure_jobs WHERE state = ? ORDER BY created_at`).all(state) as JobRow[]).map(toJob);
}

interface ItemRow extends Omit<ErasureItem, 'observations' | 'otherNameOf' | 'sanitize'> {
  readonly observations: string;
  readonly sanitize: string | null;
}

const ITEM_COLUMNS = `seq, target_index AS targetIndex, path, kind, size, file_id AS fileId, sha256_before AS sha256Before, state,
  exception_code AS exceptionCode, passes_done AS passesDone, bytes_written AS bytesWritten, bytes_verified AS bytesVerified,
  read_back AS readBack, renamed_to AS renamedTo, observations, started_at AS startedAt, finished_at AS finishedAt,
  link_count AS linkCount, link_target AS linkTarget, bad_sectors AS badSectors, sanitize`;

/**
 * Rows in seq order, each file row told whether an earlier row names the same file. Every
 * entry of a plan existed at once, so two rows with one device:inode are one file.
 */
function toItems(rows: readonly ItemRow[]): ErasureItem[] {
  const firstName = new Map<string, number>();
  return rows.map((row) => {
    let otherNameOf: number | null = null;
    if (row.kind === 'file' && row.fileId !== null) {
      otherNameOf = firstName.get(row.fileId) ?? null;
      if (otherNameOf === null) firstName.set(row.fileId, row.seq);
    }
    const sanitize = row.sanitize === null ? null : (JSON.parse(row.sanitize) as DeviceSanitizeRecord);
    return { ...row, observations: JSON.parse(row.observations) as ItemObservation[], sanitize, otherNameOf };
  });
}

export function listJobItems(db: VaultDatabase, jobId: string): ErasureItem[] {
  return toItems(db.prepare(`SELECT ${ITEM_COLUMNS} FROM erasure_items WHERE job_id = ? ORDER BY seq`).all(jobId) as ItemRow[]);
}

/** Every name of one file in a job, as the journal holds them now, first name first. */
export function namesOfFile(db: VaultDatabase, jobId: string, fileId: string): ErasureItem[] {
  return toItems(
    db
      .prepare(`SELECT ${ITEM_COLUMNS} FROM erasure_items WHERE job_id = ? AND file_id = ? AND kind = 'file' ORDER BY seq`)
      .all(jobId, fileId) as ItemRow[],
  );
}

/**
 * Whether anything of this file's content was recorded or written through this name: its
 * SHA-256 before erasure, a pass, or bytes. The first such name of a file holds the file's
 * content record; its other names only have their names removed.
 */
export function touchedContent(item: ErasureItem): boolean {
  return item.sha256Before !== null || item.passesDone > 0 || item.bytesWritten > 0 || item.observations.includes('sha256-before-unknown');
}

/** The name whose row records a file's content: the first that touched it, else the first name. */
export function contentHolder(names: readonly ErasureItem[]): ErasureItem | undefined {
  return names.find(touchedContent) ?? names[0];
}

/**
 * Erased content, by the journal's numbers, never by its state alone: every pass written over
 * the whole length, that length read back and matched, and at least as long as the file.
 */
export function contentErased(item: ErasureItem, passes: number): boolean {
  return (
    item.passesDone === passes &&
    item.bytesWritten === item.bytesVerified * passes &&
    item.readBack !== null &&
    item.bytesVerified >= item.size
  );
}

export type RunOutcome = 'completed' | 'cancelled' | 'interrupted' | 'abandoned';
export type Runner = 'app' | 'cli';

/** One run of a job: the first, or a resumption after an interruption. */
export interface ErasureRun {
  readonly run: number;
  readonly runner: Runner;
  readonly pid: number;
  readonly startedAt: string;
  /** null while the run goes on, and for a run a crash or a kill ended (outcome 'interrupted'). */
  readonly endedAt: string | null;
  readonly outcome: RunOutcome | null;
  /** For an interrupted run: when its last step was journaled, the last thing known of it. */
  readonly lastStepAt: string | null;
}

export function listRuns(db: VaultDatabase, jobId: string): ErasureRun[] {
  return db
    .prepare(
      `SELECT run, runner, pid, started_at AS startedAt, ended_at AS endedAt, outcome, last_step_at AS lastStepAt
       FROM erasure_runs WHERE job_id = ? ORDER BY run`,
    )
    .all(jobId) as ErasureRun[];
}

/** The run without an end, if any: one going on now, or one a crash or a kill ended. */
export function openRun(db: VaultDatabase, jobId: string): ErasureRun | null {
  return listRuns(db, jobId).find((run) => run.outcome === null) ?? null;
}

/** The time of the job's last journaled step: the latest start or end of any item. */
function lastStepAt(db: VaultDatabase, jobId: string): string | null {
  const row = db
    .prepare("SELECT max(max(coalesce(started_at, ''), coalesce(finished_at, ''))) AS at FROM erasure_items WHERE job_id = ?")
    .get(jobId) as { at: string | null };
  return row.at ? row.at : null;
}

/** Closes a run that never ended (a crash or a kill) as interrupted, keeping when its last step was journaled. */
function closeInterruptedRun(db: VaultDatabase, jobId: string): void {
  db.prepare("UPDATE erasure_runs SET outcome = 'interrupted', last_step_at = ? WHERE job_id = ? AND outcome IS NULL").run(
    lastStepAt(db, jobId),
    jobId,
  );
}

/**
 * Marks the start of a run (the first or a resumption) and returns its number. A run left
 * without an end is closed first as interrupted: the caller has made sure its process is gone.
 */
export function startRun(db: VaultDatabase, jobId: string, runner: Runner = 'app'): number {
  return db.transaction(() => {
    closeInterruptedRun(db, jobId);
    db.prepare("UPDATE erasure_jobs SET state = 'running', started_at = coalesce(started_at, ?), runs = runs + 1 WHERE id = ?").run(
      now(),
      jobId,
    );
    const { runs } = db.prepare('SELECT runs FROM erasure_jobs WHERE id = ?').get(jobId) as { runs: number };
    db.prepare('INSERT INTO erasure_runs (job_id, run, runner, pid, started_at) VALUES (?, ?, ?, ?, ?)').run(
      jobId,
      runs,
      runner,
      process.pid,
      now(),
    );
    return runs;
  })();
}

/** Ends the open run of a job with its outcome. */
export function endRun(db: VaultDatabase, jobId: string, outcome: Exclude<RunOutcome, 'abandoned'>): void {
  db.prepare('UPDATE erasure_runs SET ended_at = ?, outcome = ? WHERE job_id = ? AND outcome IS NULL').run(now(), outcome, jobId);
}

export function finishJob(db: VaultDatabase, jobId: string, state: 'completed' | 'aborted'): void {
  db.prepare('UPDATE erasure_jobs SET state = ?, finished_at = ? WHERE id = ?').run(state, now(), jobId);
}

/**
 * Ends an interrupted job without running it again: what was erased stays erased, the rest is
 * reported not erased, with the engineer's reason. Its last run is closed as interrupted.
 */
export function abandonJob(db: VaultDatabase, jobId: string, reason: string): void {
  db.transaction(() => {
    closeInterruptedRun(db, jobId);
    db.prepare("UPDATE erasure_jobs SET state = 'abandoned', abandon_reason = ?, finished_at = ? WHERE id = ?").run(reason, now(), jobId);
  })();
}

const COLUMN: Record<keyof ItemChanges, string> = {
  size: 'size',
  sha256Before: 'sha256_before',
  state: 'state',
  exceptionCode: 'exception_code',
  passesDone: 'passes_done',
  bytesWritten: 'bytes_written',
  bytesVerified: 'bytes_verified',
  readBack: 'read_back',
  renamedTo: 'renamed_to',
  observations: 'observations',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  linkCount: 'link_count',
  badSectors: 'bad_sectors',
  sanitize: 'sanitize',
};

/** Records one step of one item, durably, before the runner takes the next. */
export function updateItem(db: VaultDatabase, jobId: string, seq: number, changes: ItemChanges): void {
  const entries = Object.entries(changes as Record<string, unknown>).filter(([, value]) => value !== undefined) as Array<
    [keyof ItemChanges, unknown]
  >;
  if (entries.length === 0) return;
  const sql = `UPDATE erasure_items SET ${entries.map(([key]) => `${COLUMN[key]} = ?`).join(', ')} WHERE job_id = ? AND seq = ?`;
  const values = entries.map(([key, value]) =>
    key === 'observations' || (key === 'sanitize' && value !== null) ? JSON.stringify(value) : value,
  );
  db.prepare(sql).run(...(values as Array<string | number | null>), jobId, seq);
}

export function timestamp(): string {
  return now();
}
