/**
 * Calls channels as the renderer does: through the app's real IPC router, so every request and
 * response is checked against the contract, with the reply unwrapped as the renderer's bridge
 * unwraps it — the value, or a thrown AppError with the reply's code (and numbers). The
 * integration tests share this one helper instead of each keeping its own copy.
 */
import { AppError } from '../../electron/core/app-error';
import { createRouter, type Handlers } from '../../electron/core/ipc/router';
import type { Logger } from '../../electron/core/logger';
import type { ChannelName, RequestOf, ResponseOf } from '../../electron/shared/contract';
import type { IpcReply } from '../../electron/shared/errors';

/** One channel call through the router: its value, or an AppError carrying the refusal's code. */
export type Invoke = <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;

export interface InvokeOptions {
  /** Sees every reply, success or refusal, before it is unwrapped: for tests that scan replies for leaks. */
  readonly onReply?: (channel: ChannelName, reply: IpcReply<unknown>) => void;
}

/** A new router over `handlers`, logging to `log`, and the function that calls channels through it. */
export function invokeThroughRouter(handlers: Handlers, log: Logger, options: InvokeOptions = {}): Invoke {
  const router = createRouter(handlers, log);
  return async <C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const reply = await router.handle(channel, request);
    options.onReply?.(channel, reply);
    if (!reply.ok) throw new AppError(reply.error.code, reply.error.params);
    return reply.value as ResponseOf<C>;
  };
}
