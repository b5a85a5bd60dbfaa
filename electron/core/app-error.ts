/**
 * The one exception type services throw on purpose. It carries a stable code and, where the
 * message needs them, numbers only (a schema version, a count) — never text, so no path, name
 * or secret can ride along: the router turns it into a typed reply, the CLI into a message and
 * exit code. Anything else a service throws is a bug and leaves the process as `INTERNAL`,
 * with no details.
 */
import type { ErrorCode, ErrorParams } from '../shared/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: ErrorParams,
  ) {
    super(code);
    this.name = 'AppError';
  }
}
