/**
 * Procedure runs and their closed steps in the vault database. A run's state is only what is
 * stored here — nothing lives in memory between requests — so a run resumes exactly where it
 * was after the app is closed, crashes or the laptop restarts.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { CheckOutcome, type AttachedFile, type FieldValue, type RunStatus, type StepState, type TemplateId } from '../../shared/visits';
import { AppError } from '../app-error';
import { japanDate } from '../japan-calendar';

export interface RunRow {
  readonly id: string;
  readonly reference: string;
  readonly templateId: TemplateId;
  readonly templateVersion: number;
  readonly siteId: string;
  readonly systemId: string | null;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly closedAt: string | null;
  readonly reportId: string | null;
  readonly abandonReason: string | null;
}

const RUN_COLUMNS = `id, reference, template_id AS templateId, template_version AS templateVersion, site_id AS siteId, system_id AS systemId,
  status, started_at AS startedAt, closed_at AS closedAt, report_id AS reportId, abandon_reason AS abandonReason`;

/** A run's reference says what it is and when, e.g. V-20261126-01; it also names the visit's folder in the vault. */
const REFERENCE_PREFIX: Readonly<Record<TemplateId, string>> = { 'maintenance-visit': 'V', decommissioning: 'D', 'incident-response': 'I' };

export function insertRun(
  db: VaultDatabase,
  input: { templateId: TemplateId; templateVersion: number; siteId: string; systemId: string | null },
  now: Date,
): RunRow {
  const prefix = `${REFERENCE_PREFIX[input.templateId]}-${japanDate(now).replaceAll('-', '')}-`;
  const { taken } = db.prepare('SELECT count(*) AS taken FROM procedure_runs WHERE reference LIKE ?').get(`${prefix}%`) as {
    taken: number;
  };
  const row: RunRow = {
    id: randomUUID(),
    reference: `${prefix}${String(taken + 1).padStart(2, '0')}`,
    templateId: input.templateId,
    templateVersion: input.templateVersion,
    siteId: input.siteId,
    systemId: input.systemId,
    status: 'in-progress',
    startedAt: now.toISOString(),
    closedAt: null,
    reportId: null,
    abandonReason: null,
  };
  db.prepare(
    `INSERT INTO procedure_runs (id, reference, template_id, template_version, site_id, system_id, status, started_at)
     VALUES (?, ?, ?, ?, ?, ?, 'in-progress', ?)`,
  ).run(row.id, row.reference, row.templateId, row.templateVersion, row.siteId, row.systemId, row.startedAt);
  return row;
}

export function getRunRow(db: VaultDatabase, id: string): RunRow | null {
  return (db.prepare(`SELECT ${RUN_COLUMNS} FROM procedure_runs WHERE id = ?`).get(id) as RunRow | undefined) ?? null;
}

export function requireRunRow(db: VaultDatabase, id: string): RunRow {
  const row = getRunRow(db, id);
  if (!row) throw new AppError('PROCEDURE_RUN_NOT_FOUND');
  return row;
}

export function findRunByReference(db: VaultDatabase, reference: string): RunRow | null {
  return (db.prepare(`SELECT ${RUN_COLUMNS} FROM procedure_runs WHERE reference = ?`).get(reference) as RunRow | undefined) ?? null;
}

export function listRunRows(db: VaultDatabase, status?: RunStatus): RunRow[] {
  return (
    status
      ? db.prepare(`SELECT ${RUN_COLUMNS} FROM procedure_runs WHERE status = ? ORDER BY started_at DESC, reference DESC`).all(status)
      : db.prepare(`SELECT ${RUN_COLUMNS} FROM procedure_runs ORDER BY started_at DESC, reference DESC`).all()
  ) as RunRow[];
}

export function closeRun(
  db: VaultDatabase,
  id: string,
  close: { status: Exclude<RunStatus, 'in-progress'>; at: Date; reportId?: string; abandonReason?: string },
): void {
  db.prepare('UPDATE procedure_runs SET status = ?, closed_at = ?, report_id = ?, abandon_reason = ? WHERE id = ?').run(
    close.status,
    close.at.toISOString(),
    close.reportId ?? null,
    close.abandonReason ?? null,
    id,
  );
}

/** What closing a step stores. */
export interface ClosedStep {
  readonly status: 'done' | 'not-applicable';
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly attachments: readonly AttachedFile[];
  /** `onPaper`: signed by hand on the printed report, so there is no drawn signature. */
  readonly signer: { readonly name: string; readonly title: string; readonly onPaper?: boolean } | null;
  readonly signature: Uint8Array | null;
  readonly check: CheckOutcome | null;
  readonly reason: string | null;
  readonly overrideId: string | null;
  readonly closedAt: string;
  readonly closedBy: string;
}

/** Closes a step, or closes it again with new contents while the run is still in progress (the audit log keeps both). */
export function saveStep(db: VaultDatabase, runId: string, stepId: string, step: ClosedStep): void {
  db.prepare(
    `INSERT INTO procedure_steps (run_id, step_id, status, field_values, attachments, signer, signature, check_outcome, reason, override_id, closed_at, closed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, step_id) DO UPDATE SET status = excluded.status, field_values = excluded.field_values, attachments = excluded.attachments,
       signer = excluded.signer, signature = excluded.signature, check_outcome = excluded.check_outcome, reason = excluded.reason,
       override_id = excluded.override_id, closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
  ).run(
    runId,
    stepId,
    step.status,
    JSON.stringify(step.values),
    JSON.stringify(step.attachments),
    step.signer ? JSON.stringify(step.signer) : null,
    step.signature ? Buffer.from(step.signature) : null,
    step.check ? JSON.stringify(step.check) : null,
    step.reason,
    step.overrideId,
    step.closedAt,
    step.closedBy,
  );
}

/** Opens a closed step again (its state no longer holds); the audit log keeps what it was. */
export function reopenStep(db: VaultDatabase, runId: string, stepId: string): void {
  db.prepare('DELETE FROM procedure_steps WHERE run_id = ? AND step_id = ?').run(runId, stepId);
}

/** Whether any visit, decommissioning or incident was recorded at a site: the records keep their site. */
export function siteHasRuns(db: VaultDatabase, siteId: string): boolean {
  return db.prepare('SELECT 1 FROM procedure_runs WHERE site_id = ? LIMIT 1').get(siteId) !== undefined;
}

/** Whether any run was recorded on a system: the records keep their system. */
export function systemHasRuns(db: VaultDatabase, systemId: string): boolean {
  return db.prepare('SELECT 1 FROM procedure_runs WHERE system_id = ? LIMIT 1').get(systemId) !== undefined;
}

interface StepRow {
  readonly stepId: string;
  readonly status: 'done' | 'not-applicable';
  readonly fieldValues: string;
  readonly attachments: string;
  readonly signer: string | null;
  readonly signature: Buffer | null;
  readonly checkOutcome: string | null;
  readonly reason: string | null;
  readonly overrideId: string | null;
  readonly closedAt: string;
  readonly closedBy: string;
}

/** The closed steps of a run by step id, with their signatures. */
export function closedSteps(db: VaultDatabase, runId: string): Map<string, ClosedStep> {
  const rows = db
    .prepare(
      `SELECT step_id AS stepId, status, field_values AS fieldValues, attachments, signer, signature, check_outcome AS checkOutcome, reason,
              override_id AS overrideId, closed_at AS closedAt, closed_by AS closedBy
       FROM procedure_steps WHERE run_id = ?`,
    )
    .all(runId) as StepRow[];
  return new Map(
    rows.map((row) => [
      row.stepId,
      {
        status: row.status,
        values: JSON.parse(row.fieldValues) as Record<string, FieldValue>,
        attachments: JSON.parse(row.attachments) as AttachedFile[],
        signer: row.signer ? (JSON.parse(row.signer) as { name: string; title: string; onPaper?: boolean }) : null,
        signature: row.signature ? new Uint8Array(row.signature) : null,
        check: row.checkOutcome ? CheckOutcome.parse(JSON.parse(row.checkOutcome)) : null,
        reason: row.reason,
        overrideId: row.overrideId,
        closedAt: row.closedAt,
        closedBy: row.closedBy,
      },
    ]),
  );
}

/** Keeps the latest outcome of an automatic check, passed or not. */
export function saveCheckOutcome(db: VaultDatabase, runId: string, stepId: string, outcome: CheckOutcome): void {
  db.prepare(
    'INSERT INTO procedure_checks (run_id, step_id, outcome) VALUES (?, ?, ?) ON CONFLICT (run_id, step_id) DO UPDATE SET outcome = excluded.outcome',
  ).run(runId, stepId, JSON.stringify(outcome));
}

export function checkOutcomes(db: VaultDatabase, runId: string): Map<string, CheckOutcome> {
  const rows = db.prepare('SELECT step_id AS stepId, outcome FROM procedure_checks WHERE run_id = ?').all(runId) as {
    stepId: string;
    outcome: string;
  }[];
  return new Map(rows.map((row) => [row.stepId, CheckOutcome.parse(JSON.parse(row.outcome))]));
}

/** A step as the screens see it: closed with its contents, or open with the last check's outcome. */
export function stepState(stepId: string, closed: ClosedStep | undefined, lastCheck: CheckOutcome | undefined): StepState {
  if (!closed) {
    return {
      stepId,
      status: 'open',
      values: {},
      attachments: [],
      signer: null,
      hasSignature: false,
      signedOnPaper: false,
      check: lastCheck ?? null,
      reason: null,
      overrideId: null,
      closedAt: null,
      closedBy: null,
    };
  }
  return {
    stepId,
    status: closed.status,
    values: { ...closed.values },
    attachments: [...closed.attachments],
    signer: closed.signer ? { name: closed.signer.name, title: closed.signer.title } : null,
    hasSignature: closed.signature !== null,
    signedOnPaper: closed.signer?.onPaper === true,
    check: closed.check ?? lastCheck ?? null,
    reason: closed.reason,
    overrideId: closed.overrideId,
    closedAt: closed.closedAt,
    closedBy: closed.closedBy,
  };
}
