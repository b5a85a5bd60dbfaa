/**
 * The macOS probes of the security self-check, on recorded command output: every parser
 * against test/fixtures/self-check/macos (normal, switched off, out of date, refused, missing
 * commands, encryption in progress, each kind of Wi-Fi, Japanese text), and the probes
 * themselves with a stand-in runner that replays those recordings, so the fallbacks and the
 * "no tool → no guess" rule are checked on any OS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProbeOutcome, ProbeProblem } from '../../electron/core/self-check/self-check-observations';
import type { CommandOutcome, RunOptions } from '../../electron/platform/self-check/run-probe-command';
import {
  FIREWALL_PROFILER_SOURCE,
  SOCKETFILTERFW_SOURCE,
  parseFirewallProfilerJson,
  parseSocketfilterfwGlobalState,
} from '../../electron/platform/self-check/macos/firewall';
import { FDESETUP_SOURCE, parseFdesetupStatus } from '../../electron/platform/self-check/macos/filevault';
import { INSTALL_HISTORY_SOURCE, parseInstallHistory } from '../../electron/platform/self-check/macos/install-history';
import { createMacosProbes } from '../../electron/platform/self-check/macos/macos-probes';
import { answerOf, shareWhileRunning, type Answer, type CommandRunner } from '../../electron/platform/self-check/macos/macos-answers';
import {
  SOFTWARE_UPDATE_PREFS_SOURCE,
  SW_VERS_SOURCE,
  parseOsUpdates,
  parseSwVers,
} from '../../electron/platform/self-check/macos/os-updates';
import { NETSTAT_SOURCE, parseNetstatListeners } from '../../electron/platform/self-check/macos/remote-access';
import {
  PMSET_SOURCE,
  SCREENSAVER_IDLE_SOURCE,
  SYSADMINCTL_SOURCE,
  parseScreenLock,
} from '../../electron/platform/self-check/macos/screen-lock';
import { AIRPORT_SOURCE, parseAirPortReport, wifiSecurityFromMode } from '../../electron/platform/self-check/macos/wifi';
import { CORESERVICES_BUNDLE_SOURCE, PROTECTED_BUNDLE_SOURCE, parseXprotect } from '../../electron/platform/self-check/macos/xprotect';

const AT = new Date('2026-11-26T03:00:00Z');

/** A recorded output without its "# Source:" header line. */
function fixture(name: string): string {
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures/self-check/macos', name), 'utf8');
  return text.slice(text.indexOf('\n') + 1);
}

/** A recording of several outputs, split at its "--- name ---" lines. */
function sections(name: string): Readonly<Record<string, string>> {
  const parts = fixture(name).split(/^--- ([\w-]+) ---\n/m);
  const found: Record<string, string> = {};
  for (let i = 1; i + 1 < parts.length; i += 2) found[parts[i]!] = parts[i + 1]!;
  return found;
}

function section(name: string, part: string): string {
  const text = sections(name)[part];
  if (text === undefined) throw new Error(`${name} has no section ${part}`);
  return text;
}

const answered = (text: string): Answer => ({ ok: true, text });
const refused = (problem: ProbeProblem, text = ''): Answer => ({ ok: false, problem, text });

function observation<T>(outcome: ProbeOutcome<T>): T {
  if (!outcome.ok) throw new Error(`expected an observation, got ${outcome.problem}: ${outcome.detail ?? ''}`);
  return outcome.observation;
}

function factsOf<T>(outcome: ProbeOutcome<T>, source: string): Readonly<Record<string, unknown>> {
  const item = outcome.evidence.find((e) => e.source === source);
  if (item === undefined) throw new Error(`no evidence from ${source}`);
  return item.facts;
}

describe('firewall (socketfilterfw, system_profiler)', () => {
  it('reads on, off and block-all from the State number', () => {
    expect(observation(parseSocketfilterfwGlobalState(section('socketfilterfw.txt', 'enabled'), AT))).toEqual({
      profiles: [{ name: 'global', enabled: true }],
      products: [],
    });
    expect(observation(parseSocketfilterfwGlobalState(section('socketfilterfw.txt', 'disabled'), AT)).profiles).toEqual([
      { name: 'global', enabled: false },
    ]);
    const blockAll = parseSocketfilterfwGlobalState(section('socketfilterfw.txt', 'block-all'), AT);
    expect(observation(blockAll).profiles).toEqual([{ name: 'global', enabled: true }]);
    expect(blockAll.evidence).toEqual([
      { source: SOCKETFILTERFW_SOURCE, observedAt: AT.toISOString(), facts: { enabled: true, state: 2, blockAll: true } },
    ]);
  });

  it('falls back to the words when a release prints no State number', () => {
    expect(observation(parseSocketfilterfwGlobalState(section('socketfilterfw.txt', 'no-state'), AT)).profiles[0]?.enabled).toBe(true);
    expect(observation(parseSocketfilterfwGlobalState('Firewall is disabled.\n', AT)).profiles[0]?.enabled).toBe(false);
  });

  it('does not read the managed-Mac refusal or an unknown state as off', () => {
    const managed = parseSocketfilterfwGlobalState(section('socketfilterfw.txt', 'managed'), AT);
    expect(managed).toMatchObject({ ok: false, problem: 'unparseable', detail: expect.stringContaining('managed Mac') });
    expect(parseSocketfilterfwGlobalState('Firewall is enabled. (State = 7)', AT)).toMatchObject({ ok: false, problem: 'unparseable' });
    expect(parseSocketfilterfwGlobalState('', AT)).toMatchObject({ ok: false, problem: 'unparseable' });
  });

  it('reads system_profiler global states', () => {
    const on = parseFirewallProfilerJson(fixture('sp-firewall-on.json'), AT);
    expect(observation(on).profiles).toEqual([{ name: 'global', enabled: true }]);
    expect(factsOf(on, FIREWALL_PROFILER_SOURCE)).toEqual({ globalState: 'spfirewall_globalstate_limit_connections', enabled: true });
    expect(observation(parseFirewallProfilerJson(fixture('sp-firewall-off.json'), AT)).profiles).toEqual([
      { name: 'global', enabled: false },
    ]);
  });

  it('reports an unknown system_profiler state or broken JSON as unparseable', () => {
    const odd = fixture('sp-firewall-on.json').replace('spfirewall_globalstate_limit_connections', 'spfirewall_globalstate_something_new');
    expect(parseFirewallProfilerJson(odd, AT)).toMatchObject({ ok: false, problem: 'unparseable' });
    expect(parseFirewallProfilerJson('{"SPFirewallDataType": [', AT)).toMatchObject({ ok: false, problem: 'unparseable' });
    expect(parseFirewallProfilerJson('{"SPFirewallDataType": [{}]}', AT)).toMatchObject({ ok: false, problem: 'unparseable' });
  });
});

describe('install history', () => {
  it('keeps every named entry with its date as ISO UTC and its source', () => {
    const history = parseInstallHistory(fixture('install-history-current.json'));
    expect(history.ok).toBe(true);
    if (!history.ok) return;
    expect(history.value).toHaveLength(9);
    expect(history.value[2]).toEqual({ name: 'macOS 26.1', installedAt: '2025-11-05T12:31:07.000Z', version: '26.1', fromApple: true });
    expect(history.value.find((r) => r.name === 'Microsoft Teams')?.fromApple).toBe(false);
  });

  it('skips an entry without a name instead of rejecting the history', () => {
    const json = JSON.stringify({
      SPInstallHistoryDataType: [{ install_date: '2025-01-01T00:00:00Z' }, { _name: 'macOS 15.2', install_date: 'not a date' }],
    });
    expect(parseInstallHistory(json)).toEqual({
      ok: true,
      value: [{ name: 'macOS 15.2', installedAt: null, version: null, fromApple: null }],
    });
  });
});

describe('antivirus (XProtect)', () => {
  const plutil = (part: string): Answer => answered(section('xprotect-plutil.txt', part));

  it('reports XProtect as active real-time protection with its newest version and update date (macOS 15+)', () => {
    const outcome = parseXprotect(
      {
        protectedBundle: plutil('sequoia-protected'),
        coreServicesBundle: plutil('sequoia-coreservices'),
        installHistory: answered(fixture('install-history-current.json')),
      },
      AT,
    );
    expect(observation(outcome).products).toEqual([
      {
        name: 'XProtect',
        engine: 'xprotect',
        mode: 'active',
        realTimeProtection: true,
        definitionsUpdatedAt: '2025-11-18T01:22:09.000Z',
        definitionsUpToDate: null,
        definitionsVersion: '5329',
        // The bundle (5329) is newer than the history's rules (5328): the date is "at least this recent".
        definitionsDateIsLowerBound: true,
      },
    ]);
    expect(factsOf(outcome, INSTALL_HISTORY_SOURCE)).toMatchObject({ rulesVersion: '5328', remediatorVersion: '158' });
    expect(outcome.evidence.map((e) => e.source)).toEqual([PROTECTED_BUNDLE_SOURCE, CORESERVICES_BUNDLE_SOURCE, INSTALL_HISTORY_SOURCE]);
  });

  it('shows old definitions as old: the newest XProtect entry of an outdated Mac (macOS 14, no /var/protected copy)', () => {
    const outcome = parseXprotect(
      {
        protectedBundle: plutil('sonoma-protected'),
        coreServicesBundle: plutil('sonoma-coreservices'),
        installHistory: answered(fixture('install-history-outdated.json')),
      },
      AT,
    );
    expect(observation(outcome).products[0]).toMatchObject({
      definitionsUpdatedAt: '2024-05-14T22:41:03.000Z',
      definitionsVersion: '5266',
    });
    expect(factsOf(outcome, PROTECTED_BUNDLE_SOURCE)).toEqual({ version: null, found: false });
  });

  it('reports no product when both bundles are gone, and keeps the history date when plutil is missing', () => {
    const gone = parseXprotect(
      {
        protectedBundle: plutil('sonoma-protected'),
        coreServicesBundle: plutil('removed-coreservices'),
        installHistory: answered(fixture('install-history-current.json')),
      },
      AT,
    );
    expect(observation(gone)).toEqual({ products: [] });
    const noPlutil = parseXprotect(
      {
        protectedBundle: refused('commandMissing'),
        coreServicesBundle: refused('commandMissing'),
        installHistory: answered(fixture('install-history-outdated.json')),
      },
      AT,
    );
    expect(observation(noPlutil).products[0]).toMatchObject({
      definitionsVersion: '5266',
      definitionsUpdatedAt: '2024-05-14T22:41:03.000Z',
    });
  });

  it('says why when nothing could be read', () => {
    const outcome = parseXprotect(
      {
        protectedBundle: refused('timeout'),
        coreServicesBundle: refused('accessDenied', 'Operation not permitted'),
        installHistory: refused('timeout'),
      },
      AT,
    );
    expect(outcome).toMatchObject({ ok: false, problem: 'accessDenied' });
    expect(outcome.evidence).toHaveLength(3);
  });
});

describe('OS version and updates', () => {
  const prefs = (part: string): Answer => answered(section('softwareupdate-prefs.txt', part));

  it('reads an up-to-date Mac: version, the last macOS update (not the apps after it), automatic updates on', () => {
    const outcome = parseOsUpdates(
      {
        swVers: answered(section('sw-vers.txt', 'current')),
        installHistory: answered(fixture('install-history-current.json')),
        softwareUpdatePrefs: prefs('automatic'),
      },
      AT,
    );
    expect(observation(outcome)).toEqual({
      osName: 'macOS',
      osVersion: '26.1',
      lastUpdateInstalledAt: '2025-11-05T12:31:07.000Z',
      lastUpdateTitle: 'macOS 26.1',
      automaticUpdates: true,
    });
    expect(factsOf(outcome, SW_VERS_SOURCE)).toEqual({
      productName: 'macOS',
      productVersion: '26.1',
      buildVersion: '25B78',
      productVersionExtra: null,
    });
  });

  it('reads an out-of-date Mac with "Install macOS updates" off', () => {
    const outcome = parseOsUpdates(
      {
        swVers: answered(section('sw-vers.txt', 'outdated')),
        installHistory: answered(fixture('install-history-outdated.json')),
        softwareUpdatePrefs: prefs('manual'),
      },
      AT,
    );
    expect(observation(outcome)).toEqual({
      osName: 'macOS',
      osVersion: '14.4.1',
      lastUpdateInstalledAt: '2024-04-02T06:10:44.000Z',
      lastUpdateTitle: 'macOS Sonoma 14.4.1',
      automaticUpdates: false,
    });
    expect(factsOf(outcome, SOFTWARE_UPDATE_PREFS_SOURCE)).toMatchObject({
      AutomaticallyInstallMacOSUpdates: false,
      CriticalUpdateInstall: true,
    });
  });

  it('recognises a Rapid Security Response recorded under a Japanese title, and keeps the (c) in the evidence only', () => {
    const outcome = parseOsUpdates(
      {
        swVers: answered(section('sw-vers.txt', 'rsr')),
        installHistory: answered(fixture('install-history-ja.json')),
        softwareUpdatePrefs: prefs('partial'),
      },
      AT,
    );
    expect(observation(outcome)).toMatchObject({
      osVersion: '13.4.1',
      lastUpdateTitle: '緊急セキュリティ対応 macOS Ventura 13.4.1 (c)',
      lastUpdateInstalledAt: '2023-07-13T00:48:36.000Z',
      automaticUpdates: null,
    });
    expect(factsOf(outcome, SW_VERS_SOURCE)).toMatchObject({ productVersionExtra: '(c)' });
  });

  it('reports settings never changed as unknown, not as the default', () => {
    const outcome = parseOsUpdates(
      {
        swVers: answered(section('sw-vers.txt', 'current')),
        installHistory: answered(fixture('install-history-current.json')),
        softwareUpdatePrefs: refused('unparseable', section('softwareupdate-prefs.txt', 'never-changed')),
      },
      AT,
    );
    expect(observation(outcome).automaticUpdates).toBeNull();
    expect(factsOf(outcome, SOFTWARE_UPDATE_PREFS_SOURCE)).toMatchObject({ domainMissing: true });
  });

  it('keeps the version when the install history times out, and fails only without sw_vers', () => {
    const noHistory = parseOsUpdates(
      { swVers: answered(section('sw-vers.txt', 'current')), installHistory: refused('timeout'), softwareUpdatePrefs: prefs('automatic') },
      AT,
    );
    expect(observation(noHistory)).toMatchObject({ osVersion: '26.1', lastUpdateInstalledAt: null, lastUpdateTitle: null });
    expect(factsOf(noHistory, INSTALL_HISTORY_SOURCE)).toMatchObject({ problem: 'timeout' });
    const noSwVers = parseOsUpdates(
      { swVers: refused('commandMissing'), installHistory: refused('timeout'), softwareUpdatePrefs: prefs('automatic') },
      AT,
    );
    expect(noSwVers).toMatchObject({ ok: false, problem: 'commandMissing' });
  });

  it('parses sw_vers only when the version is dotted numbers', () => {
    expect(parseSwVers('ProductName:\tMac OS X\nProductVersion:\t10.15.7\nBuildVersion:\t19H2026\n')).toEqual({
      name: 'Mac OS X',
      version: '10.15.7',
      build: '19H2026',
      extra: null,
    });
    expect(parseSwVers('ProductName:\tmacOS\nProductVersion:\tunknown\n')).toBeNull();
  });
});

describe('disk encryption (FileVault)', () => {
  const status = (part: string) => parseFdesetupStatus(section('fdesetup.txt', part), AT);

  it('reads On and Off', () => {
    expect(observation(status('on'))).toMatchObject({ volume: '/', state: 'on', method: 'FileVault' });
    expect(observation(status('off'))).toMatchObject({ volume: '/', state: 'off', method: 'none' });
  });

  it('reports encryption or decryption in progress as such, with the state and percentage as evidence', () => {
    const encrypting = status('encrypting');
    expect(observation(encrypting)).toEqual({ volume: '/', state: 'encrypting', method: 'FileVault', raw: 'encrypting', percent: 42.3 });
    expect(factsOf(encrypting, FDESETUP_SOURCE)).toEqual({ state: 'encrypting', percentCompleted: 42.3 });
    expect(factsOf(status('encrypting-pending'), FDESETUP_SOURCE)).toEqual({ state: 'encrypting', percentCompleted: null });
    expect(observation(status('decrypting')).state).toBe('decrypting');
    expect(factsOf(status('decrypting'), FDESETUP_SOURCE)).toMatchObject({ state: 'decrypting' });
  });

  it('reports FileVault scheduled for the next login or restart as pending (not encrypted yet)', () => {
    expect(observation(status('deferred'))).toMatchObject({ volume: '/', state: 'pending', method: 'FileVault' });
    expect(factsOf(status('deferred'), FDESETUP_SOURCE)).toMatchObject({ state: 'deferred' });
    expect(observation(parseFdesetupStatus('FileVault is Off, but will be enabled after the next restart.\n', AT)).state).toBe('pending');
  });

  it('does not guess from anything else', () => {
    expect(parseFdesetupStatus('Error: Unable to get FileVault status.\n', AT)).toMatchObject({ ok: false, problem: 'unparseable' });
  });
});

describe('screen lock (sysadminctl on stderr, screen saver idleTime, pmset displaysleep)', () => {
  const answers = (name: string) => ({
    sysadminctl: answered(section(name, 'sysadminctl')),
    screensaverIdleTime: answered(section(name, 'idleTime')),
    pmset: answered(section(name, 'pmset')),
  });

  it('locks at the first of screen saver and display sleep when the password is asked immediately', () => {
    const outcome = parseScreenLock(answers('screenlock-normal.txt'), AT);
    expect(observation(outcome)).toEqual({ lockEnabled: true, idleSeconds: 300, passwordRequired: true, passwordDelaySeconds: 0 });
    expect(factsOf(outcome, SYSADMINCTL_SOURCE)).toEqual({ screenLock: 'on', delaySeconds: 0 });
    expect(factsOf(outcome, PMSET_SOURCE)).toEqual({ displaySleepMinutes: 10, sleepPreventedBy: null });
  });

  it('reports everything off as off', () => {
    expect(observation(parseScreenLock(answers('screenlock-off.txt'), AT))).toEqual({
      lockEnabled: false,
      idleSeconds: null,
      passwordRequired: false,
      passwordDelaySeconds: null,
    });
  });

  it('keeps the password delay apart from the idle time, and uses display sleep alone when the screen saver time was never set', () => {
    const outcome = parseScreenLock(
      { ...answers('screenlock-delayed.txt'), screensaverIdleTime: refused('unparseable', section('screenlock-delayed.txt', 'idleTime')) },
      AT,
    );
    expect(observation(outcome)).toEqual({ lockEnabled: true, idleSeconds: 600, passwordRequired: true, passwordDelaySeconds: 300 });
    expect(factsOf(outcome, SCREENSAVER_IDLE_SOURCE)).toEqual({ idleTimeSeconds: null, notSet: true });
    expect(factsOf(outcome, PMSET_SOURCE)).toMatchObject({ sleepPreventedBy: 'display sleep prevented by Microsoft Teams' });
  });

  it('reports a refusal by sysadminctl as unknown password and unknown delay, keeping the timers', () => {
    const outcome = parseScreenLock(answers('screenlock-denied.txt'), AT);
    expect(observation(outcome)).toEqual({ lockEnabled: true, idleSeconds: 600, passwordRequired: null, passwordDelaySeconds: null });
    expect(factsOf(outcome, SYSADMINCTL_SOURCE)).toMatchObject({ problem: 'accessDenied' });
  });

  it('reads "delay is -1 seconds" as off, and never-set screen saver with display never sleeping as unknown', () => {
    const outcome = parseScreenLock(
      {
        sysadminctl: answered('2024-05-01 10:00:00.000 sysadminctl[1:2] screenLock delay is -1.000000 seconds'),
        screensaverIdleTime: refused('unparseable', 'The domain/default pair of (com.apple.screensaver, idleTime) does not exist'),
        pmset: answered(section('screenlock-off.txt', 'pmset')),
      },
      AT,
    );
    expect(observation(outcome)).toEqual({ lockEnabled: null, idleSeconds: null, passwordRequired: false, passwordDelaySeconds: null });
  });

  it('fails only when none of the three commands answered', () => {
    const outcome = parseScreenLock(
      { sysadminctl: refused('commandMissing'), screensaverIdleTime: refused('timeout'), pmset: refused('commandMissing') },
      AT,
    );
    expect(outcome).toMatchObject({ ok: false, problem: 'commandMissing' });
    expect(outcome.evidence).toHaveLength(3);
  });
});

describe('Wi-Fi (system_profiler SPAirPortDataType)', () => {
  const wifi = (name: string) => parseAirPortReport(fixture(name), AT);

  it('reads the SSID and WPA2/WPA3 security of the joined network', () => {
    expect(observation(wifi('airport-wpa2-personal.json'))).toEqual({ state: 'connected', ssid: 'FieldNet-5G', security: 'wpa2' });
    expect(observation(wifi('airport-wpa3-personal.json'))).toEqual({ state: 'connected', ssid: 'Clinic-Staff', security: 'wpa3' });
    expect(observation(wifi('airport-enterprise.json'))).toEqual({ state: 'connected', ssid: null, security: 'enterprise' });
  });

  it('keeps the security when macOS redacts the SSID, and tolerates the misspelt mode prefix', () => {
    const outcome = wifi('airport-wpa3-redacted.json');
    expect(observation(outcome)).toEqual({ state: 'connected', ssid: null, security: 'wpa2' });
    expect(factsOf(outcome, AIRPORT_SOURCE)).toMatchObject({ ssidRedacted: true, securityMode: 'pairport_security_mode_wpa3_transition' });
  });

  it('reports open and WEP networks as such, with a Japanese SSID intact and kept out of the evidence', () => {
    const open = wifi('airport-open-ja.json');
    expect(observation(open)).toEqual({ state: 'connected', ssid: '病院ゲストWi-Fi', security: 'open' });
    expect(JSON.stringify(open.evidence)).not.toContain('病院');
    expect(observation(wifi('airport-wep.json'))).toEqual({ state: 'connected', ssid: 'LAB-WEP', security: 'wep' });
  });

  it('stays connected with unknown security when macOS gives no network details', () => {
    const report = JSON.parse(fixture('airport-wpa2-personal.json')) as {
      SPAirPortDataType: { spairport_airport_interfaces: Record<string, unknown>[] }[];
    };
    delete report.SPAirPortDataType[0]!.spairport_airport_interfaces[0]!['spairport_current_network_information'];
    expect(observation(parseAirPortReport(JSON.stringify(report), AT))).toEqual({ state: 'connected', ssid: null, security: null });
  });

  it('is not connected with Wi-Fi off, and not applicable without Wi-Fi hardware', () => {
    expect(observation(wifi('airport-off.json'))).toEqual({ state: 'notConnected', ssid: null, security: null, raw: null });
    expect(wifi('airport-none.json')).toMatchObject({ ok: false, problem: 'notApplicable' });
  });

  it('maps every security mode to the weakest protocol the network accepts', () => {
    expect(wifiSecurityFromMode('spairport_security_mode_wpa_personal_mixed')).toBe('wpa');
    expect(wifiSecurityFromMode('spairport_security_mode_wpa2_wpa3_enterprise')).toBe('enterprise');
    expect(wifiSecurityFromMode('spairport_security_mode_owe')).toBe('open');
    expect(wifiSecurityFromMode('spairport_security_mode_8021x')).toBe('wep');
    expect(wifiSecurityFromMode('spairport_security_mode_wps')).toBe('unknown');
    expect(wifiSecurityFromMode('spairport_security_mode_something_new')).toBe('unknown');
  });
});

describe('remote access (netstat -an -p tcp)', () => {
  it('finds Remote Login, Screen Sharing and Remote Management listening on the network', () => {
    const outcome = parseNetstatListeners(fixture('netstat-listening.txt'), AT);
    expect(observation(outcome).listening).toEqual([
      { service: 'vnc', port: 5900, detail: 'Screen Sharing (VNC) on * (tcp6, tcp4)' },
      { service: 'ssh', port: 22, detail: 'Remote Login (SSH) on * (tcp6, tcp4)' },
      { service: 'vnc', port: 3283, detail: 'Apple Remote Desktop on * (tcp4)' },
    ]);
    expect(factsOf(outcome, NETSTAT_SOURCE)).toEqual({ listeningPorts: '5900, 22, 3283' });
  });

  it('ignores loopback-only listeners, AirPlay and established connections', () => {
    expect(observation(parseNetstatListeners(fixture('netstat-quiet.txt'), AT))).toEqual({ listening: [] });
  });

  it('does not take an error message for "nothing listening"', () => {
    expect(parseNetstatListeners('netstat: sysctl: net.inet.tcp.pcblist_n: Operation not permitted\n', AT)).toMatchObject({
      ok: false,
      problem: 'unparseable',
    });
  });
});

/** Replays recordings by command line; a command without one is missing, as on a non-Mac. */
function replay(recorded: Readonly<Record<string, Partial<CommandOutcome>>>, calls: string[] = []): CommandRunner {
  return (file: string, args: readonly string[], _options?: RunOptions) => {
    const line = [file, ...args].join(' ');
    calls.push(line);
    const found = recorded[line];
    const outcome: CommandOutcome =
      found === undefined
        ? { ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null }
        : ({ ok: true, stdout: '', stderr: '', exitCode: 0, ...found } as CommandOutcome);
    return Promise.resolve(outcome);
  };
}

const NORMAL_MAC: Readonly<Record<string, Partial<CommandOutcome>>> = {
  [SOCKETFILTERFW_SOURCE]: { stdout: section('socketfilterfw.txt', 'enabled') },
  [PROTECTED_BUNDLE_SOURCE]: { stdout: section('xprotect-plutil.txt', 'sequoia-protected') },
  [CORESERVICES_BUNDLE_SOURCE]: { stdout: section('xprotect-plutil.txt', 'sequoia-coreservices') },
  [INSTALL_HISTORY_SOURCE]: {
    stdout: fixture('install-history-current.json'),
    stderr: '2025-11-26 12:00:00.000 system_profiler[99:100] a warning on stderr\n',
  },
  [SW_VERS_SOURCE]: { stdout: section('sw-vers.txt', 'current') },
  [SOFTWARE_UPDATE_PREFS_SOURCE]: { stdout: section('softwareupdate-prefs.txt', 'automatic') },
  [FDESETUP_SOURCE]: { stdout: section('fdesetup.txt', 'on') },
  [SYSADMINCTL_SOURCE]: { stderr: section('screenlock-normal.txt', 'sysadminctl') },
  [SCREENSAVER_IDLE_SOURCE]: { stdout: section('screenlock-normal.txt', 'idleTime') },
  [PMSET_SOURCE]: { stdout: section('screenlock-normal.txt', 'pmset') },
  [AIRPORT_SOURCE]: { stdout: fixture('airport-wpa2-personal.json') },
  [NETSTAT_SOURCE]: { stdout: fixture('netstat-quiet.txt') },
};

describe('createMacosProbes', () => {
  it('observes a well-set-up Mac through every probe, reading sysadminctl from stderr', async () => {
    const probes = createMacosProbes(replay(NORMAL_MAC));
    expect(probes.os).toBe('macos');
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
    expect(observation(await probes.screenLock())).toEqual({
      lockEnabled: true,
      idleSeconds: 300,
      passwordRequired: true,
      passwordDelaySeconds: 0,
    });
    expect(observation(await probes.osUpdates()).lastUpdateTitle).toBe('macOS 26.1');
  });

  it('runs system_profiler once for the install history when antivirus and OS updates ask together', async () => {
    const calls: string[] = [];
    const probes = createMacosProbes(replay(NORMAL_MAC, calls));
    await Promise.all([probes.antivirus(), probes.osUpdates()]);
    expect(calls.filter((c) => c === INSTALL_HISTORY_SOURCE)).toHaveLength(1);
    await probes.antivirus();
    expect(calls.filter((c) => c === INSTALL_HISTORY_SOURCE)).toHaveLength(2);
  });

  it('falls back to system_profiler when socketfilterfw is missing or refuses on a managed Mac', async () => {
    const missing = Object.fromEntries(
      Object.entries({ ...NORMAL_MAC, [FIREWALL_PROFILER_SOURCE]: { stdout: fixture('sp-firewall-off.json') } }).filter(
        ([line]) => line !== SOCKETFILTERFW_SOURCE,
      ),
    );
    const outcome = await createMacosProbes(replay(missing)).firewall();
    expect(observation(outcome).profiles).toEqual([{ name: 'global', enabled: false }]);
    expect(outcome.evidence.map((e) => [e.source, e.facts['problem'] ?? null])).toEqual([
      [SOCKETFILTERFW_SOURCE, 'commandMissing'],
      [FIREWALL_PROFILER_SOURCE, null],
    ]);

    const managed = {
      ...NORMAL_MAC,
      [SOCKETFILTERFW_SOURCE]: { stdout: section('socketfilterfw.txt', 'managed') },
      [FIREWALL_PROFILER_SOURCE]: { stdout: fixture('sp-firewall-on.json') },
    };
    expect(observation(await createMacosProbes(replay(managed)).firewall()).profiles).toEqual([{ name: 'global', enabled: true }]);
  });

  it('on a machine without these tools, every probe says commandMissing and none guesses', async () => {
    const probes = createMacosProbes(replay({}));
    const outcomes = await Promise.all([
      probes.firewall(),
      probes.antivirus(),
      probes.osUpdates(),
      probes.diskEncryption(),
      probes.screenLock(),
      probes.wifi(),
      probes.remoteAccess(),
    ]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ ok: false, problem: 'commandMissing' });
      expect(outcome.evidence.length).toBeGreaterThan(0);
    }
  });

  it('passes a timeout and a refusal through as themselves', async () => {
    const slow = { ...NORMAL_MAC, [AIRPORT_SOURCE]: { ok: false, problem: 'timeout', exitCode: null } as Partial<CommandOutcome> };
    expect(await createMacosProbes(replay(slow)).wifi()).toMatchObject({ ok: false, problem: 'timeout' });
    const denied = {
      ...NORMAL_MAC,
      [FDESETUP_SOURCE]: {
        ok: false,
        problem: 'accessDenied',
        stderr: 'fdesetup: Operation not permitted',
        exitCode: 1,
      } as Partial<CommandOutcome>,
    };
    expect(await createMacosProbes(replay(denied)).diskEncryption()).toMatchObject({
      ok: false,
      problem: 'accessDenied',
      detail: 'fdesetup: Operation not permitted',
    });
  });
});

describe('plumbing', () => {
  it('hands parsers both streams, but only stdout of a JSON command that succeeded', () => {
    const outcome: CommandOutcome = { ok: true, stdout: '{}', stderr: 'warning', exitCode: 0 };
    expect(answerOf(outcome)).toEqual({ ok: true, text: '{}\nwarning' });
    expect(answerOf(outcome, 'stdout')).toEqual({ ok: true, text: '{}' });
    expect(answerOf({ ok: false, problem: 'timeout', stdout: '', stderr: 'killed', exitCode: null }, 'stdout')).toEqual({
      ok: false,
      problem: 'timeout',
      text: 'killed',
    });
  });

  it('shares a run only while it is running', async () => {
    let runs = 0;
    const shared = shareWhileRunning(() => Promise.resolve(++runs));
    await expect(Promise.all([shared(), shared()])).resolves.toEqual([1, 1]);
    await expect(shared()).resolves.toBe(2);
  });
});
