/**
 * Installers: Windows (NSIS installer and portable), macOS (dmg), Linux (AppImage, deb),
 * each with the hardened fuses of build/fuses.cjs. `npm run dist` builds for the host OS.
 */
const { fusesFor } = require('./build/fuses.cjs');

const e2e = process.env.FIELDGUARD_E2E_BUILD === '1';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'jp.fieldguard.app',
  productName: 'FieldGuard',
  copyright: 'FieldGuard',
  directories: { output: e2e ? 'dist/e2e' : 'dist', buildResources: 'build' },
  files: ['out/**', 'package.json', '!**/*.map'],
  // FieldGuard's own SBOM (`npm run sbom`, run by `npm run dist` first) beside the fonts, where the System page finds it.
  extraResources: [{ from: 'assets', to: 'assets', filter: ['**/*'] }, { from: 'dist/sbom', to: 'sbom', filter: ['*.cdx.json'] }],
  asar: true,
  // scripts/native-modules.mjs has already built the native addons for Electron (npm run dist).
  npmRebuild: false,
  electronFuses: fusesFor({ e2e }),
  win: { target: ['nsis', 'portable'], artifactName: '${productName}-${version}-${arch}.${ext}' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, artifactName: '${productName}-Setup-${version}.${ext}' },
  portable: { artifactName: '${productName}-Portable-${version}.${ext}' },
  mac: { target: ['dmg'], category: 'public.app-category.medical', hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist' },
  linux: { target: ['AppImage', 'deb'], category: 'Utility', maintainer: 'FieldGuard' },
};
