/**
 * The first rule, as a property of every parser: output that is truncated, reordered,
 * localized or simply random never turns into a pass. Each parser is fed
 * its recorded fixtures (test/fixtures/self-check) and fast-check's mutations of them, and the
 * real evaluator judges the result: a mutated answer may pass only where the untouched
 * recording passes too (a reordered list of access points is still the same list), and random
 * text never passes at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck, type Observations } from '../../electron/core/self-check/evaluate-self-check';
import type { ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { parseAdminAccount as parseLinuxAdmin } from '../../electron/platform/self-check/linux/admin-account';
import {
  parseAutoLogin as parseDisplayManagers,
  parseAutoRun as parseGnomeAutoRun,
} from '../../electron/platform/self-check/linux/auto-start';
import { parseBootProtection as parseLinuxBootProtection } from '../../electron/platform/self-check/linux/boot-protection';
import { parseAntivirus as parseClamav } from '../../electron/platform/self-check/linux/clamav';
import { parseClockSync as parseTimedatectl } from '../../electron/platform/self-check/linux/clock-sync';
import { parseDiskEncryption as parseLsblk } from '../../electron/platform/self-check/linux/disk-encryption';
import type { CommandReading } from '../../electron/platform/self-check/linux/linux-context';
import { parseBluetooth } from '../../electron/platform/self-check/linux/bluetooth';
import { parseUnits as parseLinuxUnits } from '../../electron/platform/self-check/linux/edr';
import { parseFileSharing as parseLinuxSharing } from '../../electron/platform/self-check/linux/file-sharing';
import { parseFirewall as parseUfw } from '../../electron/platform/self-check/linux/firewall';
import { parseScreenLock as parseGsettings } from '../../electron/platform/self-check/linux/screen-lock';
import { parseWifi as parseNmcli } from '../../electron/platform/self-check/linux/wifi';
import { parseAdminAccount as parseMacAdmin } from '../../electron/platform/self-check/macos/admin-account';
import { parseAutoLogin as parseMacAutoLogin } from '../../electron/platform/self-check/macos/auto-start';
import { parseBootProtection as parseMacBootProtection } from '../../electron/platform/self-check/macos/boot-protection';
import { parseClockSync as parseMacClockSync } from '../../electron/platform/self-check/macos/clock-sync';
import { parseProcesses as parseMacProcesses } from '../../electron/platform/self-check/macos/edr';
import { parseFileSharing as parseMacSharing } from '../../electron/platform/self-check/macos/file-sharing';
import { parseFdesetupStatus } from '../../electron/platform/self-check/macos/filevault';
import { parseFirewallProfilerJson, parseSocketfilterfwGlobalState } from '../../electron/platform/self-check/macos/firewall';
import type { Answer } from '../../electron/platform/self-check/macos/macos-answers';
import { parseOsUpdates as parseMacUpdates } from '../../electron/platform/self-check/macos/os-updates';
import { parseNetstatListeners } from '../../electron/platform/self-check/macos/remote-access';
import { parseScreenLock as parseMacScreenLock } from '../../electron/platform/self-check/macos/screen-lock';
import { parseAirPortReport } from '../../electron/platform/self-check/macos/wifi';
import { parseXprotect } from '../../electron/platform/self-check/macos/xprotect';
import { parseAntivirus } from '../../electron/platform/self-check/windows/antivirus';
import { parseAdminAccount } from '../../electron/platform/self-check/windows/admin-account';
import { parseAutoLogin, parseAutoRun } from '../../electron/platform/self-check/windows/auto-start';
import { parseBootProtection } from '../../electron/platform/self-check/windows/boot-protection';
import { parseClockSync } from '../../electron/platform/self-check/windows/clock-sync';
import { parseDiskEncryption } from '../../electron/platform/self-check/windows/disk-encryption';
import { parseEdr } from '../../electron/platform/self-check/windows/edr';
import { parseFileSharing } from '../../electron/platform/self-check/windows/file-sharing';
import { parseFirewall } from '../../electron/platform/self-check/windows/firewall';
import { parseOsUpdates } from '../../electron/platform/self-check/windows/os-updates';
import { parseRemoteAccess } from '../../electron/platform/self-check/windows/remote-access';
import { parseScreenLock } from '../../electron/platform/self-check/windows/screen-lock';
import { parseWifi } from '../../electron/platform/self-check/windows/wifi';
import {
  DEFAULT_SELF_CHECK_POLICY,
  type CheckId,
  type CheckStatus,
  type SelfCheckOs,
  type SelfCheckPolicy,
} from '../../electron/shared/self-check';
import { readSelfCheckFixture, splitSections } from '../support/self-check-fixtures';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SELF_CHECK_FIXTURES } from '../support/self-check-fixtures';

type ProbeName = keyof Observations;
const CHECKS: Readonly<Record<ProbeName, readonly CheckId[]>> = {
  firewall: ['firewall'],
  antivirus: ['antivirus'],
  osUpdates: ['osUpdates', 'osVersion', 'osSupported'],
  diskEncryption: ['diskEncryption'],
  screenLock: ['screenLock'],
  wifi: ['wifi'],
  remoteAccess: ['remoteAccess'],
  bootProtection: ['bootProtection'],
  clockSync: ['clockSync'],
  autoRun: ['autoRun'],
  autoLogin: ['autoLogin'],
  adminAccount: ['adminAccount'],
  fileSharing: ['fileSharing'],
  edr: ['edr'],
  bluetooth: ['bluetooth'],
};

/** One parser with one recording; `inputs` are the texts it reads, each mutated in turn. */
interface Case {
  readonly name: string;
  readonly os: SelfCheckOs;
  readonly probe: ProbeName;
  readonly now: Date;
  readonly inputs: readonly string[];
  readonly parse: (inputs: readonly string[], now: Date) => ProbeOutcome<unknown>;
  /** The policy that judges it, where the check depends on one (EDR names); default otherwise. */
  readonly policy?: SelfCheckPolicy;
}

/** A company policy naming an EDR agent on every OS, so the EDR parsers' answers are judged. */
const EDR_POLICY: SelfCheckPolicy = {
  ...DEFAULT_SELF_CHECK_POLICY,
  edrServices: { windows: ['Sense'], macos: ['falcond'], linux: ['falcon-sensor'] },
};

const WINDOWS_NOW = new Date('2024-11-22T01:00:00Z');
const MAC_NOW = new Date('2025-11-26T03:00:00Z');
const LINUX_NOW = new Date('2026-11-26T03:00:00Z');

function statuses(c: Case, inputs: readonly string[]): CheckStatus[] {
  const outcome = c.parse(inputs, c.now);
  // The other probes saw nothing: only this parser's checks matter.
  const nothing: ProbeOutcome<never> = { ok: false, problem: 'commandMissing', evidence: [] };
  const observations = {
    firewall: nothing,
    antivirus: nothing,
    osUpdates: nothing,
    diskEncryption: nothing,
    screenLock: nothing,
    wifi: nothing,
    remoteAccess: nothing,
    bootProtection: nothing,
    clockSync: nothing,
    autoRun: nothing,
    autoLogin: nothing,
    adminAccount: nothing,
    fileSharing: nothing,
    edr: nothing,
    bluetooth: nothing,
    [c.probe]: outcome,
  } as Observations;
  return evaluateSelfCheck(observations, c.os, c.policy ?? DEFAULT_SELF_CHECK_POLICY, c.now)
    .filter((r) => CHECKS[c.probe].includes(r.id))
    .map((r) => r.status);
}

const windowsParsers: Readonly<Record<string, { probe: ProbeName; parse: (stdout: string, at: Date) => ProbeOutcome<unknown> }>> = {
  firewall: { probe: 'firewall', parse: parseFirewall },
  antivirus: { probe: 'antivirus', parse: parseAntivirus },
  'os-updates': { probe: 'osUpdates', parse: parseOsUpdates },
  disk: { probe: 'diskEncryption', parse: parseDiskEncryption },
  'screen-lock': { probe: 'screenLock', parse: parseScreenLock },
  wifi: { probe: 'wifi', parse: parseWifi },
  'remote-access': { probe: 'remoteAccess', parse: parseRemoteAccess },
  'boot-protection': { probe: 'bootProtection', parse: parseBootProtection },
  'clock-sync': { probe: 'clockSync', parse: parseClockSync },
  'auto-run': { probe: 'autoRun', parse: parseAutoRun },
  'auto-login': { probe: 'autoLogin', parse: parseAutoLogin },
  'admin-account': { probe: 'adminAccount', parse: parseAdminAccount },
  'file-sharing': { probe: 'fileSharing', parse: parseFileSharing },
  edr: { probe: 'edr', parse: parseEdr },
};

function windowsCases(): Case[] {
  return readdirSync(path.join(SELF_CHECK_FIXTURES, 'windows')).flatMap((file) => {
    const kind = Object.keys(windowsParsers).find((prefix) => file.startsWith(`${prefix}-`));
    if (!kind) return [];
    const { probe, parse } = windowsParsers[kind]!;
    return [
      {
        ...(probe === 'edr' ? { policy: EDR_POLICY } : {}),
        name: `windows/${file}`,
        os: 'windows' as const,
        probe,
        now: WINDOWS_NOW,
        inputs: [readSelfCheckFixture('windows', file)],
        parse: ([stdout]: readonly string[], at: Date) => parse(stdout ?? '', at),
      },
    ];
  });
}

const answered = (text: string | undefined): Answer => ({ ok: true, text: text ?? '' });
const mac = (name: string) => readSelfCheckFixture('macos', name);
const macSection = (name: string, part: string) => splitSections(mac(name))[part] ?? '';

function macCases(): Case[] {
  const single = (name: string, probe: ProbeName, parse: (text: string, at: Date) => ProbeOutcome<unknown>, text: string): Case => ({
    name: `macos/${name}`,
    os: 'macos',
    probe,
    now: MAC_NOW,
    inputs: [text],
    parse: ([t], at) => parse(t ?? '', at),
  });
  const airport = [
    'airport-wpa2-personal.json',
    'airport-wpa3-personal.json',
    'airport-enterprise.json',
    'airport-open-ja.json',
    'airport-wep.json',
    'airport-off.json',
    'airport-status-unknown.json',
  ];
  const lock = (name: string): Case => ({
    name: `macos/${name}`,
    os: 'macos',
    probe: 'screenLock',
    now: MAC_NOW,
    inputs: [macSection(name, 'sysadminctl'), macSection(name, 'idleTime'), macSection(name, 'pmset')],
    parse: ([sysadminctl, idle, pmset], at) =>
      parseMacScreenLock({ sysadminctl: answered(sysadminctl), screensaverIdleTime: answered(idle), pmset: answered(pmset) }, at),
  });
  const plutil = splitSections(mac('xprotect-plutil.txt'));
  const boot = (sip: string, gatekeeper: string): Case => ({
    name: `macos/csrutil-status.txt#${sip} + spctl-status.txt#${gatekeeper}`,
    os: 'macos',
    probe: 'bootProtection',
    now: MAC_NOW,
    inputs: [macSection('csrutil-status.txt', sip), macSection('spctl-status.txt', gatekeeper)],
    parse: ([csrutil, spctl], at) => parseMacBootProtection({ csrutil: answered(csrutil), spctl: answered(spctl) }, at),
  });
  return [
    boot('enabled', 'enabled'),
    boot('custom', 'enabled'),
    boot('enabled', 'disabled'),
    ...['admin', 'standard'].map((who): Case => ({
      name: `macos/id-groups.txt#${who}`,
      os: 'macos',
      probe: 'adminAccount',
      now: MAC_NOW,
      inputs: [macSection('id-groups.txt', `${who}-ids`), macSection('id-groups.txt', `${who}-names`)],
      parse: ([ids, names], at) => parseMacAdmin({ ids: answered(ids), names: answered(names) }, at),
    })),
    ...(
      [
        ['netstat-quiet.txt', 'contacts'],
        ['netstat-quiet.txt', 'everyone'],
        ['netstat-smb.txt', 'off'],
      ] as const
    ).map(([netstat, airdrop]): Case => ({
      name: `macos/${netstat} + airdrop-discoverable.txt#${airdrop}`,
      os: 'macos',
      probe: 'fileSharing',
      now: MAC_NOW,
      inputs: [mac(netstat), macSection('airdrop-discoverable.txt', airdrop)],
      parse: ([n, a], at) => parseMacSharing({ netstat: answered(n), airdrop: answered(a) }, at),
    })),
    ...['with-falcon', 'without'].map((part): Case => ({
      ...single(`ps-processes.txt#${part}`, 'edr', parseMacProcesses, macSection('ps-processes.txt', part)),
      policy: EDR_POLICY,
    })),
    // The account name (on) is answered on stdout, exit 0; "does not exist" (off) on stderr, exit 1.
    single(
      'loginwindow-autologin.txt#on',
      'autoLogin',
      (text, at) => parseMacAutoLogin(answered(text), at),
      macSection('loginwindow-autologin.txt', 'on'),
    ),
    single(
      'loginwindow-autologin.txt#off',
      'autoLogin',
      (text, at) => parseMacAutoLogin({ ok: false, problem: 'unparseable', text }, at),
      macSection('loginwindow-autologin.txt', 'off'),
    ),
    ...['on', 'off', 'missing'].map((part) =>
      single(
        `timed-automatic.txt#${part}`,
        'clockSync',
        (text, at) => parseMacClockSync(answered(text), at),
        macSection('timed-automatic.txt', part),
      ),
    ),
    ...airport.map((name) => single(name, 'wifi', parseAirPortReport, mac(name))),
    ...['enabled', 'disabled', 'block-all', 'no-state', 'managed'].map((part) =>
      single(`socketfilterfw.txt#${part}`, 'firewall', parseSocketfilterfwGlobalState, macSection('socketfilterfw.txt', part)),
    ),
    single('sp-firewall-on.json', 'firewall', parseFirewallProfilerJson, mac('sp-firewall-on.json')),
    single('sp-firewall-off.json', 'firewall', parseFirewallProfilerJson, mac('sp-firewall-off.json')),
    single('fdesetup on', 'diskEncryption', parseFdesetupStatus, 'FileVault is On.\n'),
    single(
      'fdesetup encrypting',
      'diskEncryption',
      parseFdesetupStatus,
      'FileVault is On.\nEncryption in progress: Percent completed = 42.3\n',
    ),
    single('netstat-quiet.txt', 'remoteAccess', parseNetstatListeners, mac('netstat-quiet.txt')),
    single('netstat-listening.txt', 'remoteAccess', parseNetstatListeners, mac('netstat-listening.txt')),
    ...['screenlock-normal.txt', 'screenlock-delayed.txt', 'screenlock-off.txt', 'screenlock-denied.txt'].map(lock),
    {
      name: 'macos/xprotect (sequoia, current history)',
      os: 'macos',
      probe: 'antivirus',
      now: MAC_NOW,
      inputs: [plutil['sequoia-protected'] ?? '', plutil['sequoia-coreservices'] ?? '', mac('install-history-current.json')],
      parse: ([p, c, h], at) =>
        parseXprotect({ protectedBundle: answered(p), coreServicesBundle: answered(c), installHistory: answered(h) }, at),
    },
    {
      name: 'macos/os updates (current)',
      os: 'macos',
      probe: 'osUpdates',
      now: MAC_NOW,
      inputs: [
        macSection('sw-vers.txt', 'current'),
        mac('install-history-current.json'),
        macSection('softwareupdate-prefs.txt', 'automatic'),
      ],
      parse: ([s, h, p], at) => parseMacUpdates({ swVers: answered(s), installHistory: answered(h), softwareUpdatePrefs: answered(p) }, at),
    },
  ];
}

const reading = (stdout: string, source: string): CommandReading => ({ ok: true, stdout, stderr: '', exitCode: 0, source });
const missing = (source: string) => ({ source, ok: false as const, problem: 'missing' as const, code: 'ENOENT' });
const linux = (name: string) => readSelfCheckFixture('linux', name);

function linuxCases(): Case[] {
  const nmcli = [
    'nmcli-wifi-wpa2.txt',
    'nmcli-wifi-escaped-colon.txt',
    'nmcli-wifi-japanese.txt',
    'nmcli-wifi-enterprise.txt',
    'nmcli-wifi-none-active.txt',
    'nmcli-table-not-terse.txt',
  ];
  const gsettings = ['gsettings-gnome-defaults.txt', 'gsettings-lock-off.txt', 'gsettings-never-blank.txt'];
  const keys = [
    'org.gnome.desktop.screensaver lock-enabled',
    'org.gnome.desktop.session idle-delay',
    'org.gnome.desktop.screensaver lock-delay',
    'org.gnome.desktop.lockdown disable-lock-screen',
  ];
  const lsblk: readonly [string, string][] = [
    ['lsblk-luks-lvm-2.38.txt', 'proc-mounts-luks.txt'],
    ['lsblk-this-vm-2.38.txt', 'proc-mounts-this-vm.txt'],
  ];
  const efivar = (part: string) => Buffer.from((splitSections(linux('secure-boot-efivar.txt'))[part] ?? '').trim(), 'hex');
  const tpmNames = (part: string) => (splitSections(linux('sys-class-tpm.txt'))[part] ?? '').split('\n').filter(Boolean);
  const bootCase = (secureBoot: string, tpm: string): Case => ({
    name: `linux/secure-boot-efivar.txt#${secureBoot} + sys-class-tpm.txt#${tpm}`,
    os: 'linux',
    probe: 'bootProtection',
    now: LINUX_NOW,
    // The variable is bytes: its hexadecimal text is what gets mutated (cut, reordered, random).
    inputs: [efivar(secureBoot).toString('hex'), tpmNames(tpm).join('\n')],
    parse: ([hex, names], at) =>
      parseLinuxBootProtection(
        {
          variable: {
            source: 'SecureBoot',
            ok: true,
            value: Buffer.from(/^[0-9a-f]*$/i.test(hex ?? '') && (hex ?? '').length % 2 === 0 ? (hex ?? '') : 'zz', 'hex'),
          },
          efi: true,
          firmware: true,
          efivars: { source: 'efivars', ok: true, value: ['SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c'] },
          tpmClass: { source: '/sys/class/tpm', ok: true, value: (names ?? '').split('\n').filter(Boolean) },
        },
        at,
      ),
  });
  return [
    ...(
      [
        ['gdm3-daemon-conf.txt', 'stock', '/etc/gdm3/daemon.conf'],
        ['gdm3-daemon-conf.txt', 'autologin', '/etc/gdm3/daemon.conf'],
        ['lightdm-conf.txt', 'autologin', '/etc/lightdm/lightdm.conf.d/50-autologin.conf'],
        ['lightdm-conf.txt', 'commented', '/etc/lightdm/lightdm.conf'],
      ] as const
    ).map(([file, part, source]): Case => ({
      name: `linux/${file}#${part}`,
      os: 'linux',
      probe: 'autoLogin',
      now: LINUX_NOW,
      inputs: [splitSections(linux(file))[part] ?? ''],
      parse: ([text], at) => parseDisplayManagers([{ source, ok: true, value: text ?? '' }], at),
    })),
    ...['default', 'never'].map((part): Case => ({
      name: `linux/gsettings-autorun.txt#${part}`,
      os: 'linux',
      probe: 'autoRun',
      now: LINUX_NOW,
      inputs: [splitSections(linux('gsettings-autorun.txt'))[part] ?? ''],
      parse: ([stdout], at) => parseGnomeAutoRun('ubuntu:GNOME', reading(stdout ?? '', 'gsettings get autorun-never'), at),
    })),
    ...['sudo', 'standard'].map((who): Case => ({
      name: `linux/id-groups.txt#${who}`,
      os: 'linux',
      probe: 'adminAccount',
      now: LINUX_NOW,
      inputs: [splitSections(linux('id-groups.txt'))[`${who}-ids`] ?? '', splitSections(linux('id-groups.txt'))[`${who}-names`] ?? ''],
      parse: ([ids, names], at) => parseLinuxAdmin(reading(ids ?? '', 'id -G'), reading(names ?? '', 'id -Gn'), at),
    })),
    ...['none', 'samba'].map((part): Case => ({
      name: `linux/systemctl-sharing.txt#${part}`,
      os: 'linux',
      probe: 'fileSharing',
      now: LINUX_NOW,
      inputs: [splitSections(linux('systemctl-sharing.txt'))[part] ?? ''],
      parse: ([stdout], at) => parseLinuxSharing(reading(stdout ?? '', 'systemctl is-active smbd nmbd nfs-server'), at),
    })),
    ...['running', 'stopped'].map((part): Case => ({
      name: `linux/systemctl-list-units.txt#${part}`,
      os: 'linux',
      probe: 'edr',
      now: LINUX_NOW,
      policy: EDR_POLICY,
      inputs: [splitSections(linux('systemctl-list-units.txt'))[part] ?? ''],
      parse: ([stdout], at) => parseLinuxUnits(reading(stdout ?? '', 'systemctl list-units'), at),
    })),
    ...['hidden', 'discoverable', 'off', 'no-controller'].map((part): Case => ({
      name: `linux/bluetoothctl-show.txt#${part}`,
      os: 'linux',
      probe: 'bluetooth',
      now: LINUX_NOW,
      inputs: [splitSections(linux('bluetoothctl-show.txt'))[part] ?? ''],
      parse: ([stdout], at) =>
        parseBluetooth({ source: '/sys/class/bluetooth', ok: true, value: ['hci0'] }, reading(stdout ?? '', 'bluetoothctl show'), at),
    })),
    bootCase('on', 'tpm2'),
    bootCase('off', 'tpm2'),
    bootCase('odd', 'tpm2'),
    ...['synchronized', 'not-synchronized', 'old-systemd'].map((part): Case => ({
      name: `linux/timedatectl-show.txt#${part}`,
      os: 'linux',
      probe: 'clockSync',
      now: LINUX_NOW,
      inputs: [splitSections(linux('timedatectl-show.txt'))[part] ?? ''],
      parse: ([stdout], at) => parseTimedatectl(reading(stdout ?? '', 'timedatectl show'), at),
    })),
    ...nmcli.map((name): Case => ({
      name: `linux/${name}`,
      os: 'linux',
      probe: 'wifi',
      now: LINUX_NOW,
      inputs: [splitSections(linux(name))['stdout'] ?? ''],
      parse: ([stdout], at) => parseNmcli({ nmcli: reading(stdout ?? '', 'nmcli'), adapters: null }, at),
    })),
    ...gsettings.map((name): Case => ({
      name: `linux/${name}`,
      os: 'linux',
      probe: 'screenLock',
      now: LINUX_NOW,
      inputs: keys.map((key) => splitSections(linux(name))[key] ?? ''),
      parse: ([lockEnabled, idleDelay, lockDelay, lockDisabled], at) =>
        parseGsettings(
          {
            desktop: 'ubuntu:GNOME',
            gsettings: {
              lockEnabled: reading(lockEnabled ?? '', 'gsettings get lock-enabled'),
              idleDelay: reading(idleDelay ?? '', 'gsettings get idle-delay'),
              lockDelay: reading(lockDelay ?? '', 'gsettings get lock-delay'),
              lockDisabled: reading(lockDisabled ?? '', 'gsettings get disable-lock-screen'),
            },
          },
          at,
        ),
    })),
    ...lsblk.map(([tree, mounts]): Case => ({
      name: `linux/${tree}`,
      os: 'linux',
      probe: 'diskEncryption',
      now: LINUX_NOW,
      inputs: [linux(tree), linux(mounts)],
      parse: ([t, m], at) =>
        parseLsblk({ lsblk: reading(t ?? '', 'lsblk'), mounts: { source: '/proc/self/mounts', ok: true, value: m ?? '' } }, at),
    })),
    {
      name: 'linux/ufw-status-active.txt',
      os: 'linux',
      probe: 'firewall',
      now: LINUX_NOW,
      inputs: [splitSections(linux('ufw-status-active.txt'))['stdout'] ?? ''],
      parse: ([stdout], at) =>
        parseUfw(
          {
            ufwStatus: reading(stdout ?? '', 'ufw status'),
            ufwConf: missing('/etc/ufw/ufw.conf'),
            firewalldState: {
              ok: false,
              problem: 'commandMissing',
              stdout: '',
              stderr: '',
              exitCode: null,
              source: 'firewall-cmd --state',
            },
            units: { ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null, source: 'systemctl' },
            nftBinary: missing('/usr/sbin/nft'),
          },
          at,
        ),
    },
    {
      name: 'linux/clamav-daily-cld-current.txt',
      os: 'linux',
      probe: 'antivirus',
      now: LINUX_NOW,
      inputs: [linux('clamav-daily-cld-current.txt')],
      parse: ([header], at) =>
        parseClamav(
          {
            programs: [{ source: '/usr/bin/clamscan', ok: true, value: at }],
            freshclamConf: missing('/etc/clamav/freshclam.conf'),
            databaseDir: { source: '/var/lib/clamav', ok: true, value: ['daily.cld'] },
            headers: [{ source: '/var/lib/clamav/daily.cld', ok: true, value: Buffer.from(header ?? '', 'latin1') }],
            processes: { source: '/proc', ok: true, value: { names: new Set(['clamd']), complete: true } },
            units: reading('active\nactive\ninactive\n', 'systemctl is-active'),
          },
          at,
        ),
    },
  ];
}

const CASES = [...windowsCases(), ...macCases(), ...linuxCases()];

/** English words the parsers read, and what a Japanese (or other localized) tool would print instead. */
const TRANSLATIONS: readonly [RegExp, string][] = [
  [/\bTrue\b/g, 'はい'],
  [/\bFalse\b/g, 'いいえ'],
  [/\btrue\b/g, '真'],
  [/\bfalse\b/g, '偽'],
  [/\byes\b/g, 'はい'],
  [/\bNormal\b/g, '通常'],
  [/\bconnected\b/g, '接続済み'],
  [/\bOn\b/g, 'オン'],
  [/\bOff\b/g, 'オフ'],
  [/\benabled\b/g, '有効'],
  [/\bimmediate\b/g, '直ちに'],
  [/\bseconds\b/g, '秒'],
  [/\bactive\b/g, 'アクティブ'],
  [/\buint32\b/g, '整数'],
];

/**
 * Text that has nothing to do with the tool. A bare true/false or number is left out: for
 * gsettings that is a well-formed (different) answer, not noise.
 */
const randomText: fc.Arbitrary<string> = fc
  .oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 4 }), fc.string({ unit: 'grapheme', maxLength: 80 }))
  .filter((t) => !/^\s*(true|false|-?\d+(\.\d+)?|uint32\s+\d+)\s*$/.test(t));

/** A mutation of one input text. */
const mutation = (text: string): fc.Arbitrary<string> => {
  const lines = text.split('\n');
  // A cut inside a line removes some of that line's words (cutting only its trailing blanks is no cut).
  const restOfLine = (n: number) => text.slice(n, text.indexOf('\n', n) === -1 ? undefined : text.indexOf('\n', n));
  const cuts = Array.from({ length: text.length }, (_, n) => n).filter((n) => n > 0 && text[n - 1] !== '\n' && restOfLine(n).trim() !== '');
  return fc.oneof(
    // Truncated: the command was cut off inside a line. (A cut exactly between two lines cannot
    // be told from a complete answer by any parser; runProbeCommand reports a killed command
    // as a timeout, which is what guards against those.)
    cuts.length === 0 ? fc.constant('') : fc.constantFrom(...cuts).map((n) => text.slice(0, n)),
    // Reordered lines.
    fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }).map((l) => l.join('\n')),
    // Localized: some of the words the parser knows, translated.
    fc.subarray([...TRANSLATIONS], { minLength: 1 }).map((ts) => ts.reduce((t, [pattern, word]) => t.replace(pattern, word), text)),
    // Random: nothing to do with the tool at all.
    randomText,
  );
};

describe('no parser ever turns an output it does not recognize into a pass', () => {
  it('covers every parser with recordings that pass and recordings that do not', () => {
    expect(new Set(CASES.map((c) => `${c.os}:${c.probe}`)).size).toBe(40);
    const verdicts = CASES.flatMap((c) => statuses(c, c.inputs));
    expect(verdicts).toContain('pass');
    expect(verdicts).toContain('fail');
    expect(verdicts).toContain('unknown');
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: a mutated output passes only where the recording itself passes', (_name, c) => {
    const original = statuses(c, c.inputs);
    const mutated = fc
      .integer({ min: 0, max: c.inputs.length - 1 })
      .chain((index) => mutation(c.inputs[index] ?? '').map((text) => c.inputs.map((input, i) => (i === index ? text : input))));
    fc.assert(
      fc.property(mutated, (inputs) => {
        statuses(c, inputs).forEach((status, i) => {
          if (status === 'pass') expect(original[i], `${c.name}: ${JSON.stringify(inputs).slice(0, 300)}`).toBe('pass');
        });
      }),
      { numRuns: 150 },
    );
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: random text never passes', (_name, c) => {
    fc.assert(
      fc.property(fc.array(randomText, { minLength: c.inputs.length, maxLength: c.inputs.length }), (inputs) => {
        expect(statuses(c, inputs)).not.toContain('pass');
      }),
      { numRuns: 100 },
    );
  });
});
