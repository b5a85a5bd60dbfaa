/**
 * The main process's IPC router: the one place where a request from the renderer meets a
 * service. It checks that the channel exists, validates the request against the contract's
 * zod schema, calls the handler, validates the response, and turns every failure into a
 * typed error code (docs/decisions.md, "IPC"). It never rejects and never returns a stack trace or
 * an input value, so a compromised or buggy renderer learns nothing beyond the code.
 */
import type { z } from 'zod';
import { contract, isChannelName, type ChannelName, type Contract, type ResponseOf } from '../../shared/contract';
import { ipcError, type IpcReply, type ValidationIssue } from '../../shared/errors';
import { AppError } from '../app-error';
import type { Logger } from '../logger';

export type ChannelHandler<C extends ChannelName> = (request: z.output<Contract[C]['request']>) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type Handlers = { readonly [C in ChannelName]: ChannelHandler<C> };

export interface Router {
  handle(channel: unknown, request: unknown): Promise<IpcReply<unknown>>;
}

export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async handle(channel, request) {
      if (!isChannelName(channel)) {
        log.warn('ipc.unknown-channel');
        return { ok: false, error: ipcError('IPC_UNKNOWN_CHANNEL') };
      }
      const definition = contract[channel];
      const parsed = safeParse(definition.request, request);
      if (!parsed.success) {
        log.warn('ipc.invalid-request', { channel });
        return { ok: false, error: ipcError('IPC_INVALID_REQUEST', parsed.issues) };
      }
      let value: unknown;
      try {
        value = await (handlers[channel] as (request: unknown) => unknown)(parsed.data);
      } catch (error) {
        if (error instanceof AppError) {
          log.warn('ipc.refused', { channel, code: error.code });
          return { ok: false, error: ipcError(error.code, undefined, error.params) };
        }
        // The message may quote a path or user data: log the error's class only.
        log.error('ipc.internal-error', { channel, errorName: error instanceof Error ? error.name : typeof error });
        return { ok: false, error: ipcError('INTERNAL') };
      }
      const checked = safeParse(definition.response, value);
      if (!checked.success) {
        log.error('ipc.invalid-response', { channel });
        return { ok: false, error: ipcError('IPC_INVALID_RESPONSE') };
      }
      return { ok: true, value: checked.data };
    },
  };
}

type ParseOutcome = { success: true; data: unknown } | { success: false; issues: ValidationIssue[] };

function safeParse(schema: z.ZodType, input: unknown): ParseOutcome {
  try {
    const result = schema.safeParse(input);
    if (result.success) return { success: true, data: result.data };
    return {
      success: false,
      issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code })),
    };
  } catch {
    // A hostile object (a throwing getter, a revoked proxy) is just an invalid request.
    return { success: false, issues: [{ path: '', code: 'unreadable' }] };
  }
}
