/**
 * The Electron security checklist, asserted on the real main-process code with `electron`
 * replaced by a recording fake: window options, the app:// protocol and its CSP,
 * navigation, new windows, <webview>, permissions, openExternal and the IPC sender check.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/content-security-policy';
import { INVOKE_TRANSPORT } from '../../electron/shared/ipc/transport';
import { TEST_PASSWORD, TEST_PROFILE } from '../support/test-core';
import { powerMonitor, recorded, type FakeBrowserWindow, FakeWebContents } from './fakes/fake-electron';

vi.mock('electron', () => import('./fakes/fake-electron'));

let userData: string;
let window: FakeBrowserWindow;

beforeAll(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-main-'));
  process.env.FIELDGUARD_TEST_USER_DATA = userData;
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  window = recorded.windows[0]!;
});

afterAll(async () => {
  delete process.env.FIELDGUARD_TEST_USER_DATA;
  await rm(userData, { recursive: true, force: true });
});

function invoke(senderUrl: string, channel: unknown, request: unknown, parent: unknown = null): Promise<unknown> {
  const handler = recorded.ipcHandlers.get(INVOKE_TRANSPORT)!;
  return Promise.resolve(handler({ senderFrame: { url: senderUrl, parent } }, channel, request));
}

function guardedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  for (const listener of recorded.appListeners.get('web-contents-created') ?? []) listener({}, contents);
  return contents;
}

describe('the main window', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(recorded.sandboxEnabled).toBe(true);
  });

  it('loads the app from app://fieldguard/, never file:// or a dev server', () => {
    expect(window.loadedUrl).toBe('app://fieldguard/index.html');
  });

  it('is the only instance: a second start hands over to the first', () => {
    expect(recorded.singleInstanceLockRequested).toBe(true);
    expect(recorded.appListeners.get('second-instance')).toHaveLength(1);
  });
});

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('sends the strict CSP with every response, even a 404', async () => {
    const handler = recorded.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://fieldguard/does-not-exist.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses paths that climb out of the renderer folder, plain or encoded', async () => {
    const handler = recorded.protocolHandlers.get('app')!;
    for (const url of [
      'app://fieldguard/../main/index.js',
      'app://fieldguard/%2e%2e/%2e%2e/package.json',
      'app://fieldguard/..%2f..%2fpackage.json',
      'app://other/index.html',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

  it('allows scripts from the app only: no eval, no inline script, no remote code', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('lets the page connect, frame or submit nowhere', () => {
    for (const name of ['connect-src', 'frame-src', 'object-src', 'form-action', 'base-uri']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });
});

describe('every web contents', () => {
  it('may not navigate away from the app', () => {
    const contents = guardedContents();
    expect(contents.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emit('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(contents.emit('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emit('will-navigate', { url: 'app://fieldguard/index.html#/system' })).toBe(false);
  });

  it('sends no WebRTC traffic past a proxy (there is none), so no local address leaks', () => {
    expect(guardedContents().webRTCIPHandlingPolicy).toBe('disable_non_proxied_udp');
  });

  it('may not attach a <webview>', () => {
    expect(guardedContents().emit('will-attach-webview')).toBe(true);
  });

  it('opens no new window; only the allow-listed official site goes to the browser', () => {
    const contents = guardedContents();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html')).toEqual({ action: 'deny' });
    // Pinned to the exact page: the same site's other pages, a query or a fragment carry nothing out.
    expect(open('https://www.mhlw.go.jp/')).toEqual({ action: 'deny' });
    expect(open('https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html?leak=patient')).toEqual({ action: 'deny' });
    expect(open('https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html#leak')).toEqual({ action: 'deny' });
    expect(open('http://www.mhlw.go.jp/')).toEqual({ action: 'deny' });
    expect(open('https://user:pw@www.mhlw.go.jp/')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html']);
  });
});

describe('network requests', () => {
  function cancelled(url: string): boolean {
    let answer: { cancel: boolean } | null = null;
    recorded.beforeRequestListener!({ url }, (response: { cancel: boolean }) => void (answer = response));
    return answer!.cancel;
  }

  it('are cancelled in the session unless they are the app’s own (a packaged app has no dev server)', () => {
    expect(cancelled('app://fieldguard/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,iVBORw0KGgo=')).toBe(false);
    for (const url of [
      'https://evil.example/?d=1',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'app://other/index.html',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
  });

  it('pages of the app are served with DNS prefetching off', async () => {
    const response = await recorded.protocolHandlers.get('app')!(new Request('app://fieldguard/does-not-exist.js'));
    expect(response.headers.get('X-DNS-Prefetch-Control')).toBe('off');
  });
});

describe('permissions', () => {
  it('every permission request and check is denied', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      recorded.permissionRequestHandler!({}, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(recorded.permissionCheckHandler!({}, 'media')).toBe(false);
    expect(recorded.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('IPC', () => {
  it('registers one handler, the contract transport, and nothing else', () => {
    expect([...recorded.ipcHandlers.keys()]).toEqual([INVOKE_TRANSPORT]);
  });

  it('answers the app’s own top-level page through the router', async () => {
    await expect(invoke('app://fieldguard/index.html', 'prefs.get', {})).resolves.toEqual({ ok: true, value: { language: 'ja' } });
  });

  it('refuses any other sender before looking at the request', async () => {
    const forbidden = { ok: false, error: { code: 'IPC_FORBIDDEN_SENDER', messageKey: 'errors.IPC_FORBIDDEN_SENDER' } };
    await expect(invoke('https://evil.example/', 'prefs.get', {})).resolves.toEqual(forbidden);
    await expect(invoke('file:///tmp/x.html', 'prefs.get', {})).resolves.toEqual(forbidden);
    await expect(invoke('app://fieldguard/index.html', 'prefs.get', {}, { url: 'app://fieldguard/' })).resolves.toEqual(forbidden);
    const handler = recorded.ipcHandlers.get(INVOKE_TRANSPORT)!;
    await expect(Promise.resolve(handler({ senderFrame: null }, 'prefs.get', {}))).resolves.toEqual(forbidden);
  });

  it('pushes events to the window with the event name and payload only', async () => {
    await invoke('app://fieldguard/index.html', 'prefs.setLanguage', { language: 'en' });
    expect(window.webContents.sent).toContainEqual(['fieldguard:event', 'prefs.changed', { language: 'en' }]);
  });
});

describe('locking when the laptop is left', () => {
  async function ok<T>(channel: string, request: unknown): Promise<T> {
    const reply = (await invoke('app://fieldguard/index.html', channel, request)) as { ok: boolean; value: T; error?: { code: string } };
    if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code}`);
    return reply.value;
  }

  it('the OS screen lock and suspend lock the vault at once and tell the window', async () => {
    const prepared = await ok<{ groups: string[]; confirmGroups: number[] }>('vault.prepareSetup', {
      profile: TEST_PROFILE,
      password: TEST_PASSWORD,
      passwordConfirmation: TEST_PASSWORD,
      passwordOnly: false,
    });
    await ok('vault.completeSetup', { answers: prepared.confirmGroups.map((group) => ({ group, digits: prepared.groups[group] })) });
    expect((await ok<{ state: string }>('vault.status', {})).state).toBe('unlocked');

    for (const [event, reason] of [
      ['lock-screen', 'os-lock'],
      ['suspend', 'suspend'],
    ] as const) {
      if ((await ok<{ state: string }>('vault.status', {})).state !== 'unlocked') await ok('vault.unlock', { password: TEST_PASSWORD });
      for (const listener of powerMonitor.listeners.get(event) ?? []) listener();
      expect((await ok<{ state: string }>('vault.status', {})).state).toBe('locked');
      expect(window.webContents.sent).toContainEqual(['fieldguard:event', 'vault.locked', { reason }]);
    }
  }, 60_000);
});
