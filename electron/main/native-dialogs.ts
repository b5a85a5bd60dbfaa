/** The Dialogs port on Electron's native dialogs, attached to the main window. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../core/dialogs';

const SAVE_FILTERS: Record<'text' | 'csv' | 'pdf', Electron.FileFilter> = {
  text: { name: 'Text', extensions: ['txt'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

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
    async pickCertificateFile() {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile', 'dontAddToRecent'],
        filters: [{ name: 'Certificate (PDF, JSON, X.509, fingerprints)', extensions: ['pdf', 'json', 'pem', 'crt', 'cer', 'der', 'txt'] }],
      };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSaveFile(defaultName, kind) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: defaultName,
        filters: [SAVE_FILTERS[kind]],
        properties: ['dontAddToRecent', 'showOverwriteConfirmation'],
      };
      const owner = parent();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
