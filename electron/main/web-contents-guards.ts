/**
 * Electron security checklist 12–14: no navigation away from the app, no new windows, no
 * <webview>, and every permission request (camera, notifications, geolocation…) denied.
 * Applied to every web contents the app ever creates. And no traffic (issue 17): every request
 * that is not the app's own is cancelled in the session, and WebRTC may not reveal local
 * addresses or send UDP past a proxy — script in a compromised renderer has no way out.
 */
import type { Session, WebContents } from 'electron';
import { isAllowedRequest } from './allowed-requests';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

/** WebRTC only through a proxy, and there is none: no STUN to reveal addresses, no UDP out. */
export const WEBRTC_IP_HANDLING_POLICY = 'disable_non_proxied_udp';

export function guardWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  const refuseForeignNavigation = (event: { preventDefault(): void; url: string }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWebRTCIPHandlingPolicy(WEBRTC_IP_HANDLING_POLICY);
  contents.setWindowOpenHandler(({ url }) => {
    // A link to an allowed official page opens in the user's browser; nothing opens in-app.
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Cancels every request of the session that is not the app's own (allowed-requests.ts); the listener without a filter sees them all. */
export function cancelForeignRequests(session: Session, devOrigin: string | undefined): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devOrigin) }));
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
