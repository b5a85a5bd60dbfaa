/**
 * Reads and writes the erasure journal (migration 0004) in the vault database (10-1). Every
 * change is its own committed statement (the database runs with synchronous = FULL), so what
 * the journal says survived a crash or a power cut: the job runner records a step only after
 * the step is durable on disk, and resumes from exactly what is recorded.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { ErasureMethod } from './erasure-methods';
import type { ReadBack } from './direct-io';
import type { ExceptionCode, Observation } from './erasure-exceptions';

export type ErasureScope = 'files' | 'removable-volume';
export type JobState = 'planned' | 'running' | 'completed' | 'aborted';
export type ItemKind = 'file' | 'folder' | 'link' | 'free-space';
export type ItemState = 'pending' | 'overwritten' | 'verified' | 'removed' | 'exception';

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
  readonly observations: readonly Observation[];
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** An item as planning found it. */
export type PlannedItem = Pick<ErasureItem, 'targetIndex' | 'path' | 'kind' | 'size' | 'fileId' | 'sha256Before' | 'observations'> & {
  readonly exceptionCode: ExceptionCode | null;
};

/** What a run records about an item; the SHA-256 before erasure is taken by the run, just before the first write. */
export type ItemChanges = Partial<Omit<ErasureItem, 'seq' | 'targetIndex' | 'path' | 'kind' | 'fileId'>>;

const now = (): string => new Date().toISOString();

export function createJob(
  db: VaultDatabase,
  job: { id: string; method: ErasureMethod; scope: ErasureScope; targets: readonly string[]; siteReference: string | null },
  items: readonly PlannedItem[],
): void {
  const insertJob = db.prepare(
    "INSERT INTO erasure_jobs (id, created_at, method, scope, state, targets, site_reference) VALUES (?, ?, ?, ?, 'planned', ?, ?)",
  );
  const insertItem = db.prepare(
    `INSERT INTO erasure_items (job_id, seq, target_index, path, kind, size, file_id, sha256_before, state, exception_code, observations)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    insertJob.run(job.id, now(), job.method, job.scope, JSON.stringify(job.targets), job.siteReference);
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
      );
    });
  })();
}

interface JobRow extends Omit<ErasureJob, 'targets'> {
  readonly targets: string;
}

const JOB_COLUMNS = `id, created_at AS createdAt, method, scope, state, targets, site_reference AS siteReference,
  started_at AS startedAt, finished_at AS finishedAt, runs`;

function toJob(row: JobRow): ErasureJob {
  return { ...row, targets: JSON.parse(row.targets) as string[] };
}

export function getJob(db: VaultDatabase, jobId: string): ErasureJob | null {
  const row = db.prepare(`SELECT ${JOB_COLUMNS} FROM erasure_jobs WHERE id = ?`).get(jobId) as JobRow | undefined;
  return row ? toJob(row) : null;
}

export function jobsInState(db: VaultDatabase, state: JobState): ErasureJob[] {
  return (db.prepare(`SELECT ${JOB_COLUMNS} FROM erasure_jobs WHERE state = ? ORDER BY created_at`).all(state) as JobRow[]).map(toJob);
}

interface ItemRow extends Omit<ErasureItem, 'observations'> {
  readonly observations: string;
}

export function listJobItems(db: VaultDatabase, jobId: string): ErasureItem[] {
  const rows = db
    .prepare(
      `SELECT seq, target_index AS targetIndex, path, kind, size, file_id AS fileId, sha256_before AS sha256Before, state,
         exception_code AS exceptionCode, passes_done AS passesDone, bytes_written AS bytesWritten, bytes_verified AS bytesVerified,
         read_back AS readBack, renamed_to AS renamedTo, observations, started_at AS startedAt, finished_at AS finishedAt
       FROM erasure_items WHERE job_id = ? ORDER BY seq`,
    )
    .all(jobId) as ItemRow[];
  return rows.map((row) => ({ ...row, observations: JSON.parse(row.observations) as Observation[] }));
}

/** Marks the start of a run (the first or a resumption). */
export function startRun(db: VaultDatabase, jobId: string): void {
  db.prepare("UPDATE erasure_jobs SET state = 'running', started_at = coalesce(started_at, ?), runs = runs + 1 WHERE id = ?").run(now(), jobId);
}

export function finishJob(db: VaultDatabase, jobId: string, state: 'completed' | 'aborted'): void {
  db.prepare('UPDATE erasure_jobs SET state = ?, finished_at = ? WHERE id = ?').run(state, now(), jobId);
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
};

/** Records one step of one item, durably, before the runner takes the next. */
export function updateItem(db: VaultDatabase, jobId: string, seq: number, changes: ItemChanges): void {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as Array<[keyof ItemChanges, unknown]>;
  if (entries.length === 0) return;
  const sql = `UPDATE erasure_items SET ${entries.map(([key]) => `${COLUMN[key]} = ?`).join(', ')} WHERE job_id = ? AND seq = ?`;
  const values = entries.map(([key, value]) => (key === 'observations' ? JSON.stringify(value) : value));
  db.prepare(sql).run(...(values as Array<string | number | null>), jobId, seq);
}

export function timestamp(): string {
  return now();
}
