/**
 * The boot-protection check (Secure Boot and TPM on Windows and Linux, SIP and Gatekeeper on
 * macOS) and the clock-sync check, from the fixtures in test/fixtures/self-check/<os>/ through
 * the real parsers and the real evaluator: what a user would see on the Self-check screen
 * (status, reason and its Japanese text). And for each: an answer the parser does not
 * recognize, or a source it could not read, never passes.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck } from '../../electron/core/self-check/evaluate-self-check';
import type { BootProtectionObservation, ClockSyncObservation, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import {
  parseBootProtection as parseLinuxBoot,
  type BootProtectionReadings,
} from '../../electron/platform/self-check/linux/boot-protection';
import { parseClockSync as parseTimedatectl } from '../../electron/platform/self-check/linux/clock-sync';
import type { CommandReading } from '../../electron/platform/self-check/linux/linux-context';
import { parseBootProtection as parseMacBoot } from '../../electron/platform/self-check/macos/boot-protection';
import { parseClockSync as parseMacClock } from '../../electron/platform/self-check/macos/clock-sync';
import type { Answer } from '../../electron/platform/self-check/macos/macos-answers';
import { BOOT_PROTECTION_SCRIPT, parseBootProtection } from '../../electron/platform/self-check/windows/boot-protection';
import { CLOCK_SYNC_SCRIPT, parseClockSync } from '../../electron/platform/self-check/windows/clock-sync';
import { createWindowsProbes } from '../../electron/platform/self-check/windows/windows-probes';
import { DEFAULT_SELF_CHECK_POLICY, type CheckResult, type SelfCheckOs } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';
import { readSelfCheckFixture, splitSections, nothingObserved } from '../support/self-check-fixtures';

const NOW = new Date('2026-11-26T03:00:00Z');
const NOTHING = nothingObserved();

function bootResult(outcome: ProbeOutcome<BootProtectionObservation>, os: SelfCheckOs): CheckResult {
  return evaluateSelfCheck({ ...NOTHING, bootProtection: outcome }, os, DEFAULT_SELF_CHECK_POLICY, NOW).find(
    (r) => r.id === 'bootProtection',
  )!;
}
function clockResult(outcome: ProbeOutcome<ClockSyncObservation>, os: SelfCheckOs): CheckResult {
  return evaluateSelfCheck({ ...NOTHING, clockSync: outcome }, os, DEFAULT_SELF_CHECK_POLICY, NOW).find((r) => r.id === 'clockSync')!;
}

const windows = (name: string) => readSelfCheckFixture('windows', name);
const macSection = (name: string, part: string) => splitSections(readSelfCheckFixture('macos', name))[part] ?? '';
const linuxSection = (name: string, part: string) => splitSections(readSelfCheckFixture('linux', name))[part] ?? '';
const answered = (text: string): Answer => ({ ok: true, text });
const reading = (stdout: string, ok = true): CommandReading =>
  ok
    ? { ok: true, stdout, stderr: '', exitCode: 0, source: 'timedatectl show -p NTP -p NTPSynchronized' }
    : { ok: false, problem: 'unparseable', stdout: '', stderr: stdout, exitCode: 1, source: 'timedatectl show' };

describe('boot protection on Windows (registry and Plug and Play, no admin rights)', () => {
  it.each([
    ['boot-protection-on.txt', 'pass', 'bootProtectionOn', 'Secure Boot, TPM が有効です。'],
    ['boot-protection-secure-boot-off.txt', 'fail', 'bootProtectionOff', 'Secure Boot が無効、または見つかりません。'],
    ['boot-protection-no-tpm.txt', 'fail', 'bootProtectionOff', 'TPM が無効、または見つかりません。'],
    [
      'boot-protection-tpm-unknown-device.txt',
      'unknown',
      'bootProtectionUnrecognized',
      'TPM の状態を判別できません（TPM: ACPI\\VEN0001 code 0）。',
    ],
    [
      'boot-protection-legacy-ja.txt',
      'unknown',
      'bootProtectionUnreadable',
      'Secure Boot, TPM の状態を管理者権限なしでは読み取れませんでした（Secure Boot: UEFISecureBootEnabled absent; TPM: accessDenied）。有効とはみなしません。',
    ],
  ])('%s → %s (%s)', (name, status, reason, ja) => {
    const result = bootResult(parseBootProtection(windows(name), NOW), 'windows');
    expect(result).toMatchObject({ status, reason, required: true });
    expect(reasonText(result, 'ja')).toBe(ja);
  });

  it('a registry value other than 0 or 1 is unrecognized, and a whole-script failure is unknown', () => {
    const odd = bootResult(
      parseBootProtection('{"secureBoot":{"value":2},"tpm":{"devices":[{"id":"ACPI\\\\MSFT0101\\\\1","errorCode":0}]}}', NOW),
      'windows',
    );
    expect(odd).toMatchObject({
      status: 'unknown',
      reason: 'bootProtectionUnrecognized',
      params: { raw: 'Secure Boot: UEFISecureBootEnabled 2' },
    });
    const disabledTpm = bootResult(
      parseBootProtection('{"secureBoot":{"value":1},"tpm":{"devices":[{"id":"ACPI\\\\MSFT0101\\\\1","errorCode":22}]}}', NOW),
      'windows',
    );
    expect(disabledTpm).toMatchObject({ status: 'fail', reason: 'bootProtectionOff', params: { parts: 'TPM' } });
    expect(bootResult(parseBootProtection('{"error":"accessDenied","message":"Access is denied."}', NOW), 'windows')).toMatchObject({
      status: 'unknown',
      reason: 'probe.accessDenied',
    });
  });

  it('is one of the Windows probes, run through the PowerShell runner', async () => {
    const probes = createWindowsProbes({
      runPowerShell: async (script) => ({
        ok: true,
        stdout: script === BOOT_PROTECTION_SCRIPT ? windows('boot-protection-on.txt') : windows('clock-sync-ja-synchronized.txt'),
        stderr: '',
        exitCode: 0,
      }),
    });
    expect(await probes.bootProtection()).toMatchObject({
      ok: true,
      observation: {
        parts: [
          { part: 'secureBoot', state: 'on' },
          { part: 'tpm', state: 'on' },
        ],
      },
    });
    expect(BOOT_PROTECTION_SCRIPT).toContain('UEFISecureBootEnabled');
    expect(BOOT_PROTECTION_SCRIPT).not.toMatch(/Confirm-SecureBootUEFI|Get-Tpm\b|MicrosoftTpm/);
  });
});

describe('boot protection on macOS (csrutil status, spctl --status)', () => {
  const boot = (sip: string, gatekeeper: string) =>
    bootResult(
      parseMacBoot(
        { csrutil: answered(macSection('csrutil-status.txt', sip)), spctl: answered(macSection('spctl-status.txt', gatekeeper)) },
        NOW,
      ),
      'macos',
    );

  it('passes SIP and Gatekeeper both on, fails either off, and reads a custom SIP configuration as off', () => {
    expect(boot('enabled', 'enabled')).toMatchObject({ status: 'pass', reason: 'bootProtectionOn', params: { parts: 'SIP, Gatekeeper' } });
    expect(boot('disabled', 'enabled')).toMatchObject({ status: 'fail', params: { parts: 'SIP' } });
    expect(boot('enabled', 'disabled')).toMatchObject({ status: 'fail', params: { parts: 'Gatekeeper' } });
    const custom = boot('custom', 'enabled');
    expect(custom).toMatchObject({ status: 'fail', reason: 'bootProtectionOff', params: { parts: 'SIP' } });
    expect(custom.evidence[0]?.facts['said']).toBe('custom configuration, disabled: Apple Internal, Kext Signing');
  });

  it('does not pass a cut-off or unknown answer, or a command that was refused', () => {
    const cut = bootResult(
      parseMacBoot({ csrutil: answered('System Integrity Protection status: enab'), spctl: answered('assessments enabled') }, NOW),
      'macos',
    );
    expect(cut).toMatchObject({ status: 'unknown', reason: 'bootProtectionUnrecognized' });
    const refused = bootResult(
      parseMacBoot(
        {
          csrutil: answered('System Integrity Protection status: enabled.'),
          spctl: { ok: false, problem: 'accessDenied', text: 'Operation not permitted' },
        },
        NOW,
      ),
      'macos',
    );
    expect(refused).toMatchObject({ status: 'unknown', reason: 'bootProtectionUnreadable', params: { parts: 'Gatekeeper' } });
  });
});

describe('boot protection on Linux (efivars, /sys/class/tpm)', () => {
  const efivar = (part: string): BootProtectionReadings['variable'] => ({
    source: 'SecureBoot',
    ok: true,
    value: Buffer.from(linuxSection('secure-boot-efivar.txt', part).trim(), 'hex'),
  });
  const tpm = (part: string): BootProtectionReadings['tpmClass'] => ({
    source: '/sys/class/tpm',
    ok: true,
    value: linuxSection('sys-class-tpm.txt', part).split('\n').filter(Boolean),
  });
  const efivars: BootProtectionReadings['efivars'] = {
    source: 'efivars',
    ok: true,
    value: ['BootOrder-8be4df61-93ca-11d2-aa0d-00e098032b8c'],
  };
  const judge = (r: Partial<BootProtectionReadings>) =>
    bootResult(parseLinuxBoot({ variable: efivar('on'), efi: true, firmware: true, efivars, tpmClass: tpm('tpm2'), ...r }, NOW), 'linux');
  const missing = { source: 'x', ok: false as const, problem: 'missing' as const, code: 'ENOENT' };

  it('passes Secure Boot 1 with tpm0, fails Secure Boot 0, a legacy BIOS boot or no TPM', () => {
    expect(judge({})).toMatchObject({ status: 'pass', reason: 'bootProtectionOn', params: { parts: 'Secure Boot, TPM' } });
    expect(judge({ variable: efivar('off') })).toMatchObject({ status: 'fail', params: { parts: 'Secure Boot' } });
    expect(judge({ variable: missing, efi: false })).toMatchObject({ status: 'fail', params: { parts: 'Secure Boot' } });
    expect(judge({ tpmClass: tpm('none') })).toMatchObject({ status: 'fail', params: { parts: 'TPM' } });
  });

  it('does not pass a variable of another shape, or efivars it could not read', () => {
    expect(judge({ variable: efivar('odd') })).toMatchObject({ status: 'unknown', reason: 'bootProtectionUnrecognized' });
    expect(judge({ variable: { source: 'x', ok: false, problem: 'accessDenied', code: 'EACCES' } })).toMatchObject({
      status: 'unknown',
      reason: 'bootProtectionUnreadable',
    });
    expect(judge({ variable: missing, efivars: { source: 'efivars', ok: true, value: [] } })).toMatchObject({
      status: 'unknown',
      reason: 'bootProtectionUnreadable',
    });
    // A container's sysfs without /sys/firmware says nothing about how the host booted.
    expect(judge({ variable: missing, efi: false, firmware: false })).toMatchObject({
      status: 'unknown',
      reason: 'bootProtectionUnreadable',
    });
  });
});

describe('clock sync on Windows (w32tm /query /status, English and Japanese)', () => {
  it.each([
    ['clock-sync-en-synchronized.txt', 'pass', 'clockSynchronized', '時計は時刻サーバー（time.windows.com,0x9）と同期しています。'],
    ['clock-sync-ja-synchronized.txt', 'pass', 'clockSynchronized', '時計は時刻サーバー（time.windows.com,0x9）と同期しています。'],
    ['clock-sync-en-local-cmos.txt', 'fail', 'clockNotSynchronized', null],
    [
      'clock-sync-ja-service-stopped.txt',
      'fail',
      'clockNotSynchronized',
      '時計が時刻サーバーと同期していません（W32Time not started (0x80070426)）。記録や証明書の日時が正しくなくなります。',
    ],
  ])('%s → %s (%s)', (name, status, reason, ja) => {
    const result = clockResult(parseClockSync(windows(name), NOW), 'windows');
    expect(result).toMatchObject({ status, reason, required: true });
    if (ja !== null) expect(reasonText(result, 'ja')).toBe(ja);
  });

  it('does not pass a w32tm answer in a language it does not read, a missing line, or access denied', () => {
    const german =
      '{"exitCode":0,"lines":["Sprungindikator: 0(keine Warnung)","Stratum: 4 (Sekundärreferenz - synchr. über (S)NTP)","Quelle: time.windows.com,0x9"]}';
    expect(clockResult(parseClockSync(german, NOW), 'windows')).toMatchObject({ status: 'unknown', reason: 'clockUnrecognized' });
    const noSource = '{"exitCode":0,"lines":["Leap Indicator: 0(no warning)","Stratum: 4 (secondary reference - syncd by (S)NTP)"]}';
    expect(clockResult(parseClockSync(noSource, NOW), 'windows')).toMatchObject({ status: 'unknown', reason: 'clockUnrecognized' });
    const failedRun = '{"exitCode":1,"lines":["Leap Indicator: 0(no warning)","Stratum: 4 (x)","Source: time.windows.com"]}';
    expect(clockResult(parseClockSync(failedRun, NOW), 'windows').status).toBe('unknown');
    const denied = '{"exitCode":-2147024891,"lines":["次のエラーが発生しました: アクセスが拒否されました。 (0x80070005)"]}';
    expect(clockResult(parseClockSync(denied, NOW), 'windows')).toMatchObject({ status: 'unknown', reason: 'probe.accessDenied' });
  });

  it('is one of the Windows probes', async () => {
    const probes = createWindowsProbes({
      runPowerShell: async (script) => ({
        ok: true,
        stdout: script === CLOCK_SYNC_SCRIPT ? windows('clock-sync-ja-synchronized.txt') : '',
        stderr: '',
        exitCode: 0,
      }),
    });
    expect(await probes.clockSync()).toMatchObject({ ok: true, observation: { state: 'synchronized', source: 'time.windows.com,0x9' } });
  });
});

describe('clock sync on macOS (the automatic-time setting) and Linux (timedatectl)', () => {
  it('passes macOS automatic time as the setting it is, fails manual time, and does not pass a key never written', () => {
    const on = clockResult(parseMacClock(answered(macSection('timed-automatic.txt', 'on')), NOW), 'macos');
    expect(on).toMatchObject({ status: 'pass', reason: 'clockAutomatic' });
    expect(reasonText(on, 'en')).toMatch(/setting was read/);
    expect(clockResult(parseMacClock(answered(macSection('timed-automatic.txt', 'off')), NOW), 'macos')).toMatchObject({
      status: 'fail',
      reason: 'clockNotSynchronized',
    });
    const never = clockResult(
      parseMacClock({ ok: false, problem: 'unparseable', text: macSection('timed-automatic.txt', 'missing') }, NOW),
      'macos',
    );
    expect(never).toMatchObject({ status: 'unknown', reason: 'clockUnrecognized' });
  });

  it('passes NTPSynchronized=yes, fails no, and does not pass systemd without `show` or no systemd at all', () => {
    expect(clockResult(parseTimedatectl(reading(linuxSection('timedatectl-show.txt', 'synchronized')), NOW), 'linux')).toMatchObject({
      status: 'pass',
      reason: 'clockSynchronized',
    });
    expect(clockResult(parseTimedatectl(reading(linuxSection('timedatectl-show.txt', 'not-synchronized')), NOW), 'linux')).toMatchObject({
      status: 'fail',
      reason: 'clockNotSynchronized',
    });
    expect(clockResult(parseTimedatectl(reading(linuxSection('timedatectl-show.txt', 'old-systemd'), false), NOW), 'linux')).toMatchObject({
      status: 'unknown',
      reason: 'probe.unparseable',
    });
    expect(clockResult(parseTimedatectl(reading('NTP=yes\nNTPSynchronized=maybe\n'), NOW), 'linux')).toMatchObject({
      status: 'unknown',
      reason: 'clockUnrecognized',
    });
  });
});

describe('older policies', () => {
  it('load with both new checks required', async () => {
    const { SelfCheckPolicy } = await import('../../electron/shared/self-check');
    const { bootProtection: _b, clockSync: _c, ...olderRequired } = DEFAULT_SELF_CHECK_POLICY.required;
    const parsed = SelfCheckPolicy.parse({ ...DEFAULT_SELF_CHECK_POLICY, required: olderRequired });
    expect(parsed.required).toMatchObject({ bootProtection: true, clockSync: true });
  });
});
