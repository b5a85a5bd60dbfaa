/**
 * Preferences that must be readable before the vault is unlocked (the UI language), kept
 * as a small JSON file in the data folder. Nothing secret may be added here: this file is
 * not encrypted. A damaged file falls back to the defaults rather than stopping the app.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/locale';
import { Preferences } from '../../shared/preferences';
import { AppError } from '../app-error';
import type { Logger } from '../logger';
import { writeFileAtomically } from '../vault/atomic-file';

export const PREFERENCES_FILE = 'preferences.json';

export interface PreferencesStore {
  get(): Promise<Preferences>;
  setLanguage(language: Language): Promise<Preferences>;
}

export function createPreferencesStore(dataDir: string, log: Logger): PreferencesStore {
  const file = path.join(dataDir, PREFERENCES_FILE);

  async function get(): Promise<Preferences> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return { language: DEFAULT_LANGUAGE };
    }
    try {
      const parsed = Preferences.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through to the defaults below
    }
    log.warn('preferences.unreadable');
    return { language: DEFAULT_LANGUAGE };
  }

  async function save(preferences: Preferences): Promise<void> {
    // Write-then-rename so that a crash never leaves a half-written file behind.
    try {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      await writeFileAtomically(file, `${JSON.stringify(preferences, null, 2)}\n`);
    } catch {
      throw new AppError('PREFERENCES_UNWRITABLE');
    }
  }

  return {
    get,
    async setLanguage(language) {
      const next = { ...(await get()), language };
      await save(next);
      return next;
    },
  };
}
