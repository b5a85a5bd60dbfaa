/**
 * The one exception type services throw on purpose. It carries only a stable code: the
 * router turns it into a typed reply, the CLI into a message and exit code. Anything else a
 * service throws is a bug and leaves the process as `INTERNAL`, with no details.
 */
import type { ErrorCode } from '../shared/errors';

export class AppError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = 'AppError';
  }
}
