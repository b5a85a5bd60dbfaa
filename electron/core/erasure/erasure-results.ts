/**
 * The store of finished erasure results (migration 0017, issue 19, 10-1): each result is kept
 * in the vault from the moment the erasure ends until its certificate is issued, so that
 * leaving the Erasure screen or an auto-lock never loses the way to the certificate. A result
 * is written once, exactly as measured, and never edited (the schema refuses it too); issuing
 * marks it with its certificate, once — a second issue is refused here, before anything is
 * signed. What is signed later is checked against what is kept here (erasure-handlers.ts).
 */
import { z } from 'zod';
import type { VaultDatabase } from '../../db/open-vault-database';
import { ErasureSummary, RecordedSite, type PendingErasureResult } from '../../shared/erasure';
import { AppError } from '../app-error';

export interface KeptErasureResult extends PendingErasureResult {
  /** The certificate issued for it; null while it waits for one. */
  readonly certificateId: string | null;
}

const Row = z.object({
  erasure_job_id: z.string(),
  finished_at: z.string(),
  summary: z.string(),
  site: z.string(),
  certificate_id: z.string().nullable(),
});

function resultOf(row: unknown): KeptErasureResult {
  const parsed = Row.parse(row);
  return {
    summary: ErasureSummary.parse(JSON.parse(parsed.summary)),
    site: RecordedSite.parse(JSON.parse(parsed.site)),
    finishedAt: parsed.finished_at,
    certificateId: parsed.certificate_id,
  };
}

/**
 * Keeps a finished erasure's result. The first record of a job stands: a second one for the
 * same job (it cannot end twice) changes nothing, so a result once shown is never replaced.
 */
export function recordErasureResult(db: VaultDatabase, result: PendingErasureResult): void {
  db.prepare(
    `INSERT INTO erasure_results (erasure_job_id, finished_at, summary, site) VALUES (?, ?, ?, ?)
     ON CONFLICT (erasure_job_id) DO NOTHING`,
  ).run(result.summary.erasureJobId, result.finishedAt, JSON.stringify(result.summary), JSON.stringify(result.site));
}

/** The kept result of one job, issued or not; null when none was kept. */
export function erasureResultOf(db: VaultDatabase, erasureJobId: string): KeptErasureResult | null {
  const row = db.prepare('SELECT * FROM erasure_results WHERE erasure_job_id = ?').get(erasureJobId);
  return row === undefined ? null : resultOf(row);
}

/** Results still waiting for their certificate, oldest first. */
export function pendingErasureResults(db: VaultDatabase): PendingErasureResult[] {
  return db
    .prepare('SELECT * FROM erasure_results WHERE certificate_id IS NULL ORDER BY finished_at, erasure_job_id')
    .all()
    .map((row) => {
      const { certificateId: _certificateId, ...result } = resultOf(row);
      return result;
    });
}

/** Marks a result issued with its certificate; refused when it already was (a result is issued once). */
export function markErasureResultIssued(db: VaultDatabase, erasureJobId: string, certificateId: string, issuedAt: Date): void {
  const changed = db
    .prepare('UPDATE erasure_results SET certificate_id = ?, issued_at = ? WHERE erasure_job_id = ? AND certificate_id IS NULL')
    .run(certificateId, issuedAt.toISOString(), erasureJobId).changes;
  if (changed === 0) {
    throw new AppError(erasureResultOf(db, erasureJobId) ? 'ERASURE_RESULT_ALREADY_ISSUED' : 'ERASURE_JOB_NOT_FOUND');
  }
}
