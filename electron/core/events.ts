/** The port through which core services push events to the renderer (`webContents.send` in the app). */
import type { EventName, PayloadOf } from '../shared/contract';

export type EmitEvent = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;
