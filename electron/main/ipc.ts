/**
 * The only `ipcMain` registration: one handler for every contract channel. It checks the
 * sender first (checklist 17), then hands the channel name and request to the router,
 * which validates both. Nothing else in the app listens on IPC.
 */
import { ipcMain, type WebFrameMain } from 'electron';
import type { Router } from '../core/ipc/router';
import type { Logger } from '../core/logger';
import { ipcError } from '../shared/errors';
import { INVOKE_TRANSPORT } from '../shared/ipc/transport';

export function registerIpc(router: Router, isTrusted: (frame: WebFrameMain | null) => boolean, log: Logger): void {
  ipcMain.handle(INVOKE_TRANSPORT, async (event, channel: unknown, request: unknown) => {
    if (!isTrusted(event.senderFrame)) {
      log.warn('ipc.forbidden-sender');
      return { ok: false, error: ipcError('IPC_FORBIDDEN_SENDER') };
    }
    return router.handle(channel, request);
  });
}
