/**
 * The window's network allow-list (issue 17), row by row: the app's own files and inline data
 * always; the dev server and its hot-reload socket only when a dev origin is given; nothing else,
 * however it is spelled.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from '../../electron/main/allowed-requests';

const DEV = 'http://localhost:5173';

describe('a packaged app', () => {
  it.each([
    ['app://fieldguard/index.html', true],
    ['app://fieldguard/assets/font.woff2', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['blob:app://fieldguard/5b7e0c1e-3f7a-4a52-9d55-0c3c2a7f1e11', true],
    ['app://evil/index.html', false],
    ['https://evil.example/collect?d=患者', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://evil.example/', false],
    ['file:///C:/Users/engineer/vault.db', false],
    ['blob:https://evil.example/5b7e0c1e', false],
    ['http://localhost:5173/src/main.tsx', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed);
  });
});

describe('npm run dev', () => {
  it.each([
    ['http://localhost:5173/src/main.tsx', true],
    ['ws://localhost:5173/', true],
    ['blob:http://localhost:5173/5b7e0c1e', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['http://localhost:5174/', false],
    ['ws://localhost:9229/', false],
    ['http://user:pw@localhost:5173/', false],
    ['https://evil.example/', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequest(url, DEV)).toBe(allowed);
  });
});
