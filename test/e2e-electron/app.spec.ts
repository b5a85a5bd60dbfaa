/**
 * The real Electron app: it opens in Japanese on the vault's first-run wizard, switches to
 * English, exposes only `{ invoke, on }` and no Node, and its IPC lists the same volumes as
 * `fieldguard disks --json`. Skipped, with one clear line, where no Electron binary could be
 * installed.
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

test('the real app opens in Japanese, switches to English and its IPC lists the CLI’s volumes', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.resolve(import.meta.dirname, '../../out/main/index.js')],
    env: { ...process.env, FIELDGUARD_DATA_DIR: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toHaveText('保管庫の初回設定');
    expect(window.url()).toBe('app://fieldguard/index.html');
    expect(await window.evaluate(() => Object.keys((window as unknown as { fieldguard: object }).fieldguard).sort())).toEqual([
      'invoke',
      'on',
    ]);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    await window.getByRole('combobox', { name: '表示言語' }).selectOption('en');
    await expect(window.getByRole('heading', { level: 1 })).toHaveText('Set up the vault');
    const cli = JSON.parse((await fieldguard(['disks', '--json'])).stdout) as VolumeList;
    const reply = (await window.evaluate(() =>
      (globalThis as unknown as { fieldguard: { invoke(c: string, r: unknown): Promise<unknown> } }).fieldguard.invoke('disks.list', {}),
    )) as { ok: boolean; value: VolumeList };
    expect(reply.ok).toBe(true);
    expect(reply.value.volumes.map((v) => v.mount)).toEqual(cli.volumes.map((v) => v.mount));
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
