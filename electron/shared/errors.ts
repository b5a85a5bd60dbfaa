/**
 * Errors that cross the IPC boundary or leave the CLI: a stable code and an i18n key, never
 * a stack trace, a path typed by the user, a secret or patient data (docs/decisions.md, "IPC").
 */
import { z } from 'zod';
import { authorityErrorCodes, certificateProblems } from './certificates';
import { erasureErrorCodes } from './erasure';
import { selfCheckErrorCodes } from './self-check';
import { sanitizeErrorCodes } from './sanitize';
import { visitsErrorCodes } from './visits';
import { plannedVisitErrorCodes } from './planned-visits';
import { sitesErrorCodes } from './sites';
import { ledgerErrorCodes } from './ledger';
import { archiveErrorCodes } from './archive';

export const errorCodes = [
  'IPC_UNKNOWN_CHANNEL',
  'IPC_INVALID_REQUEST',
  'IPC_FORBIDDEN_SENDER',
  'IPC_INVALID_RESPONSE',
  'DISKS_UNAVAILABLE',
  'PREFERENCES_UNWRITABLE',
  'VAULT_NOT_INITIALIZED',
  'VAULT_ALREADY_INITIALIZED',
  'VAULT_DATA_WITHOUT_HEADER',
  'VAULT_SCHEMA_NEWER',
  'VAULT_LOCKED',
  'VAULT_WRONG_PASSWORD',
  'VAULT_DEVICE_SECRET_MISSING',
  'VAULT_KEYCHAIN_UNAVAILABLE',
  'VAULT_DATABASE_DAMAGED',
  'VAULT_HEADER_DAMAGED',
  'VAULT_THROTTLED',
  // Another process (the app or `fieldguard`) kept issuing a certificate in this data folder for minutes.
  'CERTIFICATE_ISSUE_BUSY',
  'VAULT_RECOVERY_REQUIRED',
  'VAULT_THROTTLE_TAMPERED',
  'VAULT_RECOVERY_KEY_INVALID',
  'VAULT_RECOVERY_KEY_WRONG',
  'VAULT_RECOVERY_CONFIRMATION_MISMATCH',
  // A master-key rotation was asked for before its new recovery key was drawn and shown.
  'VAULT_ROTATION_NOT_PREPARED',
  'VAULT_PASSWORD_REJECTED',
  'VAULT_PASSWORDS_DIFFER',
  'VAULT_ITEM_NOT_FOUND',
  'VAULT_FILE_CORRUPTED',
  'VAULT_FILE_REORDERED',
  'VAULT_FILE_TRUNCATED',
  'VAULT_FILE_MISSING',
  'VAULT_SOURCE_UNREADABLE',
  'VAULT_DESTINATION_UNWRITABLE',
  'JOB_CANCELLED',
  'JOB_NOT_FOUND',
  'DIALOG_CANCELLED',
  // The main process's own confirmation box (confirm-in-main.ts) was not answered yes.
  'CONFIRMATION_REFUSED',
  'AUDIT_ENTRY_EDITED',
  'AUDIT_ENTRY_MISSING',
  // A certificate that is not genuine says why, in the verifier's own words.
  ...certificateProblems,
  ...authorityErrorCodes,
  ...erasureErrorCodes,
  'ERASURE_CONFIRMATION_MISMATCH',
  ...selfCheckErrorCodes,
  ...sanitizeErrorCodes,
  ...sitesErrorCodes,
  ...visitsErrorCodes,
  ...plannedVisitErrorCodes,
  ...ledgerErrorCodes,
  ...archiveErrorCodes,
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The i18n key of an error code's message, in `errors.{ja,en}.json`. */
export function errorMessageKey(code: ErrorCode): `errors.${ErrorCode}` {
  return `errors.${code}`;
}

/** Validation issues are reported by field path and zod issue code only: no input values. */
export const ValidationIssue = z.object({
  path: z.string(),
  code: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** Values a message interpolates (`{{found}}`): numbers only, so nothing typed by a user or read from a file crosses with an error. */
export const ErrorParams = z.record(z.string().regex(/^[a-z][A-Za-z]*$/), z.number());
export type ErrorParams = Readonly<z.infer<typeof ErrorParams>>;

export const IpcError = z.object({
  code: ErrorCode,
  messageKey: z.string(),
  issues: z.array(ValidationIssue).optional(),
  params: ErrorParams.optional(),
});
export type IpcError = z.infer<typeof IpcError>;

export function ipcError(code: ErrorCode, issues?: ValidationIssue[], params?: ErrorParams): IpcError {
  return { code, messageKey: errorMessageKey(code), ...(issues ? { issues } : {}), ...(params ? { params: { ...params } } : {}) };
}

/** Every reply to `invoke` is one of these; the renderer's bridge turns `ok: false` into a thrown error. */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: IpcError };
