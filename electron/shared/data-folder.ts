/**
 * The `app.dataFolder` channel: where the vault's data folder is and what might copy it.
 * A crypto-erase destroys keys, so it erases the data only if no copy of the folder exists
 * (a backup would open with the same password); Settings shows this, and the erasure
 * certificate records it at the time of the erase.
 */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';

export const BackupTool = z.enum([
  /** The old folder in the Windows roaming profile still holds vault files (a move left them, or another version wrote there). */
  'old-data-folder',
  'roaming-profile',
  'onedrive',
  'file-history',
  'shadow-copies',
  'time-machine',
  'icloud-drive',
  /** A folder of a sync client (Dropbox, Nextcloud, ownCloud, Google Drive, Box, macOS CloudStorage). */
  'sync-folder',
  'deja-dup',
]);
export type BackupTool = z.infer<typeof BackupTool>;

/** excluded: the tool does not copy the folder (switched off, not set up, or the folder excluded); may-copy: it does or may; unknown: could not be told. */
export const BackupState = z.enum(['excluded', 'may-copy', 'unknown']);
export type BackupState = z.infer<typeof BackupState>;

export const BilingualText = z.object({ ja: z.string(), en: z.string() });
export type BilingualText = z.infer<typeof BilingualText>;

export const BackupFinding = z.object({ tool: BackupTool, state: BackupState, detail: BilingualText });
export type BackupFinding = z.infer<typeof BackupFinding>;

export const DataFolderReport = z.object({
  dataDir: z.string(),
  /** On a local disk (true), a network share (false), or not known (null). */
  local: z.boolean().nullable(),
  backups: z.array(BackupFinding),
  observedAt: z.string(),
});
export type DataFolderReport = z.infer<typeof DataFolderReport>;

export const dataFolderChannels = {
  'app.dataFolder': defineChannel({ request: noRequest, response: DataFolderReport }),
};

/** What each tool is called, on the Settings screen and on a crypto-erase certificate. */
export const BACKUP_TOOL_LABELS: Readonly<Record<BackupTool, BilingualText>> = {
  'old-data-folder': { ja: '以前のデータフォルダー', en: 'Previous data folder' },
  'roaming-profile': { ja: '移動プロファイル', en: 'Roaming profile' },
  onedrive: { ja: 'OneDrive', en: 'OneDrive' },
  'file-history': { ja: 'ファイル履歴', en: 'File History' },
  'shadow-copies': { ja: 'シャドウコピー（復元ポイント）', en: 'Shadow copies (restore points)' },
  'time-machine': { ja: 'Time Machine', en: 'Time Machine' },
  'icloud-drive': { ja: 'iCloud Drive', en: 'iCloud Drive' },
  'sync-folder': { ja: '同期フォルダー', en: 'Synced folder' },
  'deja-dup': { ja: 'Déjà Dup', en: 'Déjà Dup' },
};

export const BACKUP_STATE_LABELS: Readonly<Record<BackupState, BilingualText>> = {
  excluded: { ja: '複製なし', en: 'No copy' },
  'may-copy': { ja: '複製の可能性あり', en: 'May hold a copy' },
  unknown: { ja: '確認できず', en: 'Could not check' },
};
