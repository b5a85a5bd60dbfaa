/**
 * Electron security checklist 12–14: no navigation away from the app, no new windows, no
 * <webview>, and every permission request (camera, notifications, geolocation…) denied.
 * Applied to every web contents the app ever creates.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

export function guardWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  const refuseForeignNavigation = (event: { preventDefault(): void; url: string }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link to an allowed official page opens in the user's browser; nothing opens in-app.
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
