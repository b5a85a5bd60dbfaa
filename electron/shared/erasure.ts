/**
 * The `erasure.*` channels (10-1, E.3 b–d): choose what to erase — files or folders picked in
 * a native dialog, a removable volume from the volume list, or a visit's files in the vault
 * (crypto-erased) — and erase it with
 * verification, then issue the signed data-erasure certificate the site administrator
 * countersigns. The renderer never sends a path: targets are opaque handles the main
 * process issued after the dialog or the volume check (docs/decisions.md, "IPC").
 */
import { z } from 'zod';
import { SignaturePng } from './signature-png';
import { defineChannel, noRequest } from './ipc/define';
import { wholeMediumErrorCodes } from './whole-medium-errors';

/** Errors of the erasure API itself (a bad request, not a file that resisted). */
export const erasureErrorCodes = [
  'ERASURE_TARGET_NOT_FOUND',
  'ERASURE_TARGET_REFUSED',
  'ERASURE_NOT_A_MOUNT_POINT',
  'ERASURE_JOB_NOT_FOUND',
  'ERASURE_JOB_NOT_RUNNABLE',
  'ERASURE_JOB_NOT_FINISHED',
  // Refused before anything is written (resolve-targets.ts): a verdict only on positive evidence.
  'ERASURE_TARGET_MISSING',
  'ERASURE_TARGET_IS_LINK',
  'ERASURE_TARGET_EMPTY',
  'ERASURE_TARGET_IS_MOUNT_POINT',
  // `fieldguard erase --certificate`: checked before erasing; a stored certificate is never lost.
  'ERASURE_CERTIFICATE_PATH_UNWRITABLE',
  'ERASURE_CERTIFICATE_NOT_SAVED',
  'ERASURE_CERTIFICATE_NOT_FOUND',
  // Interruptions are never lost: a job a crash or a kill ended is resumed or abandoned, not forgotten.
  'ERASURE_JOB_INTERRUPTED',
  'ERASURE_JOB_RUNNING_ELSEWHERE',
  'ERASURE_ABANDON_REASON_REQUIRED',
  // A kept result (issue 19) is issued once, and only as it was measured.
  'ERASURE_RESULT_ALREADY_ISSUED',
  'ERASURE_RESULT_CHANGED',
  // Whole-medium erasure of a removable device.
  ...wholeMediumErrorCodes,
] as const;

export const erasureMethods = ['random-verify', 'zeros-verify', 'three-pass'] as const;
export const ErasureMethod = z.enum(erasureMethods);
export type ErasureMethod = z.infer<typeof ErasureMethod>;

export const ErasureTarget = z.object({
  id: z.uuid(),
  kind: z.enum(['files', 'folder', 'volume', 'vault']),
  /** What the engineer recognises: the folder or file path, or the volume's mount point. */
  label: z.string(),
  files: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  fileSystem: z.string().nullable(),
  removable: z.boolean().nullable(),
});
export type ErasureTarget = z.infer<typeof ErasureTarget>;

export const SiteDetails = z.object({
  hospital: z.string().trim().min(1).max(200),
  department: z.string().trim().max(200),
  administrator: z.string().trim().max(100),
  reference: z.string().trim().max(200),
  /** What happens to the medium after the erasure (NIST SP 800-88 Rev. 2 §4.6); absent when not decided. */
  mediumAfter: z.enum(['returned', 'reused', 'disposed', 'kept']).optional(),
});
export type SiteDetails = z.infer<typeof SiteDetails>;
export type MediumAfter = NonNullable<SiteDetails['mediumAfter']>;

export const ErasureSummary = z.object({
  erasureJobId: z.string(),
  state: z.enum(['completed', 'aborted', 'abandoned']),
  status: z.enum(['erased', 'erased-with-exceptions', 'aborted', 'abandoned']),
  filesErased: z.number().int().nonnegative(),
  exceptions: z.number().int().nonnegative(),
  notErased: z.number().int().nonnegative(),
  bytesWritten: z.number().nonnegative(),
  bytesVerified: z.number().nonnegative(),
});
export type ErasureSummary = z.infer<typeof ErasureSummary>;

/** The site as recorded when the erasure started (fields may be blank in what was recorded). */
export const RecordedSite = z.object({
  hospital: z.string(),
  department: z.string(),
  administrator: z.string(),
  reference: z.string(),
  mediumAfter: SiteDetails.shape.mediumAfter,
});
export type RecordedSite = z.infer<typeof RecordedSite>;

/**
 * The whole device a result is about (a whole-medium erasure, issue 14): what identifies it and
 * how it ended, read from the erasure journal — every pass over every byte read back and
 * matched, or the device's own sanitize completed, with no bad sector — never from a state alone.
 */
export const ErasedDevice = z.object({
  path: z.string(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  sizeBytes: z.number().nonnegative().nullable(),
  technique: z.enum(['overwrite', 'sanitize-crypto', 'sanitize-block']),
  erased: z.boolean(),
  badSectors: z.number().int().nonnegative().nullable(),
});
export type ErasedDevice = z.infer<typeof ErasedDevice>;

/** A finished erasure whose certificate is not issued yet (issue 19): kept in the vault, exactly as measured. */
export const PendingErasureResult = z.object({
  summary: ErasureSummary,
  site: RecordedSite,
  finishedAt: z.string(),
  /** Only for a whole-medium erasure: the device erased. */
  device: ErasedDevice.optional(),
});
export type PendingErasureResult = z.infer<typeof PendingErasureResult>;

const JobId = z.uuid();

export const erasureChannels = {
  'erasure.addTargets': defineChannel({
    request: z.object({ pick: z.enum(['files', 'folder']) }).strict(),
    response: z.object({ targets: z.array(ErasureTarget) }),
  }),
  'erasure.addVolume': defineChannel({
    request: z.object({ mount: z.string().min(1).max(4096) }).strict(),
    response: z.object({ targets: z.array(ErasureTarget) }),
  }),
  'erasure.removeTarget': defineChannel({
    request: z.object({ id: z.uuid() }).strict(),
    response: z.object({ targets: z.array(ErasureTarget) }),
  }),
  'erasure.addVaultCollection': defineChannel({
    request: z.object({ collection: z.string().min(1).max(200) }).strict(),
    response: z.object({ targets: z.array(ErasureTarget) }),
  }),
  'erasure.targets': defineChannel({ request: noRequest, response: z.object({ targets: z.array(ErasureTarget) }) }),
  'erasure.start': defineChannel({
    request: z.object({ jobId: JobId, method: ErasureMethod, site: SiteDetails, confirmation: z.string().max(50) }).strict(),
    response: ErasureSummary,
  }),
  'erasure.interrupted': defineChannel({
    request: noRequest,
    response: z.object({
      jobs: z.array(
        z.object({
          erasureJobId: z.string(),
          createdAt: z.string(),
          remaining: z.number().int().nonnegative(),
          total: z.number().int().nonnegative(),
          runs: z.number().int().nonnegative(),
          /** The engineer's own targets, shown so that they recognise the job. */
          targets: z.array(z.string()),
        }),
      ),
    }),
  }),
  /** Ends an interrupted job without running it again; its certificate says what was and was not erased, and why. */
  'erasure.abandon': defineChannel({
    request: z.object({ erasureJobId: z.string().min(1).max(100), reason: z.string().trim().min(1).max(500) }).strict(),
    response: ErasureSummary,
  }),
  'erasure.resume': defineChannel({
    request: z.object({ jobId: JobId, erasureJobId: z.string().min(1).max(100) }).strict(),
    response: ErasureSummary,
  }),
  /** Finished erasures whose certificate is not issued yet, oldest first (the Erasure screen and the dashboard list them). */
  'erasure.pendingResults': defineChannel({ request: noRequest, response: z.object({ results: z.array(PendingErasureResult) }) }),
  'erasure.issueCertificate': defineChannel({
    request: z
      .object({
        erasureJobId: z.string().min(1).max(100),
        countersignature: SignaturePng.nullable(),
        /** The name of the person who countersigns (the site administrator), printed by the signature. */
        signerName: z.string().trim().max(100).optional(),
      })
      .strict(),
    /** `ledgerItem`: for a whole device, the ledger item of its serial now recorded as erased (null when none was linked). */
    response: z.object({ certificateId: z.string(), number: z.string(), ledgerItem: z.string().nullable().optional() }),
  }),
};
