/**
 * The app's own data folder, the same one Electron's `app.getPath('userData')` gives the
 * desktop app (appData/FieldGuard), so that the CLI and the app open the same vault.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'FieldGuard');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'FieldGuard');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'FieldGuard');
}
