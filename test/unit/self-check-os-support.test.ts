/**
 * "OS still supported by its vendor" on each OS's recorded (or documented) output: the
 * release is found from what the OS-update probe read and held to the vendor's end date in
 * os-support-dates.json. Windows 10 ended on 2025-10-14; a release the table does not list
 * is unknown, never supported.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck } from '../../electron/core/self-check/evaluate-self-check';
import dates from '../../electron/core/self-check/os-support-dates.json' with { type: 'json' };
import type { OsUpdateObservation, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { osIdentity, parseOsRelease } from '../../electron/platform/self-check/linux/os-release';
import type { Answer } from '../../electron/platform/self-check/macos/macos-answers';
import { parseOsUpdates as parseMacUpdates } from '../../electron/platform/self-check/macos/os-updates';
import { parseOsUpdates } from '../../electron/platform/self-check/windows/os-updates';
import { DEFAULT_SELF_CHECK_POLICY, type CheckResult, type SelfCheckOs } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';
import { readSelfCheckFixture, splitSections, nothingObserved } from '../support/self-check-fixtures';

const NOTHING = nothingObserved();

function supported(osUpdates: ProbeOutcome<OsUpdateObservation>, os: SelfCheckOs, now: Date): CheckResult {
  const result = evaluateSelfCheck({ ...NOTHING, osUpdates }, os, DEFAULT_SELF_CHECK_POLICY, now).find((r) => r.id === 'osSupported');
  if (!result) throw new Error('no osSupported');
  return result;
}

const answered = (text: string | undefined): Answer => ({ ok: true, text: text ?? '' });

describe('OS still supported', () => {
  it('[8-3] fails Windows 10 after 2025-10-14 and passes Windows 11 23H2 Pro before 2025-11-11 (ja and en Windows)', () => {
    const win10 = parseOsUpdates(readSelfCheckFixture('windows', 'os-updates-win10-ja-out-of-date.txt'), new Date());
    const after = supported(win10, 'windows', new Date('2026-12-06T00:00:00Z'));
    expect(after).toMatchObject({
      status: 'fail',
      reason: 'osSupportEnded',
      params: { name: 'Windows 10 22H2 Home/Pro', date: '2025-10-14' },
    });
    expect(reasonText(after, 'ja')).toBe('Windows 10 22H2 Home/Pro はメーカーのセキュリティ更新が 2025-10-14 に終了しています。');
    expect(supported(win10, 'windows', new Date('2025-10-14T12:00:00Z')).status).toBe('pass');
    const win11 = parseOsUpdates(readSelfCheckFixture('windows', 'os-updates-win11-en.txt'), new Date());
    expect(supported(win11, 'windows', new Date('2024-11-22T01:00:00Z'))).toMatchObject({
      status: 'pass',
      reason: 'osSupportedUntil',
      params: { date: '2025-11-11' },
    });
  });

  it('passes a current macOS, fails macOS 13 after Apple stopped its updates, and stops trusting "no end yet" once the table is old', () => {
    const history = answered(readSelfCheckFixture('macos', 'install-history-current.json'));
    const prefs = answered(splitSections(readSelfCheckFixture('macos', 'softwareupdate-prefs.txt'))['automatic']);
    const mac = (part: string) =>
      parseMacUpdates(
        {
          swVers: answered(splitSections(readSelfCheckFixture('macos', 'sw-vers.txt'))[part]),
          installHistory: history,
          softwareUpdatePrefs: prefs,
        },
        new Date(),
      );
    const checked = new Date(`${dates.checked}T00:00:00Z`);
    expect(supported(mac('current'), 'macos', checked)).toMatchObject({
      status: 'pass',
      reason: 'osSupportedNoEndYet',
      params: { name: 'macOS 26 Tahoe' },
    });
    expect(supported(mac('rsr'), 'macos', checked)).toMatchObject({
      status: 'fail',
      reason: 'osSupportEnded',
      params: { name: 'macOS 13 Ventura' },
    });
    expect(supported(mac('current'), 'macos', new Date(checked.getTime() + 200 * 86_400_000))).toMatchObject({
      status: 'unknown',
      reason: 'osSupportTableOld',
    });
  });

  it('passes Debian 12 and Ubuntu 24.04 from their os-release files; an unlisted distribution is unknown', () => {
    const linux = (file: string, debianVersion: string | null): ProbeOutcome<OsUpdateObservation> => {
      const identity = osIdentity(parseOsRelease(readSelfCheckFixture('linux', file)), debianVersion);
      return {
        ok: true,
        observation: { ...identity, lastUpdateInstalledAt: null, lastUpdateTitle: null, automaticUpdates: null },
        evidence: [],
      };
    };
    const now = new Date(`${dates.checked}T00:00:00Z`);
    expect(supported(linux('os-release-debian-12.txt', '12.7'), 'linux', now)).toMatchObject({
      status: 'pass',
      params: { name: 'Debian 12 (bookworm)', date: '2028-06-30' },
    });
    expect(supported(linux('os-release-ubuntu-24.04.txt', null), 'linux', now)).toMatchObject({
      status: 'pass',
      params: { name: 'Ubuntu 24.04 LTS' },
    });
    const fedora: ProbeOutcome<OsUpdateObservation> = {
      ok: true,
      observation: {
        osName: 'Fedora Linux 41',
        osVersion: '41',
        lastUpdateInstalledAt: null,
        lastUpdateTitle: null,
        automaticUpdates: null,
      },
      evidence: [],
    };
    expect(supported(fedora, 'linux', now)).toMatchObject({ status: 'unknown', reason: 'osSupportNotListed' });
  });

  it('keeps its sources and the day they were checked in the data file', () => {
    expect(dates.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(dates.sources).sort()).toEqual(['debian', 'macos', 'ubuntu', 'windows']);
    expect(dates.windows.find((r) => r.build === 19045)?.homePro).toBe('2025-10-14');
  });
});
