/** Self-check runs kept in the vault, whole, as they were judged (history, reports, the readiness gate). */
import { SelfCheckRun, type CheckStatus, type SelfCheckRunSummary } from '../../shared/self-check';
import type { VaultDatabase } from '../../db/open-vault-database';
import { certificateReference } from '../certificates/certificate-store';

interface Row {
  readonly id: string;
  readonly run: string;
  readonly certificateId: string | null;
}

function summaryOf(run: SelfCheckRun, report: { certificateId: string; number: string } | null): SelfCheckRunSummary {
  const counts: Record<CheckStatus, number> = { pass: 0, warning: 0, fail: 0, unknown: 0, notApplicable: 0 };
  for (const check of run.checks) counts[check.status] += 1;
  return {
    id: run.id,
    finishedAt: run.finishedAt,
    overall: run.overall,
    os: run.os,
    ownership: run.ownership,
    policyName: run.policy.name,
    counts,
    certificateNumber: report?.number ?? null,
    certificateId: report?.certificateId ?? null,
  };
}

const SELECT = `SELECT r.id, r.run, r.certificate_id AS certificateId FROM self_check_runs r`;

export function saveRun(db: VaultDatabase, run: SelfCheckRun): void {
  db.prepare('INSERT INTO self_check_runs (id, finished_at, overall, run) VALUES (?, ?, ?, ?)').run(
    run.id,
    run.finishedAt,
    run.overall,
    JSON.stringify(run),
  );
}

export function getRun(db: VaultDatabase, id: string): SelfCheckRun | null {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
  return row ? SelfCheckRun.parse(JSON.parse(row.run)) : null;
}

/** Newest first. */
export function listRuns(db: VaultDatabase, limit = 200): SelfCheckRunSummary[] {
  const rows = db.prepare(`${SELECT} ORDER BY r.finished_at DESC LIMIT ?`).all(limit) as Row[];
  return rows.map((row) => summaryOf(SelfCheckRun.parse(JSON.parse(row.run)), certificateReference(db, row.certificateId)));
}

export function latestRun(db: VaultDatabase): SelfCheckRunSummary | null {
  return listRuns(db, 1)[0] ?? null;
}

/** The signed report already issued for a run, if any. */
export function reportOf(db: VaultDatabase, runId: string): { certificateId: string; number: string } | null {
  const certificateId = db.prepare('SELECT certificate_id FROM self_check_runs WHERE id = ?').pluck().get(runId) as
    string | null | undefined;
  return certificateReference(db, certificateId ?? null);
}

export function attachCertificate(db: VaultDatabase, runId: string, certificateId: string): void {
  db.prepare('UPDATE self_check_runs SET certificate_id = ? WHERE id = ?').run(certificateId, runId);
}
