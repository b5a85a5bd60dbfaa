/**
 * Installers: Windows (NSIS installer and portable), macOS (dmg), Linux (AppImage, deb),
 * each with the hardened fuses of build/fuses.cjs (asar integrity checked, code loaded only
 * from the asar). Signing, notarization and the per-machine installer come from the build
 * machine's environment (build/release.cjs); an unsigned build says so in its file names.
 * `npm run dist` builds for the host OS.
 */
const { fusesFor } = require('./build/fuses.cjs');
const { releaseOptionsFor } = require('./build/release.cjs');

const e2e = process.env.FIELDGUARD_E2E_BUILD === '1';
const release = releaseOptionsFor(process.env);
if (!e2e && !process.env.VITEST) {
  if (!release.windowsSigned && process.platform === 'win32')
    console.warn('FieldGuard: UNSIGNED Windows build (no WIN_CSC_LINK / CSC_LINK): the installer is named -unsigned.');
  if (!release.macSigned && process.platform === 'darwin')
    console.warn('FieldGuard: UNSIGNED, not notarized macOS build (no CSC_LINK / CSC_NAME): the dmg is named -unsigned.');
  if (release.macSigned && !release.notarize && process.platform === 'darwin')
    console.warn('FieldGuard: signed but NOT notarized macOS build (no APPLE_API_KEY… or APPLE_ID… variables).');
}
const win = release.suffix(release.windowsSigned);
const mac = release.suffix(release.macSigned);

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'jp.fieldguard.app',
  productName: 'FieldGuard',
  copyright: 'FieldGuard',
  directories: { output: e2e ? 'dist/e2e' : 'dist', buildResources: 'build' },
  files: ['out/**', 'package.json', '!**/*.map'],
  // FieldGuard's own SBOM (`npm run sbom`, run by `npm run dist` first) beside the fonts, where the System page finds it.
  extraResources: [
    { from: 'assets', to: 'assets', filter: ['**/*'] },
    { from: 'dist/sbom', to: 'sbom', filter: ['*.cdx.json'] },
  ],
  asar: true,
  // scripts/native-modules.mjs has already built the native addons for Electron (npm run dist).
  npmRebuild: false,
  electronFuses: fusesFor({ e2e }),
  win: { target: ['nsis', 'portable'], artifactName: `\${productName}-\${version}-\${arch}${win}.\${ext}` },
  // perMachine false: the installer asks "for me / for all users" (silent: /S /allusers); true: always all users.
  nsis: {
    oneClick: false,
    perMachine: release.perMachine,
    allowToChangeInstallationDirectory: true,
    artifactName: `\${productName}-Setup-\${version}${win}.\${ext}`,
  },
  portable: { artifactName: `\${productName}-Portable-\${version}${win}.\${ext}` },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.medical',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // No identity in the environment: signing is skipped outright (null), never an ad-hoc or a keychain guess.
    ...(release.macSigned ? {} : { identity: null }),
    notarize: release.notarize,
    artifactName: `\${productName}-\${version}-\${arch}${mac}.\${ext}`,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Utility', maintainer: 'FieldGuard' },
};
