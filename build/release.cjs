/**
 * What a release build takes from its environment (docs/decisions.md "Keeping up with Electron
 * security releases"): code signing and notarization credentials are never in the repository,
 * only in the build machine's environment, and a build without them says so in its file names
 * ("-unsigned") and on the console, so an unsigned installer is never handed out by mistake.
 *
 *   Windows signing:   WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD (or CSC_LINK / CSC_KEY_PASSWORD),
 *                      a .pfx path or base64, read by electron-builder itself.
 *   macOS signing:     CSC_LINK / CSC_KEY_PASSWORD (Developer ID Application .p12) or CSC_NAME.
 *   macOS notarizing:  APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER (App Store Connect API
 *                      key, preferred) or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID.
 *   Per-machine NSIS:  FIELDGUARD_NSIS_PER_MACHINE=1 builds an installer that always installs
 *                      for all users (Program Files); without it the installer asks, and IT
 *                      departments install silently for all users with `/S /allusers`.
 */
function present(env, ...names) {
  return names.every((name) => typeof env[name] === 'string' && env[name] !== '');
}

function releaseOptionsFor(env) {
  const windowsSigned = present(env, 'WIN_CSC_LINK') || present(env, 'CSC_LINK');
  const macSigned = present(env, 'CSC_LINK') || present(env, 'CSC_NAME');
  const notarize = macSigned && (present(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') || present(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'));
  return {
    windowsSigned,
    macSigned,
    notarize,
    perMachine: env.FIELDGUARD_NSIS_PER_MACHINE === '1',
    /** Put into every artifact name of a platform whose build is not signed. */
    suffix: (signed) => (signed ? '' : '-unsigned'),
  };
}

module.exports = { releaseOptionsFor };
