/**
 * The renderer's Content-Security-Policy (Electron security checklist 7). It is sent as a
 * header by the app:// protocol and written into index.html at build time from this one
 * constant. Scripts come only from the app itself; Fluent UI's run-time styles (Griffel)
 * need inline styles; nothing may be fetched, framed or posted anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
