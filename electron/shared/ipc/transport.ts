/**
 * The two Electron IPC channel names the preload uses. Contract channels ride inside them,
 * so the preload can reach exactly one `ipcMain` handler and nothing else.
 */
export const INVOKE_TRANSPORT = 'fieldguard:invoke';
export const EVENT_TRANSPORT = 'fieldguard:event';

/** What the preload exposes as `window.fieldguard` (and the browser harness reproduces). */
export interface FieldGuardBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
