/**
 * Electron security checklist 15: `shell.openExternal` only for an allow-list. The app
 * opens nothing but the official pages the UI cites (the ministry's guideline); every other
 * URL, scheme or host is dropped.
 */
const ALLOWED_EXTERNAL_ORIGINS = new Set(['https://www.mhlw.go.jp']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && ALLOWED_EXTERNAL_ORIGINS.has(parsed.origin);
  } catch {
    return false;
  }
}
