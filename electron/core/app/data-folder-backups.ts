/**
 * What might hold a copy of the vault's data folder. A crypto-erase destroys keys; a copy of
 * the folder made before (a backup, a synced folder, a roaming profile, a shadow copy) still
 * opens with the same password and gives the data back. So Settings warns about each such
 * tool, and a crypto-erase certificate is graded on this report taken at the time of the erase.
 *
 * Two halves: what the folder's place alone tells (here, pure: under OneDrive, the roaming
 * profile, iCloud Drive, a sync client's folder, an old data folder still holding vault
 * files), and what the OS's own tools say (electron/platform/data-folder: Time Machine,
 * File History, shadow copies, Déjà Dup, local or network disk), passed in as a port.
 * A tool that is not found is not listed; one that could not be asked is 'unknown'.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isInside } from '../path-inside';
import type { BackupFinding, DataFolderReport } from '../../shared/data-folder';
import { DATA_FOLDER_ENTRIES } from './data-folder-migration';
import { dataFolderPlaces } from './default-data-dir';

export interface DataFolderObservation {
  /** On a local disk (true), a network share (false), or not known (null). */
  readonly local: boolean | null;
  readonly findings: readonly BackupFinding[];
}

/** What this OS's tools say about the folder (electron/platform/data-folder); tests pass recorded answers. */
export type ObserveDataFolder = (dataDir: string) => Promise<DataFolderObservation>;

export interface FolderContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
  /** Where earlier versions kept the data folder (Windows: the roaming profile), if anywhere. */
  readonly legacyDataDir: string | null;
}

export function thisMachine(env: Readonly<Record<string, string | undefined>> = process.env): FolderContext {
  return { env, platform: process.platform, home: os.homedir(), legacyDataDir: dataFolderPlaces(env).legacy };
}

/** The report Settings shows and a crypto-erase certificate records. */
export async function inspectDataFolder(
  dataDir: string,
  observe: ObserveDataFolder | undefined,
  context: FolderContext,
  now: Date,
): Promise<DataFolderReport> {
  const observed = observe
    ? await observe(dataDir).catch((): DataFolderObservation => ({ local: null, findings: [] }))
    : { local: null, findings: [] };
  return {
    dataDir,
    local: observed.local,
    backups: [...findingsFromPlace(dataDir, context), ...observed.findings],
    observedAt: now.toISOString(),
  };
}

/** What the folder's place alone tells about copies of it. */
export function findingsFromPlace(dataDir: string, context: FolderContext): BackupFinding[] {
  const found: BackupFinding[] = [];
  const { home } = context;
  const legacy = context.legacyDataDir;
  if (legacy && !samePath(legacy, dataDir, context.platform)) {
    const left = DATA_FOLDER_ENTRIES.filter((name) => existsSync(path.join(legacy, name)));
    if (left.length > 0) {
      found.push({
        tool: 'old-data-folder',
        state: 'may-copy',
        detail: {
          ja: `以前のデータフォルダー（${legacy}）に保管庫のファイル（${left.join('、')}）が残っています。これもデータの複製です。`,
          en: `The previous data folder (${legacy}) still holds vault files (${left.join(', ')}): they are a copy of the data too.`,
        },
      });
    }
  }
  if (context.platform === 'win32') found.push(...windowsPlace(dataDir, context));
  if (context.platform === 'darwin') found.push(...macosPlace(dataDir, home, context.platform));
  if (context.platform === 'linux') found.push(...linuxPlace(dataDir, home, context.platform));
  return found;
}

function windowsPlace(dataDir: string, { env, platform }: FolderContext): BackupFinding[] {
  const found: BackupFinding[] = [];
  const roaming = env.APPDATA;
  if (roaming && isUnder(dataDir, roaming, platform)) {
    // Without FIELDGUARD_DATA_DIR the folder is here only because the move at start failed (data-folder-migration.ts).
    const moveFailed = !env.FIELDGUARD_DATA_DIR;
    found.push({
      tool: 'roaming-profile',
      state: 'may-copy',
      detail: {
        ja: `データフォルダーが移動プロファイル（AppData\\Roaming）にあり、サインアウト時にサーバーへ複製されることがあります。${moveFailed ? 'FieldGuard は起動時にローカルプロファイル（AppData\\Local）への移動を試みましたが、できませんでした（理由はログにあります）。ほかの FieldGuard を閉じて再起動してください。' : ''}`,
        en: `The data folder is in the roaming profile (AppData\\Roaming), which may be copied to a server at sign-out.${moveFailed ? ' FieldGuard tried to move it to the local profile (AppData\\Local) at start and could not (the log says why); close any other FieldGuard and start it again.' : ''}`,
      },
    });
  } else if (env.LOCALAPPDATA && isUnder(dataDir, env.LOCALAPPDATA, platform)) {
    found.push({
      tool: 'roaming-profile',
      state: 'excluded',
      detail: {
        ja: 'データフォルダーはローカルプロファイル（AppData\\Local）にあり、移動プロファイルでは複製されません。',
        en: 'The data folder is in the local profile (AppData\\Local), which a roaming profile does not copy.',
      },
    });
  }
  // OneDrive sets these for each signed-in account (personal, work or school).
  const oneDrives = [env.OneDrive, env.OneDriveCommercial, env.OneDriveConsumer].filter(
    (value): value is string => !!value && value.trim() !== '',
  );
  if (oneDrives.length > 0) {
    const inside = oneDrives.find((folder) => isUnder(dataDir, folder, platform));
    found.push(
      inside
        ? {
            tool: 'onedrive',
            state: 'may-copy',
            detail: {
              ja: `データフォルダーが OneDrive のフォルダー（${inside}）の中にあり、クラウドに同期されます。`,
              en: `The data folder is inside the OneDrive folder (${inside}) and is synced to the cloud.`,
            },
          }
        : {
            tool: 'onedrive',
            state: 'excluded',
            detail: {
              ja: 'データフォルダーは OneDrive のフォルダーの外にあります。',
              en: 'The data folder is outside the OneDrive folder.',
            },
          },
    );
  }
  return found;
}

function macosPlace(dataDir: string, home: string, platform: NodeJS.Platform): BackupFinding[] {
  const icloud = [path.join(home, 'Library', 'Mobile Documents'), path.join(home, 'Library', 'CloudStorage', 'iCloud Drive')];
  if (icloud.some((folder) => isUnder(dataDir, folder, platform))) {
    return [
      {
        tool: 'icloud-drive',
        state: 'may-copy',
        detail: {
          ja: 'データフォルダーが iCloud Drive の中にあり、クラウドに同期されます。',
          en: 'The data folder is inside iCloud Drive and is synced to the cloud.',
        },
      },
    ];
  }
  // "Desktop & Documents Folders" puts these two in iCloud Drive; whether it is on is not visible from here.
  const desktopOrDocuments = [path.join(home, 'Desktop'), path.join(home, 'Documents')].find((folder) =>
    isUnder(dataDir, folder, platform),
  );
  const found: BackupFinding[] = [
    desktopOrDocuments
      ? {
          tool: 'icloud-drive',
          state: 'unknown',
          detail: {
            ja: `データフォルダーが ${desktopOrDocuments} の中にあります。iCloud の「デスクトップと書類フォルダ」がオンなら同期されます。`,
            en: `The data folder is inside ${desktopOrDocuments}, which iCloud syncs when "Desktop & Documents Folders" is on.`,
          },
        }
      : {
          tool: 'icloud-drive',
          state: 'excluded',
          detail: { ja: 'データフォルダーは iCloud Drive の外にあります。', en: 'The data folder is outside iCloud Drive.' },
        },
  ];
  const cloudStorage = path.join(home, 'Library', 'CloudStorage');
  if (isUnder(dataDir, cloudStorage, platform))
    found.push(syncFolder(path.relative(cloudStorage, dataDir).split(path.sep)[0] ?? 'CloudStorage'));
  return found;
}

/** Folders that Linux sync clients create by default. */
const LINUX_SYNC_FOLDERS = ['Dropbox', 'Nextcloud', 'ownCloud', 'pCloudDrive', 'MEGA', 'Insync', 'Google Drive'];

function linuxPlace(dataDir: string, home: string, platform: NodeJS.Platform): BackupFinding[] {
  const folder = LINUX_SYNC_FOLDERS.find((name) => isUnder(dataDir, path.join(home, name), platform));
  return folder ? [syncFolder(folder)] : [];
}

function syncFolder(name: string): BackupFinding {
  return {
    tool: 'sync-folder',
    state: 'may-copy',
    detail: {
      ja: `データフォルダーが同期フォルダー（${name}）の中にあり、クラウドに複製されます。`,
      en: `The data folder is inside a synced folder (${name}) and is copied to the cloud.`,
    },
  };
}

/** Whether `child` is `parent` or inside it; Windows paths compare without regard to case. */
export function isUnder(child: string, parent: string, platform: NodeJS.Platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const fold = (value: string) => (platform === 'win32' || platform === 'darwin' ? value.toLowerCase() : value);
  return isInside(fold(p.resolve(child)), fold(p.resolve(parent)), { pathApi: p });
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  return isUnder(a, b, platform) && isUnder(b, a, platform);
}

/**
 * The check as a function of nothing, for the `app.dataFolder` handler and for the erasure
 * handler, which calls it just before destroying keys so the certificate records the state
 * at the time of the erase (crypto-erase-statement.ts).
 */
export function dataFolderInspector(
  dataDir: string,
  observe: ObserveDataFolder | undefined,
  now: () => Date,
  context: FolderContext = thisMachine(),
): () => Promise<DataFolderReport> {
  return () => inspectDataFolder(dataDir, observe, context, now());
}
