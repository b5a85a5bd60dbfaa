/**
 * The procedure engine (docs/decisions.md, "The user's journey"): starts runs of a template at a site,
 * closes their steps in order — each by its kind, validated against the template — runs the
 * automatic checks against the real state, and completes a run only when no required step is
 * open and every automatic check still holds, issuing its signed report. Every change is
 * audited with the run, the step and the time; values the engineer typed are not put in the
 * audit log (they may name patients), only what was closed and how.
 */
import type { FieldValue, VisitRun, RunStatus, RunSummary, StepTemplate, TemplateId } from '../../shared/visits';
import type { SiteSystem } from '../../shared/sites';
import { AppError } from '../app-error';
import { certificateNumber } from '../certificates/certificate-store';
import { loadPolicySetting } from '../self-check/self-check-policy-store';
import { recordOverride } from '../self-check/readiness-gate';
import { listAccounts } from '../sites/account-store';
import { getSite, requireSite } from '../sites/site-store';
import { getSystem, requireSystem } from '../sites/system-store';
import { listItems } from '../vault/vault-items';
import type { VaultSession } from '../vault/vault-session';
import { runAutomaticCheck } from './automatic-checks';
import { markPlannedVisitStarted, plannedVisitOfRun } from './planned-visit-store';
import { requirePlannedVisitRow } from './planned-visits';
import {
  checkOutcomes,
  closeRun,
  closedSteps,
  insertRun,
  listRunRows,
  reopenStep,
  requireRunRow,
  saveCheckOutcome,
  saveStep,
  stepState,
  type ClosedStep,
  type RunRow,
} from './run-store';
import { validateStepValues } from './step-values';
import { templates, templateVersion } from './templates/index';
import { issueVisitReport, reportIssuedFor } from './visit-report';

function templateOf(id: TemplateId) {
  const template = templates[id] as (typeof templates)[TemplateId] | undefined;
  if (!template) throw new AppError('PROCEDURE_TEMPLATE_NOT_FOUND');
  return template;
}

/** The template a run was started with, in the version it was started with. */
const templateOfRun = (row: RunRow) => templateVersion(row.templateId, row.templateVersion);

function summaryOf(session: VaultSession, row: RunRow): RunSummary {
  const template = templateOfRun(row);
  const closed = closedSteps(session.db, row.id);
  const system = row.systemId ? getSystem(session.db, row.systemId) : null;
  return {
    id: row.id,
    reference: row.reference,
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    status: row.status,
    siteId: row.siteId,
    siteName: getSite(session.db, row.siteId)?.name ?? '',
    systemId: row.systemId,
    systemName: system ? [system.product, system.hostName].filter(Boolean).join(' / ') : null,
    startedAt: row.startedAt,
    closedAt: row.closedAt,
    stepsDone: template.steps.filter((s) => closed.has(s.id)).length,
    stepsTotal: template.steps.length,
    reportId: row.reportId,
    reportNumber: certificateNumber(session.db, row.reportId),
    abandonReason: row.abandonReason,
    plannedVisit: plannedFor(session, row.id),
  };
}

function plannedFor(session: VaultSession, runId: string): RunSummary['plannedVisit'] {
  const plan = plannedVisitOfRun(session.db, runId);
  return plan ? { id: plan.id, purpose: plan.purpose, workOrder: plan.workOrder, dataToCarry: plan.dataToCarry } : null;
}

/** The first required step still open: the one the engineer is on. Steps after it wait. */
function currentStep(steps: readonly StepTemplate[], closed: ReadonlyMap<string, ClosedStep>): StepTemplate | null {
  return steps.find((s) => s.required && !closed.has(s.id)) ?? null;
}

export function loadRun(session: VaultSession, runId: string): VisitRun {
  const row = requireRunRow(session.db, runId);
  const template = templateOfRun(row);
  const closed = closedSteps(session.db, row.id);
  const checks = checkOutcomes(session.db, row.id);
  return {
    ...summaryOf(session, row),
    template,
    steps: template.steps.map((s) => stepState(s.id, closed.get(s.id), checks.get(s.id))),
    currentStepId: row.status === 'in-progress' ? (currentStep(template.steps, closed)?.id ?? null) : null,
  };
}

export function listRuns(session: VaultSession, status?: RunStatus): RunSummary[] {
  return listRunRows(session.db, status).map((row) => summaryOf(session, row));
}

/** Starts a run; `cause` says in the audit log what started it when it was not the engineer's choice (a lost medium). */
export function startRun(
  session: VaultSession,
  input: { templateId: TemplateId; siteId: string; systemId: string | null; plannedVisitId?: string },
  now: Date,
  cause: Readonly<Record<string, string>> = {},
): VisitRun {
  const template = templateOf(input.templateId);
  const plan = input.plannedVisitId === undefined ? null : requirePlannedVisitRow(session.db, input.plannedVisitId);
  if (plan && plan.status !== 'planned') throw new AppError('PLANNED_VISIT_CLOSED');
  // The screen starts with the plan's choices; a request naming others is not this plan's visit.
  if (plan && (plan.templateId !== input.templateId || plan.siteId !== input.siteId || plan.systemId !== input.systemId))
    throw new AppError('PLANNED_VISIT_MISMATCH');
  requireSite(session.db, input.siteId);
  if (template.needsSystem && input.systemId === null) throw new AppError('PROCEDURE_SYSTEM_REQUIRED');
  if (input.systemId !== null && requireSystem(session.db, input.systemId).siteId !== input.siteId) throw new AppError('SYSTEM_NOT_FOUND');
  const row = session.db.transaction(() => {
    const inserted = insertRun(
      session.db,
      { templateId: template.id, templateVersion: template.version, siteId: input.siteId, systemId: input.systemId },
      now,
    );
    session.audit.append('procedure.started', session.actor(), {
      runId: inserted.id,
      reference: inserted.reference,
      templateId: template.id,
      templateVersion: template.version,
      siteId: input.siteId,
      systemId: input.systemId,
      ...(plan ? { plannedVisitId: plan.id } : {}),
      ...cause,
    });
    if (plan) markPlannedVisitStarted(session.db, plan.id, inserted.id, now);
    return inserted;
  })();
  return loadRun(session, row.id);
}

interface Workable {
  readonly run: RunRow;
  readonly step: StepTemplate;
  readonly system: SiteSystem | null;
  readonly closed: Map<string, ClosedStep>;
}

/** The run and step to work on: the run still in progress, the step known, every required step before it closed. */
function workable(session: VaultSession, runId: string, stepId: string): Workable {
  const run = requireRunRow(session.db, runId);
  if (run.status !== 'in-progress') throw new AppError('PROCEDURE_RUN_CLOSED');
  const template = templateOfRun(run);
  const index = template.steps.findIndex((s) => s.id === stepId);
  if (index < 0) throw new AppError('PROCEDURE_STEP_NOT_FOUND');
  const closed = closedSteps(session.db, run.id);
  if (template.steps.slice(0, index).some((s) => s.required && !closed.has(s.id))) throw new AppError('PROCEDURE_STEP_OUT_OF_ORDER');
  const system = run.systemId ? getSystem(session.db, run.systemId) : null;
  return { run, step: template.steps[index] as StepTemplate, system, closed };
}

function closeStep(
  session: VaultSession,
  target: Workable,
  step: Omit<ClosedStep, 'closedAt' | 'closedBy'>,
  now: Date,
  extra: Record<string, string | number | boolean | null> = {},
): void {
  const actor = session.actor();
  session.db.transaction(() => {
    saveStep(session.db, target.run.id, target.step.id, { ...step, closedAt: now.toISOString(), closedBy: actor });
    session.audit.append(target.closed.has(target.step.id) ? 'procedure.step-updated' : 'procedure.step-closed', actor, {
      runId: target.run.id,
      reference: target.run.reference,
      stepId: target.step.id,
      kind: target.step.kind,
      status: step.status,
      attachments: step.attachments.length,
      signed: step.signature !== null,
      ...extra,
    });
  })();
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function signatureBytes(dataUrl: string): Uint8Array {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length < PNG_MAGIC.length || !bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC))
    throw new AppError('PROCEDURE_STEP_INVALID');
  return new Uint8Array(bytes);
}

export interface StepInput {
  readonly values?: Readonly<Record<string, FieldValue>>;
  readonly attachments?: readonly string[];
  readonly signer?: { readonly name: string; readonly title: string };
  readonly signature?: string;
  readonly signedOnPaper?: true;
}

/** Closes a confirm, record, evidence or signature step with what its kind needs. */
export function completeStep(session: VaultSession, runId: string, stepId: string, input: StepInput, now: Date): VisitRun {
  const target = workable(session, runId, stepId);
  const { step } = target;
  if (step.kind === 'automatic') throw new AppError('PROCEDURE_STEP_WRONG_KIND');
  const accountIds = new Set(
    target.system
      ? listAccounts(session.db, target.system.id)
          .filter((a) => !a.disabled)
          .map((a) => a.id)
      : [],
  );
  const values = validateStepValues(step, input.values ?? {}, accountIds);

  const attachmentIds = [...new Set(input.attachments ?? [])];
  if (step.attachments === 'none' && attachmentIds.length > 0) throw new AppError('PROCEDURE_STEP_INVALID');
  if (step.attachments === 'required' && attachmentIds.length === 0) throw new AppError('PROCEDURE_STEP_INVALID');
  // Evidence lives in the visit's own vault folder, so that it is erased (and certified) with the visit's data.
  const inVisit = new Map(listItems(session, target.run.reference).map((item) => [item.id, item]));
  const attachments = attachmentIds.map((id) => {
    const item = inVisit.get(id);
    if (!item) throw new AppError('PROCEDURE_EVIDENCE_NOT_IN_VISIT');
    return { itemId: item.id, name: item.relativePath, size: item.size, sha256: item.sha256 };
  });

  // A signature step takes the signer and either the drawn signature or the word that they sign the printed report by hand.
  const signs = step.kind === 'signature';
  const signedOnPaper = input.signedOnPaper === true;
  if (
    signs !== (input.signer !== undefined) ||
    (signs && (input.signature !== undefined) === signedOnPaper) ||
    (!signs && (input.signature !== undefined || signedOnPaper))
  ) {
    throw new AppError('PROCEDURE_STEP_INVALID');
  }
  const signature = input.signature !== undefined ? signatureBytes(input.signature) : null;
  const signer = input.signer ? { ...input.signer, ...(signedOnPaper ? { onPaper: true } : {}) } : null;

  closeStep(session, target, { status: 'done', values, attachments, signer, signature, check: null, reason: null, overrideId: null }, now);
  return loadRun(session, runId);
}

/** Runs an automatic step's check; closes the step when it passes, keeps the finding either way. */
export function runCheck(session: VaultSession, runId: string, stepId: string, now: Date): VisitRun {
  const target = workable(session, runId, stepId);
  if (target.step.kind !== 'automatic' || !target.step.check) throw new AppError('PROCEDURE_STEP_WRONG_KIND');
  const outcome = runAutomaticCheck(target.step.check, { session, run: target.run, system: target.system, now });
  session.db.transaction(() => {
    saveCheckOutcome(session.db, runId, stepId, outcome);
    session.audit.append('procedure.checked', session.actor(), {
      runId,
      reference: target.run.reference,
      stepId,
      check: outcome.check,
      passed: outcome.passed,
      reason: outcome.reason,
    });
    if (outcome.passed) {
      saveStep(session.db, runId, stepId, {
        status: 'done',
        values: {},
        attachments: [],
        signer: null,
        signature: null,
        check: outcome,
        reason: null,
        overrideId: null,
        closedAt: now.toISOString(),
        closedBy: session.actor(),
      });
    } else if (target.closed.get(stepId)?.overrideId == null) {
      // A check that no longer holds reopens its step: the state it vouched for has changed.
      reopenStep(session.db, runId, stepId);
    }
  })();
  return loadRun(session, runId);
}

/** Goes ahead without a passing self-check: the override (7-4) is recorded by the readiness gate and linked to the step. */
export function overrideReadiness(session: VaultSession, runId: string, stepId: string, reason: string, now: Date): VisitRun {
  const target = workable(session, runId, stepId);
  if (target.step.check !== 'readiness') throw new AppError('PROCEDURE_STEP_WRONG_KIND');
  const outcome = runAutomaticCheck('readiness', { session, run: target.run, system: target.system, now });
  if (outcome.passed) return runCheck(session, runId, stepId, now);
  const override = recordOverride(session, loadPolicySetting(session).policy, { reason, context: target.run.reference }, now);
  saveCheckOutcome(session.db, runId, stepId, outcome);
  closeStep(
    session,
    target,
    {
      status: 'done',
      values: {},
      attachments: [],
      signer: null,
      signature: null,
      check: outcome,
      reason: override.reason,
      overrideId: override.id,
    },
    now,
    { overrideId: override.id },
  );
  return loadRun(session, runId);
}

export function markNotApplicable(session: VaultSession, runId: string, stepId: string, reason: string, now: Date): VisitRun {
  const target = workable(session, runId, stepId);
  if (!target.step.notApplicable) throw new AppError('PROCEDURE_STEP_NOT_APPLICABLE_REFUSED');
  const trimmed = reason.trim();
  if (trimmed.length === 0) throw new AppError('PROCEDURE_STEP_INVALID');
  closeStep(
    session,
    target,
    {
      status: 'not-applicable',
      values: {},
      attachments: [],
      signer: null,
      signature: null,
      check: null,
      reason: trimmed,
      overrideId: null,
    },
    now,
  );
  return loadRun(session, runId);
}

/**
 * Completes a run: every automatic step that was closed by its check is checked again — the
 * visit's data might have been imported again since — and every required step must be closed.
 * Then the signed report is issued and the run is frozen.
 */
export async function completeRun(session: VaultSession, runId: string, now: Date, fontPath?: string): Promise<VisitRun> {
  const run = requireRunRow(session.db, runId);
  if (run.status !== 'in-progress') throw new AppError('PROCEDURE_RUN_CLOSED');
  const template = templateOfRun(run);
  const system = run.systemId ? getSystem(session.db, run.systemId) : null;
  const closedBefore = closedSteps(session.db, runId);
  for (const step of template.steps) {
    const closed = closedBefore.get(step.id);
    if (step.kind !== 'automatic' || !step.check || closed?.status !== 'done' || closed.overrideId !== null) continue;
    if (!runCheck(session, runId, step.id, now).steps.find((s) => s.stepId === step.id)?.check?.passed)
      throw new AppError('PROCEDURE_CHECK_FAILED');
  }
  const closed = closedSteps(session.db, runId);
  if (template.steps.some((s) => s.required && !closed.has(s.id))) throw new AppError('PROCEDURE_REQUIRED_STEPS_OPEN');

  const site = requireSite(session.db, run.siteId);
  // A report already issued for this run (the app stopped before the run was closed) is the one: no second number.
  const report =
    reportIssuedFor(session, run.reference) ??
    (await issueVisitReport(session, { run, template, site, system, steps: closed }, now, fontPath));
  session.db.transaction(() => {
    closeRun(session.db, runId, { status: 'completed', at: now, reportId: report.id });
    session.audit.append('procedure.completed', session.actor(), {
      runId,
      reference: run.reference,
      reportId: report.id,
      reportNumber: report.number,
    });
  })();
  return loadRun(session, runId);
}

export function abandonRun(session: VaultSession, runId: string, reason: string, now: Date): VisitRun {
  const run = requireRunRow(session.db, runId);
  if (run.status !== 'in-progress') throw new AppError('PROCEDURE_RUN_CLOSED');
  session.db.transaction(() => {
    closeRun(session.db, runId, { status: 'abandoned', at: now, abandonReason: reason.trim() });
    session.audit.append('procedure.abandoned', session.actor(), { runId, reference: run.reference });
  })();
  return loadRun(session, runId);
}
