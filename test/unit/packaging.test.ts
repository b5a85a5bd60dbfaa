/**
 * The installers' configuration as electron-builder itself reads it: valid against its
 * schema, every target the product ships, and the hardened fuses — with the inspect fuse
 * kept only in the end-to-end build Playwright drives.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { fusesFor } = require('../../build/fuses.cjs') as { fusesFor(o: { e2e: boolean }): Record<string, boolean> };
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string, extra: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};

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
