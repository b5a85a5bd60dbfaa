/** Every text exists in both languages: UI strings, error messages, and dates in JST. */
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import ja from '../../renderer/src/i18n/ja.json';
import { errorMessages } from '../../electron/shared/error-messages';
import { errorCodes } from '../../electron/shared/errors';
import { formatBytes } from '../../electron/shared/format-bytes';
import { formatDateTime } from '../../electron/shared/format-date';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('texts', () => {
  it('the Japanese and English UI have the same keys (English may add plural forms)', () => {
    const base = (list: string[]) => [...new Set(list.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    expect(base(keys(en))).toEqual(base(keys(ja)));
  });

  it('every error code has a message in Japanese and in English', () => {
    for (const code of errorCodes) {
      expect(errorMessages.ja[code], code).toMatch(/\S/);
      expect(errorMessages.en[code], code).toMatch(/\S/);
    }
    expect(Object.keys(errorMessages.ja).sort()).toEqual([...errorCodes].sort());
    expect(Object.keys(errorMessages.en).sort()).toEqual([...errorCodes].sort());
  });

  it('no Japanese UI text was left in English by mistake', () => {
    const untranslated = keys(ja).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], ja) as string;
      return /^[\x20-\x7e]+$/.test(value) && !['Electron', 'Chromium', 'Node.js', 'OS', 'English', 'SHA-256'].includes(value);
    });
    expect(untranslated).toEqual([]);
  });
});

describe('dates and sizes', () => {
  it('show times in Japan time, marked JST, whatever the machine’s zone', () => {
    expect(formatDateTime('2026-11-26T15:30:00.000Z', 'ja')).toBe('2026/11/27 00:30:00 JST');
    expect(formatDateTime('2026-11-26T15:30:00.000Z', 'en')).toBe('27 Nov 2026 00:30:00 JST');
  });

  it('show sizes in binary units with the language’s number format', () => {
    expect(formatBytes(0, 'ja')).toBe('0 B');
    expect(formatBytes(1536, 'en')).toBe('1.50 KiB');
    expect(formatBytes(64_000_000_000, 'ja')).toBe('59.6 GiB');
    expect(formatBytes(270553174016, 'en')).toBe('252 GiB');
  });
});
