/**
 * The stores check what they are given against the contract's schemas themselves, so the CLI,
 * the browser harness and tests that call a service directly get the same rules as a request
 * that came through the IPC router. A refusal carries the code only, never the value.
 */
import type { z } from 'zod';
import { AppError } from '../app-error';

export function parseDraft<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('IPC_INVALID_REQUEST');
  return parsed.data;
}
