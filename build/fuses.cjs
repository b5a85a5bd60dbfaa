/**
 * Electron fuses, flipped in the packaged binary by electron-builder (Electron's "Fuses"
 * guide). A production build cannot be turned into a Node runtime (runAsNode, NODE_OPTIONS,
 * --inspect), loads its code only from the integrity-checked app.asar, and gives file://
 * no extra powers. The end-to-end build (FIELDGUARD_E2E_BUILD=1) keeps the inspect fuse
 * on, because Playwright's `_electron.launch` drives the app through the inspector.
 */
function fusesFor({ e2e }) {
  return {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: Boolean(e2e),
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  };
}

module.exports = { fusesFor };
