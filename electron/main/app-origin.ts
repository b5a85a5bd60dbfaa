/**
 * Where the renderer comes from: the privileged custom scheme `app://fieldguard/`, never
 * `file://` (Electron security checklist 18) and never a dev server in a packaged app.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldguard';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` is a page of the app itself. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
