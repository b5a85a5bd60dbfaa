/**
 * The only code in the renderer that touches `window.fieldguard` (the preload's bridge).
 * It gives the screens typed functions derived from the IPC contract, and turns error
 * replies into `BridgeError`s that carry the code and the i18n key of the message.
 */
import type { ChannelName, EventName, PayloadOf, RequestOf, ResponseOf } from '@shared/contract';
import type { ErrorCode, IpcError, IpcReply } from '@shared/errors';
import type { FieldGuardBridge } from '@shared/ipc/transport';

declare global {
  interface Window {
    readonly fieldguard?: FieldGuardBridge;
  }
}

export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  /** Numbers the message interpolates (a schema version…). */
  readonly params: Readonly<Record<string, number>>;
  constructor(error: IpcError) {
    super(error.code);
    this.name = 'BridgeError';
    this.code = error.code;
    this.messageKey = error.messageKey;
    this.params = error.params ?? {};
  }
}

function bridge(): FieldGuardBridge {
  const exposed = window.fieldguard;
  if (!exposed) throw new BridgeError({ code: 'INTERNAL', messageKey: 'errors.INTERNAL' });
  return exposed;
}

export async function invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const reply = (await bridge().invoke(channel, request)) as IpcReply<ResponseOf<C>>;
  if (reply.ok) return reply.value;
  throw new BridgeError(reply.error);
}

export function on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
  return bridge().on(event, listener as (payload: unknown) => void);
}
