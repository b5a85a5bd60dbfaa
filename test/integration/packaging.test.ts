/**
 * The installers' configuration as electron-builder itself reads it: valid against its
 * schema, every target the product ships, and the hardened fuses — with the inspect fuse
 * kept only in the end-to-end build Playwright drives — and what a release takes from the build
 * machine's environment: signing and notarization credentials, the per-machine installer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { fusesFor } = require('../../build/fuses.cjs') as { fusesFor: (o: { e2e: boolean }) => Record<string, boolean> };
const { releaseOptionsFor } = require('../../build/release.cjs') as {
  releaseOptionsFor: (env: Record<string, string | undefined>) => {
    windowsSigned: boolean;
    macSigned: boolean;
    notarize: boolean;
    perMachine: boolean;
    suffix(signed: boolean): string;
  };
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (dir: string, file: string, extra: null) => Promise<Record<string, unknown>>;
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add(): void }) => Promise<void>;
};

/* eslint-disable @typescript-eslint/no-unsafe-member-access -- electron-builder's Configuration (any), read field by field below */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's Configuration, read field by field below
async function loadConfig(): Promise<Record<string, any>> {
  return getConfig(root, path.join(root, 'electron-builder.config.cjs'), null);
}

describe('the electron-builder configuration', () => {
  it('is valid for electron-builder', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('builds the Windows installer and portable app, a macOS dmg, an AppImage and a deb', async () => {
    const config = await loadConfig();
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.asar).toBe(true);
  });

  it('flips the hardened fuses in a production build', async () => {
    expect((await loadConfig()).electronFuses).toEqual(fusesFor({ e2e: false }));
    expect(fusesFor({ e2e: false })).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps only the inspect fuse on in the end-to-end build', () => {
    const production = fusesFor({ e2e: false });
    const e2e = fusesFor({ e2e: true });
    const differing = Object.keys(production).filter((k) => production[k] !== e2e[k]);
    expect(differing).toEqual(['enableNodeCliInspectArguments']);
  });
});

describe('signing, notarization and the installer mode from the environment', () => {
  it('a build machine without credentials builds unsigned, says so in every Windows and macOS file name, and never guesses an identity', async () => {
    const config = await loadConfig();
    for (const name of [config.win.artifactName, config.nsis.artifactName, config.portable.artifactName, config.mac.artifactName])
      expect(name).toContain('-unsigned.');
    expect(config.mac.identity).toBeNull();
    expect(config.mac.notarize).toBe(false);
    expect(releaseOptionsFor({})).toMatchObject({ windowsSigned: false, macSigned: false, notarize: false, perMachine: false });
  });

  it('signs Windows with WIN_CSC_LINK or CSC_LINK, and notarizes macOS only when signed and the Apple credentials are complete', () => {
    expect(releaseOptionsFor({ WIN_CSC_LINK: 'C:\\certs\\fieldguard.pfx' })).toMatchObject({ windowsSigned: true, macSigned: false });
    expect(releaseOptionsFor({ CSC_LINK: 'ZmFrZQ==' })).toMatchObject({ windowsSigned: true, macSigned: true, notarize: false });
    expect(
      releaseOptionsFor({
        CSC_NAME: 'Developer ID Application: FieldGuard (TEAM123456)',
        APPLE_API_KEY: '/keys/AuthKey.p8',
        APPLE_API_KEY_ID: 'ABC123',
        APPLE_API_ISSUER: 'uuid',
      }).notarize,
    ).toBe(true);
    expect(
      releaseOptionsFor({
        CSC_NAME: 'Developer ID Application: FieldGuard (TEAM123456)',
        APPLE_ID: 'release@example.jp',
        APPLE_TEAM_ID: 'TEAM123456',
      }).notarize,
    ).toBe(false);
    expect(releaseOptionsFor({ APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'ABC123', APPLE_API_ISSUER: 'uuid' }).notarize).toBe(
      false,
    );
    expect(releaseOptionsFor({ CSC_LINK: '' }).windowsSigned).toBe(false);
    expect(releaseOptionsFor({}).suffix(true)).toBe('');
  });

  it('FIELDGUARD_NSIS_PER_MACHINE=1 makes an installer that always installs for all users; otherwise it asks', async () => {
    expect(releaseOptionsFor({ FIELDGUARD_NSIS_PER_MACHINE: '1' }).perMachine).toBe(true);
    expect((await loadConfig()).nsis).toMatchObject({ oneClick: false, perMachine: false });
  });
});

describe('the native addons are built from source, for the Electron that ships', () => {
  it('rebuilds both addons with @electron/rebuild --build-from-source against the installed Electron, and npm rebuild --build-from-source for Node', async () => {
    const { rebuildCommand, ADDONS } = (await import(pathToFileURL(path.join(root, 'scripts/native-rebuild-command.mjs')).href)) as {
      rebuildCommand: (target: string, electronVersion?: string, platform?: string) => [string, string[]];
      ADDONS: string[];
    };
    const installed = (require('electron/package.json') as { version: string }).version;
    const [command, args] = rebuildCommand('electron', installed, 'linux');
    expect(command).toBe('npx');
    expect(args).toEqual(['electron-rebuild', '--build-from-source', '--force', '--only', ADDONS.join(','), '--version', installed]);
    expect(ADDONS).toEqual(['better-sqlite3-multiple-ciphers', 'keytar']);
    // The binary @electron/rebuild installs is the one npx finds, and it knows the option.
    const rebuildPackage = JSON.parse(readFileSync(path.join(root, 'node_modules/@electron/rebuild/package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(rebuildPackage.bin['electron-rebuild']).toBeTruthy();
    expect(rebuildCommand('node', undefined, 'win32')).toEqual(['npm.cmd', ['rebuild', '--build-from-source', ...ADDONS]]);
    expect(() => rebuildCommand('electron', undefined, 'linux')).toThrow(/no Electron version/);
  });
});
