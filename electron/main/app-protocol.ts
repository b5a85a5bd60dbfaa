/**
 * Serves the built renderer on app://fieldguard/ (Electron security checklist 18: prefer a
 * custom protocol to file://). Only files inside the renderer folder can be served: a path
 * that climbs out of it, absolute or encoded, gets 404. Every response carries the CSP, and
 * turns DNS prefetching off for the page (Blink honours `X-DNS-Prefetch-Control: off` and lets no
 * later script turn it on again): Electron has no switch of its own for it (issue 17).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The file a request maps to, or null when it is not a file of the renderer. */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-DNS-Prefetch-Control': 'off',
    };
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404, headers });
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': type } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  };
}
