/** The Dialogs port on Electron's native dialogs, attached to the main window. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../core/dialogs';

export function createNativeDialogs(window: () => BrowserWindow | null): Dialogs {
  const parent = () => window() ?? undefined;
  return {
    async pickImportSources(pick) {
      const options: Electron.OpenDialogOptions = {
        properties: pick === 'folder' ? ['openDirectory', 'dontAddToRecent'] : ['openFile', 'multiSelections', 'dontAddToRecent'],
      };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async pickExportFolder() {
      const options: Electron.OpenDialogOptions = { properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSaveFile(defaultName, kind) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: defaultName,
        filters: kind === 'csv' ? [{ name: 'CSV', extensions: ['csv'] }] : [{ name: 'Text', extensions: ['txt'] }],
        properties: ['dontAddToRecent', 'showOverwriteConfirmation'],
      };
      const owner = parent();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
