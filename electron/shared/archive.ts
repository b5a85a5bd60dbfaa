/**
 * The company evidence archive (issue 20) as the screens, the CLI and the IPC contract see it:
 * its error codes, audit events and the state Settings shows. The logic is in
 * electron/core/archive.
 */
import { z } from 'zod';

export const archiveErrorCodes = [
  'ARCHIVE_NOT_CONFIGURED',
  'ARCHIVE_SETTINGS_INVALID',
  // Saved without a secret while none is stored for that access key id.
  'ARCHIVE_SECRET_MISSING',
  'ARCHIVE_UNREACHABLE',
  'ARCHIVE_CREDENTIALS_REJECTED',
  'ARCHIVE_ACCESS_DENIED',
  'ARCHIVE_BUCKET_NOT_FOUND',
  'ARCHIVE_OBJECT_LOCK_DISABLED',
  'ARCHIVE_NOT_VERSIONED',
  'ARCHIVE_CHECKSUM_REJECTED',
  'ARCHIVE_STORE_ERROR',
  // Never at a hospital: the laptop may be on the site's network while a visit is open.
  'ARCHIVE_VISIT_IN_PROGRESS',
  // The archive holds an anchor ahead of this vault's audit log: the data folder was put back from an older copy.
  'ARCHIVE_ROLLBACK_DETECTED',
  'ARCHIVE_DOCUMENT_NOT_FOUND',
] as const;

export const archiveAuditEventTypes = [
  'archive.settings-changed',
  'archive.synced',
  'archive.document-refused',
  'archive.rollback-detected',
  'archive.legal-hold',
  'archive.report-issued',
] as const;

/** Where one queued document stands. */
export const archiveRecordStates = ['queued', 'archived', 'refused', 'failed'] as const;
export type ArchiveRecordState = (typeof archiveRecordStates)[number];

/** What Settings and `archive sync` show. */
export interface ArchiveState {
  readonly configured: boolean;
  readonly lastSyncAt: string | null;
  readonly waiting: number;
  readonly archived: number;
  /** Documents whose signature no longer verifies: never sent, shown until someone looks into them. */
  readonly refused: number;
  /** Documents whose last attempt failed (they are tried again at the next sync), with the error code. */
  readonly failed: ReadonlyArray<{ readonly number: string; readonly error: string }>;
  /** A rolled-back data folder caught by the archive's anchors, if any. */
  readonly incident: { readonly detectedAt: string; readonly archiveSeq: number; readonly localSeq: number } | null;
}

/** COMPLIANCE: nobody, not even the bucket's administrator, can shorten it or delete early. GOVERNANCE: a privileged user can. */
export const retentionModes = ['COMPLIANCE', 'GOVERNANCE'] as const;

/** Five years, counting a leap day: the default the issue asks for. */
export const DEFAULT_RETENTION_DAYS = 1827;

/** A segment of an object key: ASCII only, so that every store and every tool reads it the same way. */
const KeySegment = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/);

/**
 * The archive the company policy names, as a person or a policy file gives it: parsed here once,
 * for the CLI, the IPC request and the Settings form (which shows the field at fault).
 */
export const ArchiveSettingsInput = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }),
  region: z.string().regex(/^[a-z0-9-]{1,32}$/),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
  prefix: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,100}$/)
    .refine((p) => !p.endsWith('/') && !p.includes('//')),
  company: KeySegment,
  retentionMode: z.enum(retentionModes).default('COMPLIANCE'),
  retentionDays: z.number().int().min(1).max(36500).default(DEFAULT_RETENTION_DAYS),
  accessKeyId: z.string().min(1).max(128),
  secretAccessKey: z.string().min(1).max(256),
});
export type ArchiveSettingsInput = z.input<typeof ArchiveSettingsInput>;

/** Settings as the screen may see them: everything but the secret, of which only whether one is stored. */
export const ArchiveSettingsView = z.object({
  endpoint: z.string(),
  region: z.string(),
  bucket: z.string(),
  prefix: z.string(),
  company: z.string(),
  retentionMode: z.enum(retentionModes),
  retentionDays: z.number().int(),
  accessKeyId: z.string(),
  secretStored: z.boolean(),
});
export type ArchiveSettingsView = z.infer<typeof ArchiveSettingsView>;
