/**
 * Electron security checklist 15: `shell.openExternal` only for an allow-list of exact URLs.
 * The app opens nothing but the official pages the UI cites (the ministry's guideline), each
 * pinned to its exact address (issue 17): another page of the same site, a query or a fragment
 * added, another scheme or host, user info — all are dropped, so a compromised renderer cannot
 * use the browser to carry data out in a URL.
 */
import { SETTINGS_PAGE_URLS } from '../shared/self-check-settings-pages';

const ALLOWED_EXTERNAL_URLS: ReadonlySet<string> = new Set([
  // 医療情報システムの安全管理に関するガイドライン (the MHLW guideline the self-check cites).
  'https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html',
  // The self-check's "open the setting" pages (ms-settings:, windowsdefender://, x-apple.systempreferences:), each exact.
  ...SETTINGS_PAGE_URLS,
]);

export function isAllowedExternalUrl(url: string): boolean {
  // The exact text, and a URL that parses back to the same text (no spelling the browser would read otherwise).
  if (!ALLOWED_EXTERNAL_URLS.has(url)) return false;
  try {
    return new URL(url).href === url;
  } catch {
    return false;
  }
}
