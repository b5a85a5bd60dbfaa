/**
 * Errors that cross the IPC boundary or leave the CLI: a stable code and an i18n key, never
 * a stack trace, a path typed by the user, a secret or patient data (DESIGN.md "IPC").
 */
import { z } from 'zod';

export const errorCodes = [
  'IPC_UNKNOWN_CHANNEL',
  'IPC_INVALID_REQUEST',
  'IPC_FORBIDDEN_SENDER',
  'IPC_INVALID_RESPONSE',
  'DISKS_UNAVAILABLE',
  'PREFERENCES_UNWRITABLE',
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

export const IpcError = z.object({
  code: ErrorCode,
  messageKey: z.string(),
  issues: z.array(ValidationIssue).optional(),
});
export type IpcError = z.infer<typeof IpcError>;

export function ipcError(code: ErrorCode, issues?: ValidationIssue[]): IpcError {
  return issues ? { code, messageKey: errorMessageKey(code), issues } : { code, messageKey: errorMessageKey(code) };
}

/** Every reply to `invoke` is one of these; the renderer's bridge turns `ok: false` into a thrown error. */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: IpcError };
