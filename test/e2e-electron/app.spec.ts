/**
 * The scenario of test/e2e/system.spec.ts through the real Electron app: it opens in
 * Japanese, switches to English, and the System page lists what `fieldguard disks --json`
 * prints. Skipped, with one clear line, where no Electron binary could be installed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { VolumeList } from '../../electron/shared/disks';
import { fieldguard } from '../e2e/cli';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary';

const binary = findElectronBinary();
test.skip(!binary, NO_ELECTRON_MESSAGE);

test('the real app opens in Japanese, switches to English and lists the CLI’s volumes', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.resolve(import.meta.dirname, '../../out/main/index.js')],
    env: { ...process.env, FIELDGUARD_DATA_DIR: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toHaveText('ダッシュボード');
    expect(window.url()).toBe('app://fieldguard/index.html');
    expect(await window.evaluate(() => Object.keys((window as unknown as { fieldguard: object }).fieldguard).sort())).toEqual(['invoke', 'on']);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    await window.getByRole('combobox', { name: '表示言語' }).selectOption('en');
    await window.getByRole('link', { name: 'System' }).first().click();
    const cli = JSON.parse((await fieldguard(['disks', '--json'])).stdout) as VolumeList;
    const mounts = await window.locator('[data-testid="volume-table"] tbody td[data-column="mount"]').allTextContents();
    expect(mounts).toEqual(cli.volumes.map((v) => v.mount));
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
