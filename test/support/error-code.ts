/** The error code a call fails with, whether it throws at once or rejects later; 'resolved' when it succeeds. */
import { AppError } from '../../electron/core/app-error';

export async function errorCodeOf(call: () => unknown): Promise<string> {
  try {
    await call();
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}
