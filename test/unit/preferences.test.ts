/** The UI language is remembered in the data folder, survives restarts and bad files. */
import { mkdtemp, readFile, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import { silentLogger } from '../../electron/core/logger';
import { createPreferencesStore, PREFERENCES_FILE } from '../../electron/core/preferences/preferences-store';
import { createTestCore } from '../support/test-core';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-prefs-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('preferences', () => {
  it('start in Japanese', async () => {
    await expect(createPreferencesStore(dataDir, silentLogger).get()).resolves.toEqual({ language: 'ja' });
  });

  it('remember English across a restart (a new store on the same folder)', async () => {
    await createPreferencesStore(dataDir, silentLogger).setLanguage('en');
    await expect(createPreferencesStore(dataDir, silentLogger).get()).resolves.toEqual({ language: 'en' });
    expect(JSON.parse(await readFile(path.join(dataDir, PREFERENCES_FILE), 'utf8'))).toEqual({ language: 'en' });
  });

  it('fall back to Japanese when the file is damaged or edited to nonsense', async () => {
    for (const content of ['{not json', '{"language":"fr"}', '[]', '']) {
      await writeFile(path.join(dataDir, PREFERENCES_FILE), content);
      await expect(createPreferencesStore(dataDir, silentLogger).get()).resolves.toEqual({ language: 'ja' });
    }
  });

  it('report PREFERENCES_UNWRITABLE when the folder cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: make the target a directory instead so that rename fails.
      await mkdir(path.join(dataDir, PREFERENCES_FILE, 'blocker'), { recursive: true });
    } else {
      await chmod(dataDir, 0o500);
    }
    await expect(createPreferencesStore(dataDir, silentLogger).setLanguage('en')).rejects.toEqual(new AppError('PREFERENCES_UNWRITABLE'));
    await chmod(dataDir, 0o700);
  });

  it('announce a change to the renderer as a prefs.changed event', async () => {
    const core = await createTestCore();
    await core.handlers['prefs.setLanguage']({ language: 'en' });
    expect(core.events).toEqual([['prefs.changed', { language: 'en' }]]);
    await core.cleanup();
  });
});
