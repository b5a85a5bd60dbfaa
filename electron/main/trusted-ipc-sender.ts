/**
 * Electron security checklist 17: validate the sender of every IPC message. Only the
 * top-level frame of our own page may call the main process; an iframe, a navigated-away
 * window or any other origin is refused before the router sees the request.
 */
import { isAppUrl } from './app-origin';

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined, devServerOrigin?: string): boolean {
  if (!frame || frame.parent) return false;
  if (isAppUrl(frame.url)) return true;
  if (!devServerOrigin) return false;
  try {
    return new URL(frame.url).origin === devServerOrigin;
  } catch {
    return false;
  }
}
