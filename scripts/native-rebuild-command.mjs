// The command that rebuilds the native addons for one runtime, always from source (issue 17):
// prebuild-install would otherwise download a prebuilt binary named only by the package version,
// not verified by any hash the project holds. For Electron, @electron/rebuild compiles against
// Electron's headers (node-gyp checks them against Electron's SHASUMS256.txt); for Node, npm's
// `build_from_source` makes prebuild-install skip its download and node-gyp compile.
export const ADDONS = ['better-sqlite3-multiple-ciphers', 'keytar'];

/** [command, args] for `target` ('node' | 'electron'); `electronVersion` is the installed Electron's. */
export function rebuildCommand(target, electronVersion, platform = process.platform) {
  const npx = platform === 'win32' ? 'npx.cmd' : 'npx';
  const npm = platform === 'win32' ? 'npm.cmd' : 'npm';
  if (target === 'electron') {
    if (!/^\d+\.\d+\.\d+$/.test(electronVersion ?? '')) throw new Error(`no Electron version to build against: ${electronVersion}`);
    return [npx, ['electron-rebuild', '--build-from-source', '--force', '--only', ADDONS.join(','), '--version', electronVersion]];
  }
  return [npm, ['rebuild', '--build-from-source', ...ADDONS]];
}
