/**
 * The `visits.*` channels: guided procedures (docs/decisions.md, "The user's journey"). A procedure
 * is a template of ordered steps — each citing the guideline items it serves — and a run of it
 * is a visit (or a decommissioning, or an incident response) at one site. Steps are closed in
 * order; a required step can be closed only by doing it (or, where the template allows, by
 * saying why it does not apply), so a run cannot be completed with a required step open.
 * Completing a run issues its signed report through the certificate service.
 *
 * Templates are typed data in `electron/core/visits/templates/`; their texts (titles,
 * explanations, field labels) are in `electron/shared/i18n/visit-texts.{ja,en}.json`, which the
 * screens and the signed report both read.
 */
import { z } from 'zod';
import { SignaturePng } from './signature-png';

export { SignaturePng };
import { defineChannel, noRequest } from './ipc/define';
import { Line, Text } from './text-fields';
import { FieldTemplate, FieldValue } from './visit-step-fields';

// A step's fields and their values are defined with their rules, in one place.
export { FieldTemplate, FieldValue, fieldTypes, type FieldType } from './visit-step-fields';

export const visitsErrorCodes = [
  'PROCEDURE_TEMPLATE_NOT_FOUND',
  'PROCEDURE_RUN_NOT_FOUND',
  'PROCEDURE_STEP_NOT_FOUND',
  'PROCEDURE_RUN_CLOSED',
  'PROCEDURE_STEP_OUT_OF_ORDER',
  'PROCEDURE_STEP_WRONG_KIND',
  'PROCEDURE_STEP_INVALID',
  'PROCEDURE_STEP_NOT_APPLICABLE_REFUSED',
  'PROCEDURE_CHECK_FAILED',
  'PROCEDURE_REQUIRED_STEPS_OPEN',
  'PROCEDURE_SYSTEM_REQUIRED',
  'PROCEDURE_EVIDENCE_NOT_IN_VISIT',
  'PROCEDURE_PERMISSION_REQUIRED',
] as const;

/** What the audit log records of procedures: ids, step ids and outcomes, never the values typed into a step. */
export const visitAuditEventTypes = [
  'procedure.started',
  'procedure.step-closed',
  'procedure.step-updated',
  'procedure.checked',
  'procedure.completed',
  'procedure.abandoned',
] as const;

export const templateIds = ['maintenance-visit', 'decommissioning', 'incident-response'] as const;
export const TemplateId = z.enum(templateIds);
export type TemplateId = z.infer<typeof TemplateId>;

export const stepKinds = ['confirm', 'record', 'evidence', 'signature', 'automatic'] as const;
export type StepKind = (typeof stepKinds)[number];

/**
 * What FieldGuard checks by itself, reading the real state of the vault:
 * - `readiness`: a passing self-check within the policy's age (7-4, 8-2, 8-3), or an override with a reason;
 * - `defaultPasswords`: none of the system's maintenance accounts still has a vendor-default password (8-5);
 * - `sanitizationReport`: a sanitization report issued since the run started (10-5);
 * - `visitDataErased`: nothing of the visit is left in the vault, and every item it held is in an erasure certificate (10-1);
 * - `dataLocationsErased`: an erasure certificate issued since the run started covers every data location of the system's profile (E.3 c).
 */
export const automaticChecks = ['readiness', 'defaultPasswords', 'sanitizationReport', 'visitDataErased', 'dataLocationsErased'] as const;
export type AutomaticCheck = (typeof automaticChecks)[number];

export const StepTemplate = z.object({
  id: z.string(),
  kind: z.enum(stepKinds),
  /** The guideline items this step serves, e.g. ['7-1', '7-2']. */
  items: z.array(z.string()),
  required: z.boolean(),
  /** The engineer may close it as "not applicable", with a reason that goes into the report. */
  notApplicable: z.boolean(),
  fields: z.array(FieldTemplate),
  /** Files may (or, for an `evidence` step, must) be attached from the visit's vault folder. */
  attachments: z.enum(['none', 'optional', 'required']),
  check: z.enum(automaticChecks).optional(),
});
export type StepTemplate = z.infer<typeof StepTemplate>;

export const VisitTemplate = z.object({
  id: TemplateId,
  version: z.number().int().positive(),
  /** Every item the template serves, for its heading. */
  items: z.array(z.string()),
  /** Whether a run needs one of the site's systems (a visit and a decommissioning do). */
  needsSystem: z.boolean(),
  steps: z.array(StepTemplate),
});
export type VisitTemplate = z.infer<typeof VisitTemplate>;

export const stepStatuses = ['open', 'done', 'not-applicable'] as const;
export type StepStatus = (typeof stepStatuses)[number];

export const AttachedFile = z.object({ itemId: z.string(), name: z.string(), size: z.number(), sha256: z.string() });
export type AttachedFile = z.infer<typeof AttachedFile>;

/** What an automatic check found: passed or not, a reason code for the texts, and the facts behind it. */
export const CheckOutcome = z.object({
  check: z.enum(automaticChecks),
  passed: z.boolean(),
  /** Text key under `checks.<check>.<reason>`. */
  reason: z.string(),
  /** Values for the reason's text and the report (counts, certificate numbers); never secrets. */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])),
  checkedAt: z.string(),
});
export type CheckOutcome = z.infer<typeof CheckOutcome>;

export const StepState = z.object({
  stepId: z.string(),
  status: z.enum(stepStatuses),
  values: z.record(z.string(), FieldValue),
  attachments: z.array(AttachedFile),
  /** Who signed (name and title as typed) — the image itself is sent only with the report. */
  signer: z.object({ name: z.string(), title: z.string() }).nullable(),
  hasSignature: z.boolean(),
  /** Signed by hand on the printed report instead of on screen (no pointer, or the signer's choice). */
  signedOnPaper: z.boolean(),
  check: CheckOutcome.nullable(),
  /** The reason a step does not apply, or the reason for going ahead without a passing self-check. */
  reason: z.string().nullable(),
  overrideId: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export type StepState = z.infer<typeof StepState>;

export const runStatuses = ['in-progress', 'completed', 'abandoned'] as const;
export type RunStatus = (typeof runStatuses)[number];

export const RunSummary = z.object({
  id: z.string(),
  /** e.g. V-20261126-01: also the name of the visit's folder in the vault. */
  reference: z.string(),
  templateId: TemplateId,
  templateVersion: z.number(),
  status: z.enum(runStatuses),
  siteId: z.string(),
  siteName: z.string(),
  systemId: z.string().nullable(),
  systemName: z.string().nullable(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  /** The signed report, once completed. */
  reportId: z.string().nullable(),
  reportNumber: z.string().nullable(),
  abandonReason: z.string().nullable(),
  /** The planned visit it was started from (issue 19): its purpose and work-order number travel with the run. */
  plannedVisit: z.object({ id: z.string(), purpose: z.string(), workOrder: z.string(), dataToCarry: z.string() }).nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const VisitRun = RunSummary.extend({
  template: VisitTemplate,
  steps: z.array(StepState),
  /** The step to do next (the first open required-or-optional step whose predecessors are closed), or null. */
  currentStepId: z.string().nullable(),
});
export type VisitRun = z.infer<typeof VisitRun>;

/** Vault folders (collections) with data still held: the dashboard turns red after `warnAfterDays`. */
export const HeldVisitData = z.object({
  collection: z.string(),
  items: z.number(),
  bytes: z.number(),
  oldestImportAt: z.string(),
  days: z.number(),
  overdue: z.boolean(),
  runId: z.string().nullable(),
});
export type HeldVisitData = z.infer<typeof HeldVisitData>;

export const VisitsAttention = z.object({
  inProgress: z.array(RunSummary),
  heldData: z.array(HeldVisitData),
  warnAfterDays: z.number(),
});
export type VisitsAttention = z.infer<typeof VisitsAttention>;

/** Visit data older than this many days is shown in red on the dashboard, unless the engineer sets another number. */
export const DEFAULT_HELD_DATA_WARN_DAYS = 7;

const Id = z.uuid();
const RunRef = z
  .object({
    runId: Id,
    stepId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9-]+$/),
  })
  .strict();

export const visitsChannels = {
  'visits.templates': defineChannel({ request: noRequest, response: z.object({ templates: z.array(VisitTemplate) }) }),
  'visits.start': defineChannel({
    /** `plannedVisitId`: started from that plan, which must name the same procedure, site and system. */
    request: z.object({ templateId: TemplateId, siteId: Id, systemId: Id.nullable(), plannedVisitId: Id.optional() }).strict(),
    response: VisitRun,
  }),
  'visits.list': defineChannel({
    request: z.object({ status: z.enum(runStatuses).optional() }).strict(),
    response: z.object({ runs: z.array(RunSummary) }),
  }),
  'visits.get': defineChannel({ request: z.object({ runId: Id }).strict(), response: VisitRun }),
  /** Closes a confirm, record, evidence or signature step with what it needs (validated against its template). */
  'visits.completeStep': defineChannel({
    request: RunRef.extend({
      values: z
        .record(z.string().max(64), FieldValue)
        .refine((v) => Object.keys(v).length <= 40)
        .optional(),
      attachments: z.array(Id).max(1000).optional(),
      signer: z
        .object({ name: Line(100).min(1), title: Line(100) })
        .strict()
        .optional(),
      signature: SignaturePng.optional(),
      /** Instead of `signature`: the signer signs the printed report by hand (a blank signature line is printed). */
      signedOnPaper: z.literal(true).optional(),
    }),
    response: VisitRun,
  }),
  /** Runs an automatic step's check against the vault; closes the step when it passes. */
  'visits.runCheck': defineChannel({ request: RunRef, response: VisitRun }),
  /** Goes ahead without a passing self-check: the reason is kept, audited and printed in the report (7-4). */
  'visits.overrideReadiness': defineChannel({ request: RunRef.extend({ reason: Text(1000).min(1) }), response: VisitRun }),
  'visits.markNotApplicable': defineChannel({ request: RunRef.extend({ reason: Text(1000).min(1) }), response: VisitRun }),
  /** Completes the run when no required step is open, and issues its signed report. */
  'visits.complete': defineChannel({ request: z.object({ runId: Id }).strict(), response: VisitRun }),
  'visits.abandon': defineChannel({ request: z.object({ runId: Id, reason: Text(1000).min(1) }).strict(), response: VisitRun }),
  'visits.attention': defineChannel({ request: noRequest, response: VisitsAttention }),
  'visits.setHeldDataWarnDays': defineChannel({
    request: z.object({ days: z.number().int().min(1).max(365) }).strict(),
    response: z.object({ warnAfterDays: z.number() }),
  }),
};
