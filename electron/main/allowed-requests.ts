/**
 * What the window may fetch (issue 17): the app's own files on app://fieldguard/ and inline
 * data, nothing from the network — and, only while developing (`npm run dev`), the dev server's
 * origin and its hot-reload socket. The session's webRequest filter (web-contents-guards.ts)
 * cancels everything else, so that script in a compromised renderer cannot send data anywhere
 * even if a CSP gap or a Chromium bug let it try. Pure, so that it is tested under Node.
 */
import { isAppUrl } from './app-origin';

/** True when a request of the window to `url` may go ahead; `devOrigin` is set in development only. */
export function isAllowedRequest(url: string, devOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (isAppUrl(url)) return true;
  // Inline images (the signature pad's PNG) and the app's own object URLs never reach a network.
  if (parsed.protocol === 'data:') return true;
  if (parsed.protocol === 'blob:')
    return isAppUrl(url.slice('blob:'.length)) || (devOrigin !== undefined && sameOrigin(url.slice('blob:'.length), devOrigin));
  if (devOrigin === undefined) return false;
  if (sameOrigin(url, devOrigin)) return true;
  // Vite's hot reload talks over a WebSocket to the dev server's own host and port; DevTools loads from devtools://.
  const dev = new URL(devOrigin);
  if ((parsed.protocol === 'ws:' || parsed.protocol === 'wss:') && parsed.host === dev.host) return true;
  return parsed.protocol === 'devtools:';
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      parsed.origin === new URL(origin).origin &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
