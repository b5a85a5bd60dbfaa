/**
 * The company evidence archive (issue 20) as the screens, the CLI and the IPC contract see it:
 * its error codes, audit events and the state Settings shows. The logic is in
 * electron/core/archive.
 */

export const archiveErrorCodes = [
  'ARCHIVE_NOT_CONFIGURED',
  'ARCHIVE_SETTINGS_INVALID',
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
