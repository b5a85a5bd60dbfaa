/**
 * A recording stand-in for the `electron` module, for the tests of the main process and
 * the preload: the Electron binary cannot be fetched on this machine (docs/decisions.md,
 * "Testing without the Electron binary"). It keeps every option, handler and listener the
 * code under test registers, so the tests can assert the hardening and then drive the
 * handlers as Electron would.
 */
type Listener = (...args: unknown[]) => unknown;

export const recorded = {
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  appListeners: new Map<string, Listener[]>(),
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  devicePermissionHandler: null as Listener | null,
  beforeRequestListener: null as Listener | null,
  sandboxEnabled: false,
  singleInstanceLockRequested: false,
  openedExternally: [] as string[],
  exposedInMainWorld: new Map<string, unknown>(),
  rendererListeners: new Map<string, Listener[]>(),
  rendererInvocations: [] as unknown[][],
};

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: Listener | null = null;
  webRTCIPHandlingPolicy: string | null = null;
  readonly sent: unknown[][] = [];
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWebRTCIPHandlingPolicy(policy: string): void {
    this.webRTCIPHandlingPolicy = policy;
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  /** Emits an event as Electron would, returning whether a listener called preventDefault(). */
  emit(event: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false;
    const eventObject = { ...details, preventDefault: () => void (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(eventObject, details.url);
    return prevented;
  }
}

export class FakeBrowserWindow {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    recorded.windows.push(this);
  }
  once(): this {
    return this;
  }
  on(): this {
    return this;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

export const BrowserWindow = FakeBrowserWindow;

// A packaged app has a resources folder (fonts, assets); Electron sets this, Node does not.
(process as { resourcesPath?: string }).resourcesPath ??= '/opt/FieldGuard/resources';

export const app = {
  isPackaged: true,
  getName: () => 'FieldGuard',
  getVersion: () => '0.1.0',
  getPath: () => process.env.FIELDGUARD_TEST_USER_DATA ?? '/nonexistent',
  enableSandbox: () => void (recorded.sandboxEnabled = true),
  requestSingleInstanceLock: () => {
    recorded.singleInstanceLockRequested = true;
    return true;
  },
  on(event: string, listener: Listener) {
    recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
    return app;
  },
  whenReady: () => Promise.resolve(),
  quit: () => {},
  exit: () => {},
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void recorded.protocolHandlers.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener) => void (recorded.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler: Listener) => void (recorded.permissionCheckHandler = handler),
    setDevicePermissionHandler: (handler: Listener) => void (recorded.devicePermissionHandler = handler),
    webRequest: {
      onBeforeRequest: (...args: unknown[]) => void (recorded.beforeRequestListener = args.at(-1) as Listener),
    },
  },
};

export const shell = {
  openExternal: (url: string) => {
    recorded.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const powerMonitor = {
  listeners: new Map<string, Listener[]>(),
  on(event: string, listener: Listener) {
    powerMonitor.listeners.set(event, [...(powerMonitor.listeners.get(event) ?? []), listener]);
    return powerMonitor;
  },
  getSystemIdleTime: () => 0,
};

export const dialog = {
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
};

export const ipcMain = {
  handle: (channel: string, handler: Listener) => {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorded.ipcHandlers.set(channel, handler);
  },
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => void recorded.exposedInMainWorld.set(key, api),
};

export const ipcRenderer = {
  invoke: (...args: unknown[]) => {
    recorded.rendererInvocations.push(args);
    return Promise.resolve({ ok: true, value: null });
  },
  on: (channel: string, listener: Listener) => {
    recorded.rendererListeners.set(channel, [...(recorded.rendererListeners.get(channel) ?? []), listener]);
  },
};

export default { app, BrowserWindow, protocol, session, shell, ipcMain, contextBridge, ipcRenderer, powerMonitor, dialog };
