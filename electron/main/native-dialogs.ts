/** The Dialogs port on Electron's native dialogs, attached to the main window. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../core/dialogs';

const SAVE_FILTERS: Record<'text' | 'csv' | 'pdf' | 'pem', Electron.FileFilter> = {
  text: { name: 'Text', extensions: ['txt'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  pem: { name: 'PEM (enrollment request)', extensions: ['pem', 'csr'] },
};

export function createNativeDialogs(window: () => BrowserWindow | null): Dialogs {
  const parent = () => window() ?? undefined;
  /** The chosen paths, or null when the user cancelled. */
  const open = async (options: Electron.OpenDialogOptions): Promise<string[] | null> => {
    const owner = parent();
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  };
  const openOne = async (filter: Electron.FileFilter): Promise<string | null> => (await open({ properties: ['openFile', 'dontAddToRecent'], filters: [filter] }))?.[0] ?? null;
  return {
    pickImportSources: (pick) => open({ properties: pick === 'folder' ? ['openDirectory', 'dontAddToRecent'] : ['openFile', 'multiSelections', 'dontAddToRecent'] }),
    async pickExportFolder() {
      return (await open({ properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] }))?.[0] ?? null;
    },
    pickCertificateFile: () => openOne({ name: 'Certificate (PDF, JSON, X.509, CRL, fingerprints)', extensions: ['pdf', 'json', 'pem', 'crt', 'cer', 'der', 'crl', 'txt'] }),
    pickPolicyFile: () => openOne({ name: 'Self-check policy (JSON)', extensions: ['json'] }),
    pickReleaseList: () => openOne({ name: 'Vendor release list (SHA256SUMS)', extensions: ['txt', 'sha256', 'sums', '*'] }),
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
