/**
 * The main window. Its webPreferences are written inline, all of them explicit, so that a
 * reviewer and Electronegativity see the whole hardening in one place (checklist 2–4, 6, 9).
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { TITLE_AREA_HEIGHT, WINDOW_GROUND, WINDOW_SYMBOLS } from '../shared/window-frame';

/**
 * On Windows the app draws its own title area (renderer/src/components/TitleBar.tsx) on the
 * window's neutral ground, as Windows 11's own apps do, and the system draws only the caption
 * buttons over it. Elsewhere the system title bar stays: macOS and Linux users expect theirs.
 */
export function titleBarOptions(platform: NodeJS.Platform): BrowserWindowConstructorOptions {
  if (platform !== 'win32') return {};
  return { titleBarStyle: 'hidden', titleBarOverlay: { color: WINDOW_GROUND, symbolColor: WINDOW_SYMBOLS, height: TITLE_AREA_HEIGHT } };
}

export function createMainWindow(preloadPath: string, startUrl: string, allowDevTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'FieldGuard',
    backgroundColor: WINDOW_GROUND,
    ...titleBarOptions(process.platform),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: allowDevTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl);
  return window;
}
