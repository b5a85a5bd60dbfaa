/**
 * The Windows probes of the security self-check, from recorded script output: every parser
 * against fixtures for normal, off, out-of-date, passive Defender with a third-party
 * antivirus, Security Center productState values, firewall NotConfigured, PowerShell 5.1
 * `\/Date(…)\/` dates, Japanese Windows (netsh, powercfg, Get-HotFix, error messages),
 * access denied and command missing; and the probes wired to a recorded PowerShell.
 *
 * Each fixture's first line says where its format comes from ("# Source: …"); the rest is
 * exactly what the script prints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import type { CommandOutcome, RunOptions } from '../../electron/platform/self-check/run-probe-command';
import { ANTIVIRUS_SCRIPT, parseAntivirus } from '../../electron/platform/self-check/windows/antivirus';
import { DISK_ENCRYPTION_SCRIPT, parseDiskEncryption } from '../../electron/platform/self-check/windows/disk-encryption';
import { FIREWALL_SCRIPT, parseFirewall } from '../../electron/platform/self-check/windows/firewall';
import { OS_UPDATES_SCRIPT, OS_UPDATES_TIMEOUT_MS, parseOsUpdates } from '../../electron/platform/self-check/windows/os-updates';
import { normalizeDate, toFlag, toInteger } from '../../electron/platform/self-check/windows/powershell-json';
import { REMOTE_ACCESS_SCRIPT, parseRemoteAccess } from '../../electron/platform/self-check/windows/remote-access';
import { SCREEN_LOCK_SCRIPT, parseScreenLock } from '../../electron/platform/self-check/windows/screen-lock';
import { decodeProductState } from '../../electron/platform/self-check/windows/security-center-product-state';
import { WIFI_SCRIPT, parseWifi } from '../../electron/platform/self-check/windows/wifi';
import { createWindowsProbes } from '../../electron/platform/self-check/windows/windows-probes';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/self-check/windows');
const OBSERVED_AT = new Date('2026-11-26T03:00:00.000Z');
const ALL_PARSERS: readonly ((stdout: string, observedAt: Date) => ProbeOutcome<unknown>)[] = [
  parseFirewall,
  parseAntivirus,
  parseOsUpdates,
  parseDiskEncryption,
  parseScreenLock,
  parseWifi,
  parseRemoteAccess,
];

/** A fixture's script output, without its "# Source:" line. */
function fixture(name: string): string {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  const newline = text.indexOf('\n');
  return text.slice(newline + 1);
}

function observation<T>(outcome: ProbeOutcome<T>): T {
  if (!outcome.ok) throw new Error(`expected an observation, got ${outcome.problem}: ${outcome.detail ?? ''}`);
  expect(outcome.evidence.length).toBeGreaterThan(0);
  for (const item of outcome.evidence) expect(item.observedAt).toBe(OBSERVED_AT.toISOString());
  return outcome.observation;
}

function problem<T>(outcome: ProbeOutcome<T>): string {
  if (outcome.ok) throw new Error('expected a failure, got an observation');
  expect(outcome.evidence.length).toBeGreaterThan(0);
  return outcome.problem;
}

describe('fixtures', () => {
  it('each start with a line saying where their format comes from, followed by one line of JSON', () => {
    const names = readdirSync(FIXTURES);
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      expect(text, name).toMatch(/^# Source: .+(Microsoft|netsh|Shell property).+\n\{.*\}\n$/);
      expect(text.split('\n')[0], name).toMatch(/values illustrative|captured/);
    }
  });
});

describe('Security Center productState', () => {
  it.each([
    [397568, '0x061100', true, true],
    [397584, '0x061110', true, false],
    [393472, '0x060100', false, true],
    [266240, '0x041000', true, true],
    [262160, '0x040010', false, false],
    [393216, '0x060000', false, true],
    [397312, '0x061000', true, true],
  ])('%i (%s) decodes to enabled %s, definitions up to date %s', (value, hex, enabled, upToDate) => {
    expect(decodeProductState(value)).toEqual({ productState: value, hex, enabled, definitionsUpToDate: upToDate });
  });

  it('leaves bits nobody has described unknown instead of guessing', () => {
    expect(decodeProductState(0x062000)).toMatchObject({ enabled: null, definitionsUpToDate: true });
    expect(decodeProductState(0x061101)).toMatchObject({ enabled: true, definitionsUpToDate: null });
    expect(decodeProductState(-1)).toMatchObject({ enabled: null, definitionsUpToDate: null });
    expect(decodeProductState(0x1000000)).toMatchObject({ enabled: null, definitionsUpToDate: null });
  });
});

describe('reading what PowerShell prints', () => {
  it('accepts UTC ISO, ISO with an offset, 5.1 \\/Date(ms)\\/ (also wrapped) and RFC 1123', () => {
    expect(normalizeDate('2024-11-20T03:12:45.1234567Z')).toBe('2024-11-20T03:12:45.123Z');
    expect(normalizeDate('2024-11-20T12:12:45.0000000+09:00')).toBe('2024-11-20T03:12:45.000Z');
    expect(normalizeDate('/Date(1732060800000)/')).toBe('2024-11-20T00:00:00.000Z');
    expect(normalizeDate(JSON.parse('"\\/Date(1732060800000)\\/"'))).toBe('2024-11-20T00:00:00.000Z');
    expect(normalizeDate('/Date(1732060800000+0900)/')).toBe('2024-11-20T00:00:00.000Z');
    expect(normalizeDate({ value: '/Date(1732060800000)/', DisplayHint: 2, DateTime: '2024年11月20日 9:00:00' })).toBe(
      '2024-11-20T00:00:00.000Z',
    );
    expect(normalizeDate('Wed, 20 Nov 2024 03:15:10 GMT')).toBe('2024-11-20T03:15:10.000Z');
  });

  it('refuses dates without a zone, placeholders and text', () => {
    expect(normalizeDate('2024-11-20T03:12:45')).toBeNull();
    expect(normalizeDate('2024/11/20 12:12:45')).toBeNull();
    expect(normalizeDate('/Date(-62135596800000)/')).toBeNull();
    expect(normalizeDate('1601-01-01T00:00:00.0000000Z')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate(1732060800000)).toBeNull();
  });

  it('reads yes/no and numbers in every form PowerShell and the registry give them', () => {
    expect([true, 'True', 'true', 1, '1'].map(toFlag)).toEqual([true, true, true, true, true]);
    expect([false, 'False', 0, '0'].map(toFlag)).toEqual([false, false, false, false]);
    expect(['NotConfigured', 2, null, undefined, 'はい'].map(toFlag)).toEqual([null, null, null, null, null]);
    expect(['600', ' 600 ', 600, '0x00000258'].map(toInteger)).toEqual([600, 600, 600, 600]);
    expect(['10 分', 1.5, null, ''].map(toInteger)).toEqual([null, null, null, null]);
  });

  it.each([
    ['empty output', ''],
    ['whitespace', '  \r\n'],
    ['garbage', 'Get-NetFirewallProfile : 用語が認識されません'],
    ['a JSON array', '[1,2,3]'],
    ['the wrong shape', '{"profiles":"yes"}'],
  ])('calls %s unparseable, for every parser', (_what, stdout) => {
    for (const parse of ALL_PARSERS) {
      expect(problem(parse(stdout, OBSERVED_AT))).toBe('unparseable');
    }
  });

  it.each([
    ['accessDenied', 'accessDenied'],
    ['commandMissing', 'commandMissing'],
    ['notApplicable', 'notApplicable'],
    ['failed', 'unparseable'],
  ])('maps a whole-script error %s to %s, for every parser', (error, expected) => {
    const stdout = `\uFEFF${JSON.stringify({ error, message: 'アクセスが拒否されました。' })}\r\n`;
    for (const parse of ALL_PARSERS) {
      const outcome = parse(stdout, OBSERVED_AT);
      expect(problem(outcome)).toBe(expected);
      expect(outcome.ok ? null : outcome.detail).toBe('アクセスが拒否されました。');
    }
  });

  it('finds the JSON after a stray line and a byte-order mark', () => {
    const stdout = `\uFEFFWARNING: something\r\n${fixture('disk-bitlocker-on.txt')}`;
    expect(observation(parseDiskEncryption(stdout, OBSERVED_AT)).state).toBe('on');
  });
});

describe('firewall', () => {
  it('reports all three profiles on and no third-party firewall (Windows 11, normal)', () => {
    const result = observation(parseFirewall(fixture('firewall-win11-all-on.txt'), OBSERVED_AT));
    expect(result).toEqual({
      profiles: [
        { name: 'Domain', enabled: true },
        { name: 'Private', enabled: true },
        { name: 'Public', enabled: true },
      ],
      products: [],
    });
  });

  it('reads GpoBoolean as numbers and takes NotConfigured from the COM object, which says on', () => {
    const outcome = parseFirewall(fixture('firewall-notconfigured-numbers-third-party.txt'), OBSERVED_AT);
    const result = observation(outcome);
    expect(result.profiles).toEqual([
      { name: 'Domain', enabled: true },
      { name: 'Private', enabled: true },
      { name: 'Public', enabled: true },
    ]);
    expect(result.products).toEqual([{ name: 'ESET Firewall', enabled: true }]);
    expect(outcome.evidence.map((e) => e.source)).toEqual([
      'Get-NetFirewallProfile -PolicyStore ActiveStore',
      'HNetCfg.FwPolicy2 FirewallEnabled(1|2|4)',
      'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct',
    ]);
    expect(outcome.evidence[0]?.facts).toEqual({ Domain: '1', Private: '1', Public: '2' });
    expect(outcome.evidence[2]?.facts).toEqual({ products: 1, 'ESET Firewall': '0x041000' });
  });

  it('reports "NotConfigured" as what the COM object says (on), a profile whose sources disagree as unknown, and an off product (ja)', () => {
    const result = observation(parseFirewall(fixture('firewall-ja-public-off-disagreement.txt'), OBSERVED_AT));
    expect(result.profiles).toEqual([
      { name: 'Domain', enabled: true },
      { name: 'Private', enabled: null },
      { name: 'Public', enabled: false },
    ]);
    expect(result.products).toEqual([{ name: 'ウイルスバスター ファイアウォール', enabled: false }]);
  });

  it('treats a missing Security Center (Windows Server) as no products, not a failure', () => {
    const outcome = parseFirewall(fixture('firewall-server-no-securitycenter.txt'), OBSERVED_AT);
    expect(observation(outcome).products).toEqual([]);
    expect(outcome.evidence[2]?.facts).toMatchObject({ problem: 'notApplicable' });
  });

  it('fails with accessDenied when no profile source may be read (Japanese messages)', () => {
    const outcome = parseFirewall(fixture('firewall-access-denied-ja.txt'), OBSERVED_AT);
    expect(problem(outcome)).toBe('accessDenied');
    expect(outcome.ok ? null : outcome.detail).toBe('アクセスが拒否されました。');
  });

  it('falls back to the COM object when the cmdlet is missing', () => {
    const doc = JSON.parse(fixture('firewall-win11-all-on.txt')) as Record<string, unknown>;
    doc['profiles'] = { error: 'commandMissing', message: "The term 'Get-NetFirewallProfile' is not recognized" };
    const result = observation(parseFirewall(JSON.stringify(doc), OBSERVED_AT));
    expect(result.profiles.map((p) => p.enabled)).toEqual([true, true, true]);
  });
});

describe('antivirus', () => {
  const DEFENDER_NORMAL = {
    name: 'Microsoft Defender Antivirus',
    engine: 'defender',
    mode: 'active',
    realTimeProtection: true,
    definitionsUpdatedAt: '2024-11-20T03:12:45.000Z',
    definitionsUpToDate: true,
    definitionsVersion: '1.421.1650.0',
  };

  it('reports Defender once, although it is also registered in Security Center (normal)', () => {
    const outcome = parseAntivirus(fixture('antivirus-defender-normal.txt'), OBSERVED_AT);
    expect(observation(outcome).products).toEqual([{ ...DEFENDER_NORMAL, modeText: 'Normal' }]);
    expect(outcome.evidence[0]?.facts).toMatchObject({ AMRunningMode: 'Normal', AntivirusSignatureVersion: '1.421.1650.0' });
    expect(outcome.evidence[1]?.facts).toEqual({ products: 1, 'Windows Defender': '0x061100' });
  });

  it('[8-2] reports out-of-date definitions and reads a date with an offset as UTC', () => {
    const [defender] = observation(parseAntivirus(fixture('antivirus-defender-out-of-date.txt'), OBSERVED_AT)).products;
    expect(defender).toMatchObject({
      engine: 'defender',
      mode: 'active',
      definitionsUpToDate: false,
      definitionsUpdatedAt: '2024-09-02T01:00:00.000Z',
    });
  });

  it('reports passive Defender as present but not active, and the third-party antivirus as active', () => {
    const products = observation(parseAntivirus(fixture('antivirus-passive-defender-third-party.txt'), OBSERVED_AT)).products;
    expect(products).toEqual([
      { ...DEFENDER_NORMAL, mode: 'passive', modeText: 'Passive Mode', realTimeProtection: false },
      {
        name: 'ESET Endpoint Security',
        engine: 'securityCenter',
        mode: 'active',
        modeText: '0x041000',
        realTimeProtection: true,
        definitionsUpdatedAt: null,
        definitionsUpToDate: true,
        definitionsVersion: null,
      },
    ]);
  });

  it('reads the PowerShell 5.1 \\/Date(ms)\\/ form of the signature date', () => {
    const [defender] = observation(parseAntivirus(fixture('antivirus-ps51-date-form.txt'), OBSERVED_AT)).products;
    expect(defender).toMatchObject({ definitionsUpdatedAt: '2024-11-20T00:00:00.000Z', definitionsUpToDate: null });
  });

  it.each([
    ['EDR Block Mode', 'passive'],
    ['SxS Passive Mode', 'passive'],
    ['Not running', 'off'],
    ['Normal', 'active'],
    ['', 'active'],
    ['Some Future Mode', 'unrecognized'],
  ])('running mode %j makes Defender %s', (mode, expected) => {
    const doc = JSON.parse(fixture('antivirus-defender-normal.txt')) as { defender: Record<string, unknown> };
    doc.defender['runningMode'] = mode;
    const [defender] = observation(parseAntivirus(JSON.stringify(doc), OBSERVED_AT)).products;
    expect(defender?.mode).toBe(expected);
  });

  it('lists Security Center products when Get-MpComputerStatus is missing (off and out of date)', () => {
    const products = observation(parseAntivirus(fixture('antivirus-defender-missing-third-party.txt'), OBSERVED_AT)).products;
    expect(products).toEqual([
      {
        name: 'Trend Micro Apex One Antivirus',
        engine: 'securityCenter',
        mode: 'off',
        modeText: '0x040010',
        realTimeProtection: false,
        definitionsUpdatedAt: null,
        definitionsUpToDate: false,
        definitionsVersion: null,
      },
    ]);
  });

  it('decodes each productState through the parser, keeping Defender when only Security Center knows it (ja)', () => {
    const outcome = parseAntivirus(fixture('antivirus-security-center-states-ja.txt'), OBSERVED_AT);
    const products = observation(outcome).products.map((p) => [p.name, p.mode, p.definitionsUpToDate]);
    expect(products).toEqual([
      ['Windows Defender', 'active', true],
      ['ウイルスバスター クラウド', 'active', false],
      ['ESET Internet Security', 'off', true],
      ['Norton 360', 'active', true],
      ['McAfee LiveSafe', 'off', false],
      ['Kaspersky Standard', 'off', true],
      ['Avast Free Antivirus', 'active', true],
    ]);
    expect(outcome.evidence[0]?.facts).toMatchObject({ problem: 'commandMissing' });
  });

  it('fails with commandMissing where neither Defender nor Security Center exists (Windows Server)', () => {
    expect(problem(parseAntivirus(fixture('antivirus-server-no-defender.txt'), OBSERVED_AT))).toBe('commandMissing');
  });

  it('fails with accessDenied rather than claim there is no antivirus', () => {
    const outcome = parseAntivirus(fixture('antivirus-access-denied.txt'), OBSERVED_AT);
    expect(problem(outcome)).toBe('accessDenied');
    expect(outcome.evidence.map((e) => e.source)).toEqual([
      'Get-MpComputerStatus',
      'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct',
    ]);
  });
});

describe('OS version and updates', () => {
  it('[8-3] takes the cumulative security update, not the later definition update, driver or MSRT (Windows 11, en)', () => {
    const outcome = parseOsUpdates(fixture('os-updates-win11-en.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({
      osName: 'Windows 11 Pro',
      osVersion: '10.0.22631.4460',
      lastUpdateInstalledAt: '2024-11-13T02:41:07.000Z',
      lastUpdateTitle: '2024-11 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5046633)',
      automaticUpdates: true,
    });
    expect(outcome.evidence[0]?.facts).toMatchObject({ Caption: 'Microsoft Windows 11 Pro', UBR: 4460, DisplayVersion: '23H2' });
  });

  it('falls back to Get-HotFix, preferring a Japanese "security update" description and reading \\/Date\\/ (ja)', () => {
    const outcome = parseOsUpdates(fixture('os-updates-win11-ja-hotfix-fallback.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({
      osName: 'Windows 11 Pro',
      osVersion: '10.0.22631.4317',
      lastUpdateInstalledAt: '2024-10-14T15:00:00.000Z',
      lastUpdateTitle: 'KB5044284',
      automaticUpdates: false,
    });
    expect(outcome.evidence.find((e) => e.source.startsWith('Microsoft.Update.Session'))?.facts).toMatchObject({ problem: 'unparseable' });
  });

  it('reads Japanese titles without categories, ignores failed installs and uninstalls, and a disabled service (out of date)', () => {
    expect(observation(parseOsUpdates(fixture('os-updates-win10-ja-out-of-date.txt'), OBSERVED_AT))).toEqual({
      osName: 'Windows 10 Pro',
      osVersion: '10.0.19045.4170',
      lastUpdateInstalledAt: '2024-03-13T01:20:00.000Z',
      lastUpdateTitle: '2024-03 x64 ベース システム用 Windows 10 Version 22H2 の累積更新プログラム (KB5035845)',
      automaticUpdates: false,
    });
  });

  it('fails with accessDenied when the OS itself cannot be read', () => {
    expect(problem(parseOsUpdates(fixture('os-updates-wmi-access-denied.txt'), OBSERVED_AT))).toBe('accessDenied');
  });

  it.each([
    [{ notificationLevel: 4, policyNoAutoUpdate: null, policyAuOptions: null, serviceStartType: 'Manual' }, true],
    [{ notificationLevel: 4, policyNoAutoUpdate: 1, policyAuOptions: null, serviceStartType: 'Manual' }, false],
    [{ notificationLevel: 0, policyNoAutoUpdate: 0, policyAuOptions: 4, serviceStartType: 'Manual' }, true],
    [{ notificationLevel: 4, policyNoAutoUpdate: 0, policyAuOptions: 3, serviceStartType: 'Manual' }, false],
    [{ notificationLevel: 2, policyNoAutoUpdate: null, policyAuOptions: null, serviceStartType: 'Manual' }, false],
    [{ notificationLevel: 0, policyNoAutoUpdate: null, policyAuOptions: null, serviceStartType: 'Manual' }, null],
    [{ notificationLevel: null, policyNoAutoUpdate: null, policyAuOptions: 5, serviceStartType: null }, null],
  ])('automatic updates from %j: %s', (autoUpdate, expected) => {
    const doc = JSON.parse(fixture('os-updates-win11-en.txt')) as Record<string, unknown>;
    doc['autoUpdate'] = autoUpdate;
    expect(observation(parseOsUpdates(JSON.stringify(doc), OBSERVED_AT)).automaticUpdates).toBe(expected);
  });
});

describe('disk encryption', () => {
  it.each([
    ['disk-bitlocker-on.txt', { volume: 'C:', state: 'on', method: 'BitLocker' }],
    ['disk-bitlocker-off.txt', { volume: 'C:', state: 'off', method: 'none' }],
    ['disk-bitlocker-suspended.txt', { volume: 'C:', state: 'suspended', method: 'BitLocker' }],
    ['disk-bitlocker-no-value.txt', { volume: 'C:', state: 'unrecognized', method: null, raw: 'BitLockerProtection none' }],
  ])('%s', (name, expected) => {
    expect(observation(parseDiskEncryption(fixture(name), OBSERVED_AT))).toMatchObject(expected);
  });

  it.each([
    [1, 'on'],
    [2, 'off'],
    [3, 'encrypting'],
    [4, 'decrypting'],
    [5, 'suspended'],
    [6, 'locked'],
    [7, 'unrecognized'],
    [8, 'pending'],
    [0, 'unrecognized'],
  ])('BitLockerProtection %i is %s', (value, state) => {
    const outcome = parseDiskEncryption(JSON.stringify({ systemDrive: 'D:', protection: value }), OBSERVED_AT);
    expect(observation(outcome)).toMatchObject({ volume: 'D:', state, raw: `BitLockerProtection ${value}` });
    expect(outcome.evidence[0]?.facts['BitLockerProtection']).toBe(value);
  });
});

describe('screen lock', () => {
  it('locks with the secure screen saver, the shortest of saver and sleep (en)', () => {
    const outcome = parseScreenLock(fixture('screen-lock-secure-saver-en.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({ lockEnabled: true, idleSeconds: 600, passwordRequired: true, passwordDelaySeconds: 0 });
    expect(outcome.evidence[0]?.facts).toMatchObject({
      VIDEOIDLE_AC: 600,
      VIDEOIDLE_DC: 300,
      STANDBYIDLE_AC: 1800,
      STANDBYIDLE_DC: 900,
      CONSOLELOCK_AC: 1,
    });
  });

  it('applies the policy over the user value and takes the machine inactivity limit when shorter (ja powercfg)', () => {
    const outcome = parseScreenLock(fixture('screen-lock-policy-inactivity-ja.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({ lockEnabled: true, idleSeconds: 900, passwordRequired: true, passwordDelaySeconds: 0 });
    expect(outcome.evidence[0]?.facts).toMatchObject({
      ScreenSaveTimeOut: 1200,
      ScreenSaverIsSecure: true,
      VIDEOIDLE_AC: 900,
      VIDEOIDLE_DC: 180,
      STANDBYIDLE_AC: 0,
    });
  });

  it('does not count a screen saver that is "(None)", sleep that never happens on AC, or display off (off)', () => {
    expect(observation(parseScreenLock(fixture('screen-lock-nothing-locks-en.txt'), OBSERVED_AT))).toEqual({
      lockEnabled: false,
      idleSeconds: null,
      passwordRequired: true,
      passwordDelaySeconds: null,
    });
  });

  it('reports sleep without a password on wake as starting but not locking (ja)', () => {
    const outcome = parseScreenLock(fixture('screen-lock-sleep-without-password-ja.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({ lockEnabled: true, idleSeconds: 1800, passwordRequired: false, passwordDelaySeconds: null });
    expect(outcome.evidence[0]?.facts).toMatchObject({ VIDEOIDLE_AC: null, CONSOLELOCK_AC: 0, CONSOLELOCK_DC: 0 });
  });
});

describe('Wi-Fi', () => {
  it('reads an English Windows 11 connection to a WPA2-Personal network', () => {
    const outcome = parseWifi(fixture('wifi-en-win11-wpa2-personal.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({ state: 'connected', ssid: 'ServiceNet', security: 'wpa2' });
    expect(outcome.evidence[0]?.facts).toMatchObject({ authentication: 'WPA2-Personal', cipher: 'CCMP', interfaces: 1 });
  });

  it('[13-13] reads a Japanese Windows 11 connection to an open network without reading any label', () => {
    const outcome = parseWifi(fixture('wifi-ja-win11-open.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({ state: 'connected', ssid: '病院ゲスト', security: 'open' });
    expect(outcome.evidence[0]?.facts).toMatchObject({ authentication: 'オープン', cipher: 'なし', codePage: 932 });
  });

  it('reads a translated enterprise authentication (ja)', () => {
    expect(observation(parseWifi(fixture('wifi-ja-wpa2-enterprise.txt'), OBSERVED_AT))).toEqual({
      state: 'connected',
      ssid: 'HOSP-STAFF',
      security: 'enterprise',
    });
  });

  it('[13-13] reports WEP from the cipher (Windows 10, no "Interface type" line)', () => {
    expect(observation(parseWifi(fixture('wifi-en-win10-wep.txt'), OBSERVED_AT))).toEqual({
      state: 'connected',
      ssid: 'LAB-OLD',
      security: 'wep',
    });
  });

  it('reads WPA3 in the Windows 11 24H2 layout (AP BSSID, Band and Channel first)', () => {
    const outcome = parseWifi(fixture('wifi-en-win11-24h2-wpa3.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({ state: 'connected', ssid: 'Clinic-Secure', security: 'wpa3' });
    expect(outcome.evidence[0]?.facts).toMatchObject({ akm: '00-0f-ac:08' });
  });

  it('falls back to the language-neutral AKM suite when the authentication text is unknown', () => {
    const doc = JSON.parse(fixture('wifi-en-win11-24h2-wpa3.txt')) as { lines: string[] };
    doc.lines = doc.lines.map((l) => l.replace('WPA3-Personal', 'Personnel-WPA-à-venir'));
    expect(observation(parseWifi(JSON.stringify(doc), OBSERVED_AT)).security).toBe('wpa3');
  });

  it.each(['wifi-en-no-interface.txt', 'wifi-ja-no-interface.txt', 'wifi-ja-wlansvc-stopped.txt', 'wifi-ja-disconnected.txt'])(
    '%s: not connected, which the evaluator passes as not applicable',
    (name) => {
      expect(observation(parseWifi(fixture(name), OBSERVED_AT))).toEqual({ state: 'notConnected', ssid: null, security: null });
    },
  );

  it('calls netsh output it cannot place unparseable when an adapter exists and WLAN runs', () => {
    const doc = { wlanService: 'Running', wifiAdapters: 1, codePage: 932, exitCode: 1, lines: ['ÉVÉXÉeÉÄ (mojibake)', ''] };
    expect(problem(parseWifi(JSON.stringify(doc), OBSERVED_AT))).toBe('unparseable');
  });

  it('reports the weakest of two connected adapters', () => {
    const en = (JSON.parse(fixture('wifi-en-win11-wpa2-personal.txt')) as { lines: string[] }).lines;
    const ja = (JSON.parse(fixture('wifi-ja-win11-open.txt')) as { lines: string[] }).lines;
    const doc = { wlanService: 'Running', wifiAdapters: 2, codePage: 932, exitCode: 0, lines: [...en.slice(0, -3), '', ...ja.slice(3)] };
    expect(observation(parseWifi(JSON.stringify(doc), OBSERVED_AT))).toEqual({ state: 'connected', ssid: '病院ゲスト', security: 'open' });
  });
});

describe('remote access', () => {
  it('reports nothing when nothing listens and RDP is off', () => {
    expect(observation(parseRemoteAccess(fixture('remote-access-none.txt'), OBSERVED_AT))).toEqual({ listening: [] });
  });

  it('[7-12] reports RDP and SSH once per port, IPv4 and IPv6 together', () => {
    expect(observation(parseRemoteAccess(fixture('remote-access-rdp-ssh.txt'), OBSERVED_AT))).toEqual({
      listening: [
        { service: 'rdp', port: 3389, detail: 'svchost on 0.0.0.0, ::' },
        { service: 'ssh', port: 22, detail: 'sshd on 0.0.0.0, ::' },
      ],
    });
  });

  it('reports a VNC server listening on loopback only as such (ja)', () => {
    expect(observation(parseRemoteAccess(fixture('remote-access-vnc-loopback-ja.txt'), OBSERVED_AT))).toEqual({
      listening: [{ service: 'vnc', port: 5900, detail: 'tvnserver on 127.0.0.1 (loopback only)' }],
    });
  });

  it('still reports enabled RDP and running sshd when the sockets cannot be read', () => {
    const outcome = parseRemoteAccess(fixture('remote-access-sockets-denied.txt'), OBSERVED_AT);
    expect(observation(outcome)).toEqual({
      listening: [
        { service: 'rdp', port: null, detail: 'Remote Desktop allowed (fDenyTSConnections=0)' },
        { service: 'ssh', port: null, detail: 'sshd service running' },
      ],
    });
    expect(outcome.evidence[0]?.facts).toMatchObject({ problem: 'accessDenied' });
  });

  it('fails with accessDenied when neither sockets nor services can be read', () => {
    expect(problem(parseRemoteAccess(fixture('remote-access-all-denied.txt'), OBSERVED_AT))).toBe('accessDenied');
  });

  it('maps a moved RDP port', () => {
    const doc = {
      listeners: [{ port: 13389, address: '0.0.0.0', process: 'svchost' }],
      rdp: { fDenyTSConnections: 0, portNumber: 13389 },
      services: [],
    };
    expect(observation(parseRemoteAccess(JSON.stringify(doc), OBSERVED_AT)).listening).toEqual([
      { service: 'rdp', port: 13389, detail: 'svchost on 0.0.0.0' },
    ]);
  });
});

describe('the scripts', () => {
  const scripts = {
    FIREWALL_SCRIPT,
    ANTIVIRUS_SCRIPT,
    OS_UPDATES_SCRIPT,
    DISK_ENCRYPTION_SCRIPT,
    SCREEN_LOCK_SCRIPT,
    WIFI_SCRIPT,
    REMOTE_ACCESS_SCRIPT,
  };

  it.each(Object.entries(scripts))('%s prints compressed JSON and never formats text for reading', (_name, script) => {
    expect(script).toContain('ConvertTo-Json -InputObject $result -Depth 5 -Compress');
    expect(script).toContain('Invoke-Probe {');
    expect(script).not.toMatch(/Format-(List|Table)|Out-String|Select-String/);
    // String.raw kept every backslash of registry paths.
    if (script.includes('HKLM:')) expect(script).toMatch(/HKLM:\\S/);
  });
});

describe('createWindowsProbes', () => {
  const byScript: [string, string][] = [
    [FIREWALL_SCRIPT, 'firewall-win11-all-on.txt'],
    [ANTIVIRUS_SCRIPT, 'antivirus-passive-defender-third-party.txt'],
    [OS_UPDATES_SCRIPT, 'os-updates-win11-en.txt'],
    [DISK_ENCRYPTION_SCRIPT, 'disk-bitlocker-on.txt'],
    [SCREEN_LOCK_SCRIPT, 'screen-lock-secure-saver-en.txt'],
    [WIFI_SCRIPT, 'wifi-ja-win11-open.txt'],
    [REMOTE_ACCESS_SCRIPT, 'remote-access-rdp-ssh.txt'],
  ];

  it("runs each probe's script with its time limit and parses the answer", async () => {
    const calls: { script: string; options: RunOptions | undefined }[] = [];
    const recorded = async (script: string, options?: RunOptions): Promise<CommandOutcome> => {
      calls.push({ script, options });
      const name = byScript.find(([s]) => s === script)?.[1];
      return name
        ? { ok: true, stdout: fixture(name), stderr: '', exitCode: 0 }
        : { ok: false, problem: 'unparseable', stdout: '', stderr: '', exitCode: 1 };
    };
    const probes = createWindowsProbes({ runPowerShell: recorded });
    expect(probes.os).toBe('windows');
    const outcomes = await Promise.all([
      probes.firewall(),
      probes.antivirus(),
      probes.osUpdates(),
      probes.diskEncryption(),
      probes.screenLock(),
      probes.wifi(),
      probes.remoteAccess(),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true, true, true, true]);
    expect(calls).toHaveLength(7);
    expect(calls.find((c) => c.script === OS_UPDATES_SCRIPT)?.options).toEqual({ timeoutMs: OS_UPDATES_TIMEOUT_MS });
  });

  it("reports a timeout or a missing powershell.exe as the probe's problem, and still parses a script error printed before a non-zero exit", async () => {
    const timeout = createWindowsProbes({
      runPowerShell: async () => ({ ok: false, problem: 'timeout', stdout: '', stderr: '', exitCode: null }),
    });
    expect(problem(await timeout.osUpdates())).toBe('timeout');
    const missing = createWindowsProbes({
      runPowerShell: async () => ({ ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null }),
    });
    expect(problem(await missing.firewall())).toBe('commandMissing');
    const denied = createWindowsProbes({
      runPowerShell: async () => ({
        ok: false,
        problem: 'unparseable',
        stdout: '{"error":"accessDenied","message":"Access is denied."}',
        stderr: '',
        exitCode: 1,
      }),
    });
    expect(problem(await denied.diskEncryption())).toBe('accessDenied');
  });
});
