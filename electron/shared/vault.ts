/**
 * The `vault.*` channels (7-3, 14-2, 14-6): setup, unlock and lock, recovery, password
 * change, master-key rotation, auto-lock settings, and the files in the vault. Passwords
 * and recovery keys cross the boundary only inside requests; no reply ever carries one,
 * except the new recovery key that setup and a master-key rotation must show once.
 */
import { z } from 'zod';
import { defineChannel, defineEvent, noRequest } from './ipc/define';

const Password = z.string().min(1).max(1024);
const JobId = z.uuid();

export const Profile = z.object({
  name: z.string().trim().min(1).max(100),
  company: z.string().trim().min(1).max(200),
  employeeId: z.string().trim().min(1).max(50),
});
export type Profile = z.infer<typeof Profile>;

export const VaultStatus = z.object({
  state: z.enum(['uninitialized', 'locked', 'unlocked']),
  protection: z.enum(['password+device', 'password-only']).nullable(),
  deviceSecret: z.enum(['present', 'missing', 'not-used']).nullable(),
  failures: z.number().int().nonnegative(),
  retryAt: z.iso.datetime().nullable(),
  recoveryRequired: z.boolean(),
  throttleTampered: z.boolean(),
  profile: Profile.extend({ title: z.string() }).nullable(),
  autoLockMinutes: z.number().int().min(1).max(30).nullable(),
  /**
   * Found at this unlock: the database's audit log is older than (or differs from) the head this
   * laptop's keychain last anchored — an older copy of the vault was put back. Absent when none.
   */
  rollback: z
    .object({
      kind: z.enum(['older', 'replaced']),
      anchorSeq: z.number().int().nonnegative(),
      foundSeq: z.number().int().nonnegative(),
      anchoredAt: z.iso.datetime(),
    })
    .nullable()
    .optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const passwordProblems = ['TOO_SHORT', 'BLOCKLISTED', 'PERSONAL_INFO', 'TOO_WEAK'] as const;
export const PasswordAssessment = z.object({
  acceptable: z.boolean(),
  score: z.number().int().min(0).max(4),
  problems: z.array(z.enum(passwordProblems)),
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
});
export type PasswordAssessment = z.infer<typeof PasswordAssessment>;

export const VaultItem = z.object({
  id: z.uuid(),
  collection: z.string(),
  name: z.string(),
  relativePath: z.string(),
  origin: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  modifiedAt: z.string().nullable(),
  importedAt: z.string(),
});
export type VaultItem = z.infer<typeof VaultItem>;

export const RecoveryAnswer = z.object({ group: z.number().int().min(0).max(7), digits: z.string().max(12) });

const ok = z.object({ ok: z.literal(true) });

/** A new recovery key shown once (setup, and each master-key rotation) and the two groups to type back. */
const PreparedRecoveryKey = z.object({
  recoveryKey: z.string(),
  groups: z.array(z.string()).length(8),
  confirmGroups: z.tuple([z.number().int(), z.number().int()]),
});

export const vaultChannels = {
  'vault.status': defineChannel({ request: noRequest, response: VaultStatus }),
  'vault.assessPassword': defineChannel({
    request: z.object({ password: z.string().max(1024), profile: Profile.partial().optional() }).strict(),
    response: PasswordAssessment,
  }),
  'vault.prepareSetup': defineChannel({
    request: z.object({ profile: Profile, password: Password, passwordConfirmation: Password, passwordOnly: z.boolean() }).strict(),
    response: PreparedRecoveryKey,
  }),
  'vault.saveRecoveryKey': defineChannel({ request: noRequest, response: z.object({ saved: z.boolean() }) }),
  'vault.completeSetup': defineChannel({
    request: z.object({ answers: z.array(RecoveryAnswer).min(2).max(8) }).strict(),
    response: VaultStatus,
  }),
  'vault.unlock': defineChannel({ request: z.object({ password: Password }).strict(), response: VaultStatus }),
  'vault.recover': defineChannel({
    request: z.object({ recoveryKey: z.string().min(1).max(200), newPassword: Password, newPasswordConfirmation: Password }).strict(),
    response: VaultStatus,
  }),
  'vault.lock': defineChannel({ request: noRequest, response: VaultStatus }),
  'vault.changePassword': defineChannel({
    request: z.object({ currentPassword: Password, newPassword: Password, newPasswordConfirmation: Password }).strict(),
    response: ok,
  }),
  /** Draws the recovery key the rotation will wrap the new master key for; the old one stops working (issue 17). */
  'vault.prepareRotation': defineChannel({ request: noRequest, response: PreparedRecoveryKey }),
  'vault.rotateMasterKey': defineChannel({
    request: z.object({ password: Password, jobId: JobId, answers: z.array(RecoveryAnswer).min(2).max(8) }).strict(),
    response: ok,
  }),
  'vault.setAutoLock': defineChannel({
    request: z.object({ minutes: z.number().int().min(1).max(30) }).strict(),
    response: VaultStatus,
  }),
  'vault.items.list': defineChannel({
    request: z.object({ collection: z.string().max(200).optional() }).strict(),
    response: z.object({ items: z.array(VaultItem) }),
  }),
  'vault.items.import': defineChannel({
    request: z.object({ jobId: JobId, collection: z.string().trim().min(1).max(200), pick: z.enum(['files', 'folder']) }).strict(),
    response: z.object({ cancelled: z.boolean(), items: z.array(VaultItem) }),
  }),
  'vault.items.export': defineChannel({
    request: z.object({ jobId: JobId, itemIds: z.array(z.uuid()).min(1).max(100_000) }).strict(),
    response: z.object({ cancelled: z.boolean(), files: z.number().int().nonnegative(), destination: z.string().nullable() }),
  }),
  'vault.items.erase': defineChannel({
    request: z.object({ itemIds: z.array(z.uuid()).min(1).max(100_000) }).strict(),
    response: z.object({ erased: z.number().int().nonnegative() }),
  }),
  'jobs.cancel': defineChannel({
    request: z.object({ jobId: JobId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  }),
};

export const JobProgress = z.object({
  jobId: JobId,
  kind: z.enum(['import', 'export', 'rotate', 'erase', 'sanitize', 'archive']),
  filesDone: z.number().int().nonnegative(),
  filesTotal: z.number().int().nonnegative(),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  step: z.string().nullable(),
  /** Erasure: the pass under way and how many there are, the speed and the estimate. */
  currentPass: z.number().int().nonnegative().optional(),
  passes: z.number().int().nonnegative().optional(),
  throughputBytesPerSecond: z.number().nonnegative().optional(),
  secondsLeft: z.number().nonnegative().nullable().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const vaultEvents = {
  'job.progress': defineEvent(JobProgress),
  'vault.locked': defineEvent(z.object({ reason: z.enum(['manual', 'idle', 'os-lock', 'suspend', 'shutdown', 'crash', 'renderer-gone']) })),
};
