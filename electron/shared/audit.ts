/**
 * The `audit.*` channels: the tamper-evident log of every security-relevant event, its
 * filter, CSV export and chain verification. Event types are declared here so that the
 * screens can filter and translate them; later features add theirs to the list.
 */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';
import { ledgerAuditEventTypes } from './ledger';
import { visitAuditEventTypes } from './visits';
import { plannedVisitAuditEventTypes } from './planned-visits';
import { archiveAuditEventTypes } from './archive';

export const auditEventTypes = [
  'vault.created',
  'vault.unlocked',
  'vault.unlock-failed',
  'vault.locked',
  'vault.password-changed',
  'vault.master-key-rotated',
  'vault.recovery-used',
  'vault.device-rebound',
  'vault.rollback-detected',
  'vault.item-imported',
  'vault.item-exported',
  'vault.item-erased',
  'settings.changed',
  'audit.exported',
  'audit.verified',
  'erasure.started',
  'erasure.resumed',
  'erasure.abandoned',
  'erasure.device-access-granted',
  'erasure.finished',
  'certificate.issued',
  'certificate.timestamped',
  'certificate.enrollment-requested',
  'certificate.enrollment-imported',
  'trust.root-added',
  'trust.root-removed',
  'trust.crl-imported',
  'selfcheck.run',
  'selfcheck.override',
  'sanitize.finished',
  'site.saved',
  'site.removed',
  'system.saved',
  'system.removed',
  'account.saved',
  'account.removed',
  'account.revealed',
  'account.copied',
  'account.reviewed',
  ...ledgerAuditEventTypes,
  ...visitAuditEventTypes,
  ...plannedVisitAuditEventTypes,
  ...archiveAuditEventTypes,
] as const;
export const AuditEventType = z.enum(auditEventTypes);
export type AuditEventType = z.infer<typeof AuditEventType>;

export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  time: z.string(),
  type: AuditEventType,
  actor: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z
  .object({
    types: z.array(AuditEventType).max(auditEventTypes.length).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditVerification = z.discriminatedUnion('intact', [
  z.object({ intact: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int().nonnegative(),
    brokenAt: z.number().int(),
    problem: z.enum(['AUDIT_ENTRY_EDITED', 'AUDIT_ENTRY_MISSING']),
  }),
]);
export type AuditVerification = z.infer<typeof AuditVerification>;

export const auditChannels = {
  'audit.list': defineChannel({
    request: AuditFilter,
    response: z.object({ entries: z.array(AuditEntry), total: z.number().int().nonnegative() }),
  }),
  'audit.verify': defineChannel({ request: noRequest, response: AuditVerification }),
  'audit.exportCsv': defineChannel({
    request: AuditFilter,
    response: z.object({ saved: z.boolean() }),
  }),
};
