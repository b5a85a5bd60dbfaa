/** What the System page and `fieldguard --version` say about this installation. */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppInfo } from '../../shared/app';

export interface AppIdentity {
  readonly name: string;
  readonly version: string;
  readonly dataDir: string;
  /** `process.versions` of the running process: has `electron` and `chrome` only inside Electron. */
  readonly runtimeVersions: Readonly<Record<string, string | undefined>>;
  /** The SBOM the installer carries (sbomIn); absent or null when there is none. */
  readonly sbomPath?: string | null;
}

/** The installer puts FieldGuard's SBOM in `<resources>/sbom/` (electron-builder extraResources). */
export const SBOM_FILE_NAME = 'fieldguard.cdx.json';

/** The SBOM's path in a resources folder, only when the file is really there: the System page never names a file that is not. */
export function sbomIn(resourcesDir: string): string | null {
  const file = path.join(resourcesDir, 'sbom', SBOM_FILE_NAME);
  return existsSync(file) ? file : null;
}

export function describeApp(identity: AppIdentity): AppInfo {
  const platform = process.platform;
  return {
    name: identity.name,
    version: identity.version,
    platform: platform === 'win32' || platform === 'darwin' || platform === 'linux' ? platform : 'other',
    arch: process.arch,
    hostname: os.hostname(),
    versions: {
      electron: identity.runtimeVersions.electron ?? null,
      chrome: identity.runtimeVersions.chrome ?? null,
      node: identity.runtimeVersions.node ?? process.version.replace(/^v/, ''),
    },
    dataDir: identity.dataDir,
    sbomPath: identity.sbomPath ?? null,
  };
}
