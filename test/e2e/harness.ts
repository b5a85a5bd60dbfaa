/**
 * The browser harness (docs/decisions.md, "Testing without the Electron binary"): the real renderer
 * bundle, served through the real app:// protocol handler (so with the real CSP), in Debian's
 * Chromium; `window.fieldguard` is wired to the real IPC router and core services over a
 * temporary data folder. Only the transport (ipcMain/contextBridge) and OS dialogs are
 * replaced: `exposeBinding` plays `ipcRenderer.invoke`, `page.evaluate` plays
 * `webContents.send`, and the init script defines the same frozen object the preload does.
 */
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { CorePorts } from '../../electron/core/handlers';
import { createRouter, type Handlers } from '../../electron/core/ipc/router';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { createTestCore, recordingLogger, type ScriptedDialogs } from '../support/test-core';

/** A made-up https origin: Chromium refuses module scripts from file://, and no server or port is needed. */
export const HARNESS_ORIGIN = 'https://fieldguard.test';
const rendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

export interface Harness {
  readonly dataDir: string;
  readonly dialogs: ScriptedDialogs;
  /** Log events the main process would have written: tests check that nothing sensitive is in them. */
  readonly logLines: readonly string[];
  /** Creates and unlocks a vault behind the scenes (the wizard has its own tests); returns the recovery key. */
  createVault(options?: { passwordOnly?: boolean }): Promise<string>;
  /** Opens the app at a route and waits for a screen heading. */
  open(route?: string): Promise<void>;
  /** The core's own handlers, for what a test sets up behind the screen (locking, unlocking). */
  readonly handlers: Handlers;
}

type PortOverrides = Partial<
  Pick<
    CorePorts,
    | 'readVolumes'
    | 'readDeviceDetails'
    | 'now'
    | 'keyStore'
    | 'selfCheckProbes'
    | 'clipboard'
    | 'observeDataFolder'
    | 'listWholeDevices'
    | 'releaseWholeDevice'
    | 'grantDeviceAccess'
    | 'openArchiveStore'
  >
>;

export const test = base.extend<{ harnessPorts: PortOverrides; app: Harness }>({
  harnessPorts: [{}, { option: true }],
  app: async ({ page, harnessPorts }, use) => {
    const core = await createTestCore({ emit: (event, payload) => void dispatchEvent(page, event, payload), ...harnessPorts });
    // The engineer in these flows chose what the screen erases or reveals, and answers the main
    // process's confirmation box yes; a spec about a compromised renderer sets 'no' or null.
    core.dialogs.confirm = 'yes';
    const router = createRouter(core.handlers, recordingLogger(core.logLines));
    const serve = createAppProtocolHandler(rendererDir);

    await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      const response = await serve(new Request(`app://fieldguard${pathname}`, { method: route.request().method() }));
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
    await page.exposeBinding('__fieldguardHarnessInvoke', (_source, channel: unknown, request: unknown) => router.handle(channel, request));
    await page.addInitScript(installBridge);

    await use({
      dataDir: core.dataDir,
      dialogs: core.dialogs,
      logLines: core.logLines,
      createVault: (options) => core.createVault(options),
      handlers: core.handlers,
      async open(hashRoute = '/') {
        await page.goto(`${HARNESS_ORIGIN}/index.html#${hashRoute}`);
        await page.locator('h1').first().waitFor();
      },
    });
    await core.cleanup();
  },
});

export { expect } from '@playwright/test';

/** Calls the IPC exactly as the renderer does, to prepare what a screen under test shows. */
export async function invokeFromPage<T>(page: Page, channel: string, request: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([name, body]) =>
      (window as unknown as { fieldguard: { invoke(c: unknown, r: unknown): Promise<unknown> } }).fieldguard.invoke(name, body),
    [channel, request] as const,
  )) as { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code}`);
  return reply.value;
}

/** Runs in the page before its scripts, like the preload: defines a frozen `window.fieldguard`. */
function installBridge(): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const host = window as unknown as {
    __fieldguardHarnessInvoke(channel: string, request: unknown): Promise<unknown>;
    __fieldguardHarnessDispatch?: (name: string, payload: unknown) => void;
  };
  const bridge = Object.freeze({
    invoke: (channel: string, request: unknown) => host.__fieldguardHarnessInvoke(channel, request),
    on: (event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => void set.delete(listener);
    },
  });
  Object.defineProperty(window, 'fieldguard', { value: bridge, writable: false, configurable: false });
  Object.defineProperty(window, '__fieldguardHarnessDispatch', {
    value: (name: string, payload: unknown) => listeners.get(name)?.forEach((listener) => listener(structuredClone(payload))),
  });
}

async function dispatchEvent(page: Page, event: string, payload: unknown): Promise<void> {
  await page
    .evaluate(
      ([name, data]) =>
        (window as unknown as { __fieldguardHarnessDispatch(n: unknown, d: unknown): void }).__fieldguardHarnessDispatch(name, data),
      [event, payload] as const,
    )
    .catch(() => {
      // The page may be navigating or closed; Electron drops such events too.
    });
}
