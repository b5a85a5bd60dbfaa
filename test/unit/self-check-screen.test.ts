/**
 * What the Self-check screen computes besides the verdicts: until when a pass counts, said
 * as today / tomorrow / a date in JST; the order of the checks (what needs attention first);
 * and the "open the setting" pages, which are exactly the non-web addresses the main process
 * lets shell.openExternal open — nothing near them.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/main/external-links';
import { SETTINGS_PAGES, SETTINGS_PAGE_URLS } from '../../electron/shared/self-check-settings-pages';
import type { CheckResult, CheckStatus } from '../../electron/shared/self-check';
import { failingFirst } from '../../electron/shared/self-check-order';
import { validUntil } from '../../renderer/src/features/self-check/valid-until';

describe('until when a pass is valid (JST)', () => {
  // Checked at 10:00 JST on 2026-11-26 (01:00 UTC).
  const finishedAt = '2026-11-26T01:00:00.000Z';
  it('says tomorrow 10:00 for a 24-hour pass seen the same day, and today once the day has turned', () => {
    expect(validUntil(finishedAt, 24, new Date('2026-11-26T05:00:00Z'), 'ja')).toEqual({ kind: 'tomorrow', time: '10:00' });
    expect(validUntil(finishedAt, 24, new Date('2026-11-26T16:00:00Z'), 'ja')).toEqual({ kind: 'today', time: '10:00' });
  });
  it('counts days in JST, not UTC: 23:30 JST plus one hour is tomorrow 00:30', () => {
    expect(validUntil('2026-11-26T14:30:00.000Z', 1, new Date('2026-11-26T14:31:00Z'), 'ja')).toEqual({ kind: 'tomorrow', time: '00:30' });
  });
  it('gives the date when it is further away, and says expired after it', () => {
    expect(validUntil(finishedAt, 72, new Date('2026-11-26T02:00:00Z'), 'ja')).toEqual({ kind: 'date', date: '2026/11/29', time: '10:00' });
    expect(validUntil(finishedAt, 24, new Date('2026-11-27T01:00:00Z'), 'ja')).toEqual({
      kind: 'expired',
      date: '2026/11/27',
      time: '10:00',
    });
  });
  it('writes the date the English way in English, the month in words (issue 19)', () => {
    expect(validUntil(finishedAt, 72, new Date('2026-11-26T02:00:00Z'), 'en')).toEqual({
      kind: 'date',
      date: '29 Nov 2026',
      time: '10:00',
    });
    expect(validUntil(finishedAt, 24, new Date('2026-11-27T01:00:00Z'), 'en')).toEqual({
      kind: 'expired',
      date: '27 Nov 2026',
      time: '10:00',
    });
  });
});

describe('the order of the checks', () => {
  it('puts failures first, then unknown, warnings, not applicable and passes, keeping the run order within each', () => {
    const check = (id: CheckResult['id'], status: CheckStatus): CheckResult => ({
      id,
      status,
      required: true,
      reason: 'x',
      params: {},
      evidence: [],
    });
    const run = [
      check('firewall', 'pass'),
      check('antivirus', 'unknown'),
      check('osUpdates', 'fail'),
      check('wifi', 'notApplicable'),
      check('screenLock', 'warning'),
      check('diskEncryption', 'fail'),
    ];
    expect(failingFirst(run).map((c) => c.id)).toEqual(['osUpdates', 'diskEncryption', 'antivirus', 'screenLock', 'wifi', 'firewall']);
  });
});

describe('"open the setting"', () => {
  it('opens only the exact settings pages the screen names', () => {
    expect(SETTINGS_PAGES.windows.osUpdates).toBe('ms-settings:windowsupdate');
    expect(SETTINGS_PAGES.windows.antivirus).toBe('windowsdefender://threat');
    expect(SETTINGS_PAGES.windows.screenLock).toBe('ms-settings:signinoptions');
    for (const url of SETTINGS_PAGE_URLS) expect(isAllowedExternalUrl(url), url).toBe(true);
    for (const near of [
      'ms-settings:windowsupdate-action',
      'ms-settings:windowsupdate?activate=1',
      'ms-settings:',
      'windowsdefender://threat/',
      'x-apple.systempreferences:com.apple.preference.security',
      'file:///C:/Windows/System32/cmd.exe',
    ]) {
      expect(isAllowedExternalUrl(near), near).toBe(false);
    }
  });
});
