/**
 * Where the vault's data folder lives, decided in one place so that the CLI and the desktop
 * app open the same vault. A crypto-erase is only as good as the absence of copies of this
 * folder, so it is put where the OS does not copy it by itself:
 * - Windows: %LOCALAPPDATA%\FieldGuard — the local profile, which a roaming profile never
 *   copies to the server (the roaming %APPDATA% folder, used before, does). Existing vaults
 *   are moved there by data-folder-migration.ts.
 * - macOS: ~/Library/Application Support/FieldGuard, excluded from Time Machine at start.
 * - Linux: $XDG_CONFIG_HOME/FieldGuard (~/.config), unchanged: $XDG_DATA_HOME would be as
 *   much under $HOME, which is what Linux backup tools (Déjà Dup's default include list is
 *   $HOME) copy, so moving would cost every install a migration and gain nothing.
 * FIELDGUARD_DATA_DIR overrides all of it (tests, a site's own layout).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VAULT_HEADER_FILE } from '../vault/vault-header';

type Env = Readonly<Record<string, string | undefined>>;

export interface DataFolderPlaces {
  /** Where the data folder belongs. */
  readonly preferred: string;
  /** Where earlier versions kept it (Windows: the roaming profile), or null when it has not moved. */
  readonly legacy: string | null;
}

export function dataFolderPlaces(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): DataFolderPlaces {
  if (platform === 'win32') {
    return {
      preferred: path.join(nonEmpty(env.LOCALAPPDATA) ?? path.join(home, 'AppData', 'Local'), 'FieldGuard'),
      legacy: path.join(nonEmpty(env.APPDATA) ?? path.join(home, 'AppData', 'Roaming'), 'FieldGuard'),
    };
  }
  if (platform === 'darwin') return { preferred: path.join(home, 'Library', 'Application Support', 'FieldGuard'), legacy: null };
  return { preferred: path.join(nonEmpty(env.XDG_CONFIG_HOME) ?? path.join(home, '.config'), 'FieldGuard'), legacy: null };
}

/** A folder holds a vault when its header is there (the header is written last when a vault is created or moved). */
export function holdsVault(dataDir: string): boolean {
  return existsSync(path.join(dataDir, VAULT_HEADER_FILE));
}

/**
 * The data folder to open now: FIELDGUARD_DATA_DIR, else the preferred place — unless the
 * vault is still in the legacy place (the app has not moved it yet, or the move failed and
 * the app keeps using the old folder), where the CLI must then look too.
 */
export function defaultDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const override = nonEmpty(env.FIELDGUARD_DATA_DIR);
  if (override) return override;
  const places = dataFolderPlaces(env, platform, home);
  if (places.legacy && !holdsVault(places.preferred) && holdsVault(places.legacy)) return places.legacy;
  return places.preferred;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
