/**
 * The Dialogs port on Electron's native dialogs, attached to the main window. `confirm` is the
 * main process's own message box (confirm-in-main.ts words it): cancel is the first and default
 * button and what Escape or closing the box means, so only a deliberate click goes ahead.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Confirmation, Dialogs } from '../core/dialogs';

const CANCEL = 0;
const CONFIRM = 1;

/** The message box options for a confirmation: a warning, cancel first and default, no command links. */
export function messageBoxOptions(confirmation: Confirmation): Electron.MessageBoxOptions {
  return {
    type: 'warning',
    title: confirmation.title,
    message: confirmation.message,
    detail: confirmation.detail,
    buttons: [confirmation.cancelButton, confirmation.confirmButton],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
    normalizeAccessKeys: false,
  };
}

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
  const openOne = async (filter: Electron.FileFilter): Promise<string | null> =>
    (await open({ properties: ['openFile', 'dontAddToRecent'], filters: [filter] }))?.[0] ?? null;
  return {
    pickImportSources: (pick) =>
      open({ properties: pick === 'folder' ? ['openDirectory', 'dontAddToRecent'] : ['openFile', 'multiSelections', 'dontAddToRecent'] }),
    async pickExportFolder() {
      return (await open({ properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] }))?.[0] ?? null;
    },
    pickCertificateFile: () =>
      openOne({
        name: 'Certificate (PDF, JSON, X.509, CRL, fingerprints)',
        extensions: ['pdf', 'json', 'pem', 'crt', 'cer', 'der', 'crl', 'txt'],
      }),
    // Only ever a path the main process wrote itself (saved-files.ts); the renderer names it by a token.
    showInFolder: async (file) => shell.showItemInFolder(file),
    pickPolicyFile: () => openOne({ name: 'Self-check policy (JSON)', extensions: ['json'] }),
    pickReleaseList: () => openOne({ name: 'Vendor release list (SHA256SUMS)', extensions: ['txt', 'sha256', 'sums', '*'] }),
    async confirm(confirmation) {
      const options = messageBoxOptions(confirmation);
      const owner = parent();
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return response === CONFIRM;
    },
    async pickSaveFile(defaultName, kind) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: defaultName,
        filters: [SAVE_FILTERS[kind]],
        properties: ['dontAddToRecent', 'showOverwriteConfirmation'],
      };
      const owner = parent();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Electron has answered without a path on some platforms
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
