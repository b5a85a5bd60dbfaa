/**
 * The AutoRun/AutoPlay and automatic-login checks, from the fixtures in
 * test/fixtures/self-check/<os>/ through the real parsers and the real evaluator, on Windows,
 * macOS and Linux: the status and the text a user sees. And for each: a value the parser
 * does not recognize, or a source it could not read, never passes.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck } from '../../electron/core/self-check/evaluate-self-check';
import type { AutoLoginObservation, AutoRunObservation, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import {
  parseAutoLogin as parseDisplayManagers,
  parseAutoRun as parseGnomeAutoRun,
} from '../../electron/platform/self-check/linux/auto-start';
import type { CommandReading } from '../../electron/platform/self-check/linux/linux-context';
import { parseAutoLogin as parseMacAutoLogin, probeAutoRun as macAutoRun } from '../../electron/platform/self-check/macos/auto-start';
import { AUTO_LOGIN_SCRIPT, AUTO_RUN_SCRIPT, parseAutoLogin, parseAutoRun } from '../../electron/platform/self-check/windows/auto-start';
import { createWindowsProbes } from '../../electron/platform/self-check/windows/windows-probes';
import { DEFAULT_SELF_CHECK_POLICY, SelfCheckPolicy, type CheckResult, type SelfCheckOs } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';
import { readSelfCheckFixture, splitSections, nothingObserved } from '../support/self-check-fixtures';

const NOW = new Date('2026-11-26T03:00:00Z');
const NOTHING = nothingObserved();

const autoRun = (outcome: ProbeOutcome<AutoRunObservation>, os: SelfCheckOs): CheckResult =>
  evaluateSelfCheck({ ...NOTHING, autoRun: outcome }, os, DEFAULT_SELF_CHECK_POLICY, NOW).find((r) => r.id === 'autoRun')!;
const autoLogin = (outcome: ProbeOutcome<AutoLoginObservation>, os: SelfCheckOs): CheckResult =>
  evaluateSelfCheck({ ...NOTHING, autoLogin: outcome }, os, DEFAULT_SELF_CHECK_POLICY, NOW).find((r) => r.id === 'autoLogin')!;
const windows = (name: string) => readSelfCheckFixture('windows', name);
const section = (os: 'macos' | 'linux', name: string, part: string) => splitSections(readSelfCheckFixture(os, name))[part] ?? '';
const gsettings = (stdout: string): CommandReading => ({
  ok: true,
  stdout,
  stderr: '',
  exitCode: 0,
  source: 'gsettings get org.gnome.desktop.media-handling autorun-never',
});

describe('AutoRun/AutoPlay on Windows (registry policy and the AutoPlay switch)', () => {
  it.each([
    ['auto-run-policy-all-drives.txt', 'pass', 'autoRunOff', '挿入したメディアのソフトウェアは自動で実行・提示されません（NoAutorun 1）。'],
    [
      'auto-run-autoplay-off.txt',
      'pass',
      'autoRunOff',
      '挿入したメディアのソフトウェアは自動で実行・提示されません（DisableAutoplay 1）。',
    ],
    [
      'auto-run-default.txt',
      'fail',
      'autoRunOn',
      '挿入したメディア（USB メモリ・CD/DVD）で自動再生が動きます（NoDriveTypeAutoRun not set, DisableAutoplay not set）。',
    ],
    [
      'auto-run-mask-without-removable.txt',
      'fail',
      'autoRunOn',
      '挿入したメディア（USB メモリ・CD/DVD）で自動再生が動きます（NoDriveTypeAutoRun 0x91, DisableAutoplay 0）。',
    ],
  ])('%s → %s (%s)', (name, status, reason, ja) => {
    const result = autoRun(parseAutoRun(windows(name), NOW), 'windows');
    expect(result).toMatchObject({ status, reason, required: false });
    expect(reasonText(result, 'ja')).toBe(ja);
  });

  it('a mask covering removable drives but not CDs is not off; a value that is not a number is unknown', () => {
    const removableOnly =
      '{"machineNoDriveTypeAutoRun":4,"userNoDriveTypeAutoRun":null,"machineNoAutorun":null,"userNoAutorun":null,"disableAutoplay":null}';
    expect(autoRun(parseAutoRun(removableOnly, NOW), 'windows')).toMatchObject({
      status: 'fail',
      params: { raw: 'NoDriveTypeAutoRun 0x4, DisableAutoplay not set' },
    });
    const odd =
      '{"machineNoDriveTypeAutoRun":"all","userNoDriveTypeAutoRun":null,"machineNoAutorun":null,"userNoAutorun":null,"disableAutoplay":1}';
    expect(autoRun(parseAutoRun(odd, NOW), 'windows')).toMatchObject({ status: 'unknown', reason: 'autoRunUnrecognized' });
    expect(autoRun(parseAutoRun('{"error":"accessDenied","message":"Access is denied."}', NOW), 'windows')).toMatchObject({
      status: 'unknown',
      reason: 'probe.accessDenied',
    });
  });
});

describe('AutoRun on macOS and Linux', () => {
  it('does not apply on macOS, which has no AutoRun, and says so', async () => {
    const result = autoRun(await macAutoRun(NOW), 'macos');
    expect(result).toMatchObject({ status: 'notApplicable', reason: 'autoRunNotOnThisOs' });
    expect(reasonText(result, 'en')).toMatch(/does not apply/);
  });

  it('reads GNOME autorun-never, and does not pass another desktop it does not read or an odd answer', () => {
    expect(
      autoRun(parseGnomeAutoRun('ubuntu:GNOME', gsettings(section('linux', 'gsettings-autorun.txt', 'never')), NOW), 'linux'),
    ).toMatchObject({ status: 'pass' });
    expect(
      autoRun(parseGnomeAutoRun('ubuntu:GNOME', gsettings(section('linux', 'gsettings-autorun.txt', 'default')), NOW), 'linux'),
    ).toMatchObject({ status: 'fail', reason: 'autoRunOn' });
    expect(autoRun(parseGnomeAutoRun('KDE', null, NOW), 'linux')).toMatchObject({
      status: 'unknown',
      params: { raw: 'desktop KDE not read' },
    });
    expect(autoRun(parseGnomeAutoRun('GNOME', gsettings("'true'"), NOW), 'linux').status).toBe('unknown');
  });
});

describe('automatic login', () => {
  it.each([
    ['auto-login-on.txt', 'fail', 'autoLoginOn'],
    ['auto-login-off.txt', 'pass', 'autoLoginOff'],
    ['auto-login-not-set.txt', 'pass', 'autoLoginOff'],
  ])('Windows %s → %s', (name, status, reason) => {
    expect(autoLogin(parseAutoLogin(windows(name), NOW), 'windows')).toMatchObject({ status, reason, required: true });
  });

  it('Windows: another AutoAdminLogon value is unknown, and the script never reads the stored password', () => {
    expect(autoLogin(parseAutoLogin('{"autoAdminLogon":"yes"}', NOW), 'windows')).toMatchObject({
      status: 'unknown',
      reason: 'autoLoginUnrecognized',
    });
    expect(AUTO_LOGIN_SCRIPT).not.toMatch(/DefaultPassword|DefaultUserName/);
  });

  it('macOS: an account name set fails (without keeping the name), "does not exist" passes, anything else is unknown', () => {
    const on = autoLogin(parseMacAutoLogin({ ok: true, text: section('macos', 'loginwindow-autologin.txt', 'on') }, NOW), 'macos');
    expect(on).toMatchObject({ status: 'fail', reason: 'autoLoginOn', params: { raw: 'autoLoginUser set' } });
    expect(JSON.stringify(on)).not.toContain('engineer');
    expect(
      autoLogin(
        parseMacAutoLogin({ ok: false, problem: 'unparseable', text: section('macos', 'loginwindow-autologin.txt', 'off') }, NOW),
        'macos',
      ),
    ).toMatchObject({ status: 'pass' });
    expect(autoLogin(parseMacAutoLogin({ ok: false, problem: 'unparseable', text: 'defaults: unexpected' }, NOW), 'macos').status).toBe(
      'unknown',
    );
    expect(autoLogin(parseMacAutoLogin({ ok: false, problem: 'timeout', text: '' }, NOW), 'macos').status).toBe('unknown');
  });

  it('Linux: GDM or LightDM automatic login fails, the stock GDM file passes, no configuration or an unreadable one is unknown', () => {
    const file = (source: string, name: string, part: string) => ({ source, ok: true as const, value: section('linux', name, part) });
    const judge = (...files: Parameters<typeof parseDisplayManagers>[0]) => autoLogin(parseDisplayManagers(files, NOW), 'linux');
    expect(judge(file('/etc/gdm3/daemon.conf', 'gdm3-daemon-conf.txt', 'stock'))).toMatchObject({ status: 'pass', reason: 'autoLoginOff' });
    expect(judge(file('/etc/gdm3/daemon.conf', 'gdm3-daemon-conf.txt', 'autologin'))).toMatchObject({
      status: 'fail',
      params: { raw: '/etc/gdm3/daemon.conf' },
    });
    expect(
      judge(
        file('/etc/gdm3/daemon.conf', 'gdm3-daemon-conf.txt', 'stock'),
        file('/etc/lightdm/lightdm.conf.d/50-autologin.conf', 'lightdm-conf.txt', 'autologin'),
      ),
    ).toMatchObject({ status: 'fail' });
    expect(judge(file('/etc/lightdm/lightdm.conf', 'lightdm-conf.txt', 'commented'))).toMatchObject({ status: 'pass' });
    expect(judge({ source: '/etc/gdm3/daemon.conf', ok: false, problem: 'missing', code: 'ENOENT' })).toMatchObject({
      status: 'unknown',
      reason: 'autoLoginUnrecognized',
    });
    expect(judge({ source: '/etc/gdm3/daemon.conf', ok: false, problem: 'accessDenied', code: 'EACCES' })).toMatchObject({
      status: 'unknown',
    });
    expect(judge({ source: '/etc/gdm3/daemon.conf', ok: true, value: '[daemon]\nAutomaticLoginEnable=Tr\n' })).toMatchObject({
      status: 'unknown',
    });
    expect(JSON.stringify(judge(file('/etc/gdm3/daemon.conf', 'gdm3-daemon-conf.txt', 'autologin')))).not.toContain('engineer');
  });
});

describe('the Windows probes and the policy', () => {
  it('runs both scripts through the PowerShell runner', async () => {
    const probes = createWindowsProbes({
      runPowerShell: async (script) => ({
        ok: true,
        stdout: script === AUTO_RUN_SCRIPT ? windows('auto-run-default.txt') : windows('auto-login-on.txt'),
        stderr: '',
        exitCode: 0,
      }),
    });
    expect(await probes.autoRun()).toMatchObject({ ok: true, observation: { state: 'on' } });
    expect(await probes.autoLogin()).toMatchObject({ ok: true, observation: { state: 'on' } });
  });

  it('an older policy loads with AutoRun recommended and automatic login required', () => {
    const { autoRun: _a, autoLogin: _l, ...olderRequired } = DEFAULT_SELF_CHECK_POLICY.required;
    expect(SelfCheckPolicy.parse({ ...DEFAULT_SELF_CHECK_POLICY, required: olderRequired }).required).toMatchObject({
      autoRun: false,
      autoLogin: true,
    });
  });
});
