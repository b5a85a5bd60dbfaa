/**
 * The data-folder checks of the OS FieldGuard runs on: what may copy the folder (Settings and
 * crypto-erase certificates), and what FieldGuard does at start to keep copies from being made
 * (macOS: exclude the folder from Time Machine; Windows and Linux have no per-folder switch a
 * program may set for File History or Déjà Dup without changing the user's own backup settings).
 */
import { mkdir } from 'node:fs/promises';
import type { ObserveDataFolder } from '../../core/app/data-folder-backups';
import { observeLinuxDataFolder } from './linux-data-folder';
import { excludeFromTimeMachine, observeMacosDataFolder } from './macos-data-folder';
import { observeWindowsDataFolder } from './windows-data-folder';

export function observeDataFolderForThisOs(platform: NodeJS.Platform = process.platform): ObserveDataFolder {
  if (platform === 'win32') return (dataDir) => observeWindowsDataFolder(dataDir);
  if (platform === 'darwin') return (dataDir) => observeMacosDataFolder(dataDir);
  return (dataDir) => observeLinuxDataFolder(dataDir);
}

export interface ExclusionResult {
  readonly tool: 'time-machine';
  readonly ok: boolean;
  readonly detail: string;
}

/** Run once at start; the result is logged (the Settings report shows the state it left). */
export async function excludeDataFolderFromBackups(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<ExclusionResult | null> {
  if (platform !== 'darwin') return null;
  // The exclusion is an attribute of the folder itself: on a first start the folder must exist before the vault does.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return { tool: 'time-machine', ...(await excludeFromTimeMachine(dataDir)) };
}
