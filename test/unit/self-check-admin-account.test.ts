/**
 * The "not an administrator in daily use" check: a warning, not a fail. From the fixtures in
 * test/fixtures/self-check/<os>/ (Windows whoami in English and Japanese, macOS and Linux `id`)
 * through the real parsers and evaluator; and a group list that was not read whole never
 * passes as "not an administrator".
 */
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck, overallOf } from '../../electron/core/self-check/evaluate-self-check';
import type { AdminAccountObservation, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { parseAdminAccount as parseLinuxAdmin } from '../../electron/platform/self-check/linux/admin-account';
import type { CommandReading } from '../../electron/platform/self-check/linux/linux-context';
import { parseAdminAccount as parseMacAdmin } from '../../electron/platform/self-check/macos/admin-account';
import { ADMIN_SCRIPT, parseAdminAccount } from '../../electron/platform/self-check/windows/admin-account';
import { DEFAULT_SELF_CHECK_POLICY, type CheckResult, type SelfCheckOs } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';
import { readSelfCheckFixture, splitSections, nothingObserved } from '../support/self-check-fixtures';

const NOW = new Date('2026-11-26T03:00:00Z');
const NOTHING = nothingObserved();

const judge = (outcome: ProbeOutcome<AdminAccountObservation>, os: SelfCheckOs): CheckResult =>
  evaluateSelfCheck({ ...NOTHING, adminAccount: outcome }, os, DEFAULT_SELF_CHECK_POLICY, NOW).find((r) => r.id === 'adminAccount')!;
const windows = (name: string) => readSelfCheckFixture('windows', name);
const mac = (part: string) => splitSections(readSelfCheckFixture('macos', 'id-groups.txt'))[part] ?? '';
const linux = (part: string) => splitSections(readSelfCheckFixture('linux', 'id-groups.txt'))[part] ?? '';
const reading = (stdout: string, source: string): CommandReading => ({ ok: true, stdout, stderr: '', exitCode: 0, source });

describe('Windows (whoami /groups, by SID)', () => {
  it.each([
    ['admin-account-en-admin-uac.txt', 'warning', 'adminAccountAdmin'],
    ['admin-account-ja-admin.txt', 'warning', 'adminAccountAdmin'],
    ['admin-account-ja-standard.txt', 'pass', 'adminAccountStandard'],
  ])('%s → %s', (name, status, reason) => {
    expect(judge(parseAdminAccount(windows(name), NOW), 'windows')).toMatchObject({ status, reason, required: false });
  });

  it('says why in Japanese, and a warning on this recommended check does not block the visit', () => {
    const result = judge(parseAdminAccount(windows('admin-account-ja-admin.txt'), NOW), 'windows');
    expect(reasonText(result, 'ja')).toBe(
      'サインイン中のアカウントは管理者グループに入っています（S-1-5-32-544 (Administrators)）。マルウェアがノートPC全体に及ぶおそれがあるため、日常の作業は標準ユーザーで行ってください。',
    );
    expect(overallOf([result])).toBe('pass');
    expect(overallOf([{ ...result, required: true }])).toBe('fail');
  });

  it('does not pass a list that lost its end (no integrity label), a line it cannot read, or a failed run', () => {
    const document = JSON.parse(windows('admin-account-ja-standard.txt')) as { exitCode: number; lines: string[] };
    const cut = { ...document, lines: document.lines.slice(0, 3) };
    expect(judge(parseAdminAccount(JSON.stringify(cut), NOW), 'windows')).toMatchObject({
      status: 'unknown',
      reason: 'adminAccountUnrecognized',
    });
    const garbled = { ...document, lines: [...document.lines, 'ERROR: 不明なエラー'] };
    expect(judge(parseAdminAccount(JSON.stringify(garbled), NOW), 'windows').status).toBe('unknown');
    expect(judge(parseAdminAccount(JSON.stringify({ ...document, exitCode: 1 }), NOW), 'windows').status).toBe('unknown');
    expect(ADMIN_SCRIPT).toContain("Invoke-OemCommand 'whoami.exe'");
  });
});

describe('macOS and Linux (id -G and id -Gn)', () => {
  it('warns for admin / sudo members and passes a standard account', () => {
    expect(
      judge(parseMacAdmin({ ids: { ok: true, text: mac('admin-ids') }, names: { ok: true, text: mac('admin-names') } }, NOW), 'macos'),
    ).toMatchObject({ status: 'warning', params: { raw: 'member of admin' } });
    expect(
      judge(
        parseMacAdmin({ ids: { ok: true, text: mac('standard-ids') }, names: { ok: true, text: mac('standard-names') } }, NOW),
        'macos',
      ),
    ).toMatchObject({ status: 'pass' });
    expect(judge(parseLinuxAdmin(reading(linux('sudo-ids'), 'id -G'), reading(linux('sudo-names'), 'id -Gn'), NOW), 'linux')).toMatchObject(
      { status: 'warning', params: { raw: 'member of sudo' } },
    );
    expect(
      judge(parseLinuxAdmin(reading(linux('standard-ids'), 'id -G'), reading(linux('standard-names'), 'id -Gn'), NOW), 'linux'),
    ).toMatchObject({ status: 'pass' });
  });

  it('does not pass a name list cut before the admin group, a name with a space, or id that failed', () => {
    const cutNames = linux('sudo-names').split(' ').slice(0, 2).join(' ');
    expect(judge(parseLinuxAdmin(reading(linux('sudo-ids'), 'id -G'), reading(cutNames, 'id -Gn'), NOW), 'linux')).toMatchObject({
      status: 'unknown',
      reason: 'adminAccountUnrecognized',
    });
    expect(
      judge(parseMacAdmin({ ids: { ok: true, text: '20 701' }, names: { ok: true, text: 'staff CORP\\Domain Users' } }, NOW), 'macos')
        .status,
    ).toBe('unknown');
    expect(
      judge(parseMacAdmin({ ids: { ok: false, problem: 'timeout', text: '' }, names: { ok: true, text: 'staff' } }, NOW), 'macos'),
    ).toMatchObject({ status: 'unknown', reason: 'probe.timeout' });
  });
});
