/** What the System page and `fieldguard --version` say about this installation. */
import os from 'node:os';
import type { AppInfo } from '../../shared/app';

export interface AppIdentity {
  readonly name: string;
  readonly version: string;
  readonly dataDir: string;
  /** `process.versions` of the running process: has `electron` and `chrome` only inside Electron. */
  readonly runtimeVersions: Readonly<Record<string, string | undefined>>;
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
  };
}
