/**
 * The Electron main process: lifecycle and wiring only. Everything it does to the OS goes
 * through core services and platform adapters that are tested under plain Node; this file
 * applies the Electron security checklist at the points only Electron can.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, powerMonitor, protocol, session, shell } from 'electron';
import { dataFolderPlaces } from '../core/app/default-data-dir';
import { sbomIn } from '../core/app/describe-app';
import { settleDataFolder } from '../core/app/data-folder-migration';
import { createCore, type Core } from '../core/handlers';
import { sweepStaging } from '../core/sanitize/sanitize-staging';
import { createRouter } from '../core/ipc/router';
import { stderrLogger, type Logger } from '../core/logger';
import { createFileLogger, teeLogger, type FileLogger } from '../core/log-file';
import { createCrashSafety, crashConfirmation, installCrashSafety, onRendererGone } from '../core/app/crash-safety';
import { createAutoLock } from '../core/vault/auto-lock';
import { readVolumes } from '../platform/disks/read-volumes';
import { readDeviceDetails } from '../platform/devices/read-device-details';
import { readMedium } from '../platform/media/read-medium';
import { createSelfCheckProbes } from '../platform/self-check/probes-for-this-os';
import { excludeDataFolderFromBackups, observeDataFolderForThisOs } from '../platform/data-folder/data-folder-for-this-os';
import { createAntivirusEngine } from '../platform/antivirus/engine-for-this-os';
import { grantDeviceAccess } from '../platform/elevation/device-access-grant';
import { runProbeCommand } from '../platform/self-check/run-probe-command';
import { linuxMountsOf } from '../core/erasure/whole-medium/release-device';
import { createKeytarKeyStore } from '../platform/keychain/keytar-key-store';
import { EVENT_TRANSPORT } from '../shared/ipc/transport';
import { APP_SCHEME, APP_START_URL } from './app-origin';
import { electronClipboard } from './clipboard';
import { createAppProtocolHandler } from './app-protocol';
import { registerIpc } from './ipc';
import { createNativeDialogs, messageBoxOptions } from './native-dialogs';
import { isTrustedSender } from './trusted-ipc-sender';
import { cancelForeignRequests, denyAllPermissions, guardWebContents } from './web-contents-guards';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
// electron-vite sets this only for `npm run dev`; a packaged app never loads a dev server.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

// The log file in the OS's place for app logs (~/Library/Logs/FieldGuard, %APPDATA%\FieldGuard\logs,
// ~/.config/FieldGuard/logs); stderr too, for a developer. Without a log folder, stderr alone.
const fileLog: FileLogger | null = (() => {
  try {
    return createFileLogger({ dir: app.getPath('logs') });
  } catch {
    return null;
  }
})();
const log: Logger = fileLog ? teeLogger(stderrLogger, fileLog) : stderrLogger;

// Installed before anything else can fail: log by name, lock, and a calm box instead of a raw stack.
installCrashSafety(
  process,
  createCrashSafety({
    log,
    lockVault: () => core?.vault.lock('crash'),
    tellUser: async (kind) => {
      const language = (await core?.language().catch(() => null)) ?? 'ja';
      const texts = crashConfirmation(kind, language);
      // The confirmation boxes' own layout, as an error whose default answer is to restart.
      const base = messageBoxOptions(texts);
      const restartButton = base.buttons?.indexOf(texts.confirmButton) ?? -1;
      const options = { ...base, type: 'error' as const, defaultId: restartButton };
      const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
      if (response === restartButton) return 'restart';
      return kind === 'exception' ? 'quit' : 'continue';
    },
    restart: () => {
      app.relaunch();
      app.exit(0);
    },
    quit: () => app.exit(1),
  }),
);

if (!app.requestSingleInstanceLock()) {
  // A second FieldGuard would open the same vault twice: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    log.error('app.start-failed', { errorName: error instanceof Error ? error.name : typeof error });
    app.exit(2);
  });
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  cancelForeignRequests(session.defaultSession, devOrigin);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  // The vault's folder is FieldGuard's own (default-data-dir.ts), the one the CLI opens too; Electron's
  // caches stay in userData. A vault still in the Windows roaming profile is moved out of it first.
  const dataDir = process.env.FIELDGUARD_DATA_DIR ?? (await openDataFolder());
  void excludeDataFolderFromBackups(dataDir).then(
    (result) => result && log.info('data-folder.backup-exclusion', { tool: result.tool, ok: result.ok, detail: result.detail }),
    () => log.warn('data-folder.backup-exclusion-failed'),
  );
  // Plaintext copies a killed sanitization left in staging/ are overwritten and removed before anything else runs.
  void sweepStaging(dataDir).then(
    (runs) => runs > 0 && log.warn('sanitize.staging-swept', { runs }),
    () => log.warn('sanitize.staging-sweep-failed'),
  );
  const started = createCore({
    identity: {
      name: app.getName(),
      version: app.getVersion(),
      dataDir,
      runtimeVersions: process.versions,
      sbomPath: app.isPackaged ? sbomIn(process.resourcesPath) : null,
    },
    readVolumes,
    readDeviceDetails,
    readMedium: (target) => readMedium(target, { dataFolder: dataDir }),
    keyStore: createKeytarKeyStore(),
    // Packaged, the fonts are copied to resources/assets (electron-builder extraResources).
    // electron-vite bundles the erasure worker as its own entry next to this file (electron.vite.config.ts).
    erasureWorker: pathToFileURL(path.join(here, 'erasure-worker.js')),
    verifyWorker: pathToFileURL(path.join(here, 'verify-worker.js')),
    selfCheckProbes: createSelfCheckProbes(),
    observeDataFolder: observeDataFolderForThisOs(),
    antivirus: createAntivirusEngine(),
    fontPath: app.isPackaged ? path.join(process.resourcesPath, 'assets', 'fonts', 'NotoSansJP-Regular.ttf') : undefined,
    dialogs: createNativeDialogs(() => mainWindow),
    clipboard: electronClipboard,
    grantDeviceAccess: async (device) => {
      const outcome = await grantDeviceAccess(device.path, {
        // The engineer answers the OS's prompt: give them minutes, not the probes' seconds.
        run: ({ file, args }) => runProbeCommand(file, args, { timeoutMs: 5 * 60_000 }),
        mountsOf: (devicePath) => linuxMountsOf(devicePath),
      });
      // Windows: the elevated FieldGuard starts once this one has ended (it waits for this process).
      if (outcome === 'relaunching') setTimeout(() => app.quit(), 500);
      return outcome;
    },
    log,
    readLog: fileLog ? () => fileLog.collect() : undefined,
    emit: (event, payload) => mainWindow?.webContents.send(EVENT_TRANSPORT, event, payload),
  });
  core = started;
  registerIpc(createRouter(started.handlers, log), (frame) => isTrustedSender(frame, devOrigin), log);

  // Locking drops every key: at once when the OS locks or sleeps, and after the idle time (7-3).
  powerMonitor.on('lock-screen', () => started.vault.lock('os-lock'));
  powerMonitor.on('suspend', () => started.vault.lock('suspend'));
  app.on('before-quit', () => started.vault.lock('shutdown'));
  const autoLock = createAutoLock(started.vault, () => powerMonitor.getSystemIdleTime());
  setInterval(() => autoLock.check(), 15_000).unref();

  mainWindow = createMainWindow(preloadPath, devServerUrl ?? APP_START_URL, !app.isPackaged);
  const window = mainWindow;
  // The page that held the unlocked session is gone: lock, and start again at the lock screen.
  window.webContents.on('render-process-gone', (_event, details) =>
    onRendererGone(details, {
      log,
      lockVault: () => started.vault.lock('renderer-gone'),
      reload: () => void window.loadURL(devServerUrl ?? APP_START_URL),
    }),
  );
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Settles where the data folder is, moving a vault out of the roaming profile once; a failed move keeps the old folder and says so in the log. */
async function openDataFolder(): Promise<string> {
  const settled = await settleDataFolder(dataFolderPlaces());
  if (settled.move.kind === 'moved') {
    log.info('data-folder.moved', { method: settled.move.method, leftovers: settled.move.leftovers.length });
  } else if (settled.move.kind === 'kept-old') {
    log.warn('data-folder.move-failed', { reason: settled.move.reason });
  }
  return settled.dataDir;
}
