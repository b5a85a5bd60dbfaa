/**
 * What can stop an item from being erased, and what was worth noting about one that was
 * (10-1). A file that cannot be erased is never a silent success: it becomes an exception
 * with one of these stable codes, listed on the certificate, and is left as it was.
 */
import { AppError } from '../app-error';
import { erasureErrorCodes } from '../../shared/erasure';

export const exceptionCodes = [
  'HARD_LINKED',
  'NOT_A_REGULAR_FILE',
  'VANISHED',
  'UNREADABLE',
  'PERMISSION_DENIED',
  'LOCKED',
  'CHANGED_SINCE_PLAN',
  'VERIFY_MISMATCH',
  'NOT_EMPTY',
  'OTHER_FILE_SYSTEM',
  'READ_ONLY_FILE_SYSTEM',
  'NO_SPACE',
  'IO_ERROR',
  'SANITIZE_NOT_COMPLETED',
] as const;
export type ExceptionCode = (typeof exceptionCodes)[number];

export const exceptionDescriptions: Record<ExceptionCode, string> = {
  HARD_LINKED: 'the file has another name (hard link) outside the job; erasing it would destroy that file too, so it was left untouched',
  NOT_A_REGULAR_FILE: 'a device, FIFO or socket, not a file with data: left untouched',
  VANISHED: 'the file disappeared before it could be overwritten: it was not erased by this job',
  UNREADABLE: 'the file could not be read to record its SHA-256 before erasure; it was left untouched',
  PERMISSION_DENIED: 'the operating system refused to open or remove it (permissions, or an immutable attribute)',
  LOCKED: 'another program held it open or locked',
  CHANGED_SINCE_PLAN: 'the path names a different file (or a link) than when the job was planned: left untouched',
  VERIFY_MISMATCH: 'the read-back did not match what was written: the file was kept for inspection',
  NOT_EMPTY: 'the folder still holds entries that were not erased',
  OTHER_FILE_SYSTEM: 'another file system is mounted here; it is not entered',
  READ_ONLY_FILE_SYSTEM: 'the file system is mounted read-only',
  NO_SPACE: 'the device ran out of space while filling a sparse file',
  IO_ERROR: 'the device reported an input/output error',
  SANITIZE_NOT_COMPLETED:
    'the device’s own sanitize was not confirmed complete by its sanitize status log (failed, refused, or unconfirmed): not erased',
};

/** Facts about an item the certificate should mention, none of which makes it an exception. */
export const observations = [
  'made-writable',
  'sparse-filled',
  'hard-links-in-job',
  'empty',
  'rewritten-after-interruption',
  'vanished-after-verify',
  'partially-overwritten',
] as const;
export type Observation = (typeof observations)[number];

const BY_ERRNO: Record<string, ExceptionCode> = {
  ENOENT: 'VANISHED',
  ENOTDIR: 'CHANGED_SINCE_PLAN',
  ELOOP: 'CHANGED_SINCE_PLAN',
  EACCES: 'PERMISSION_DENIED',
  EPERM: 'PERMISSION_DENIED',
  EBUSY: 'LOCKED',
  ETXTBSY: 'LOCKED',
  ENOTEMPTY: 'NOT_EMPTY',
  EEXIST: 'NOT_EMPTY',
  EROFS: 'READ_ONLY_FILE_SYSTEM',
  ENOSPC: 'NO_SPACE',
  EDQUOT: 'NO_SPACE',
  ENXIO: 'NOT_A_REGULAR_FILE',
};

/** The exception an OS error stands for; anything unexpected is reported as an I/O error, never swallowed. */
export function exceptionFromError(error: unknown): ExceptionCode {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && BY_ERRNO[code]) || 'IO_ERROR';
}

// Declared with the IPC contract, so that the error codes and their messages list them once.
export { erasureErrorCodes };
export type ErasureErrorCode = (typeof erasureErrorCodes)[number];

/** An AppError, so the IPC router and the CLI report it by its code. */
export class ErasureError extends AppError {
  constructor(override readonly code: ErasureErrorCode) {
    super(code);
    this.name = 'ErasureError';
  }
}
