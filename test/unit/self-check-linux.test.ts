/**
 * The Linux probes of the security self-check: parsers against recorded and reconstructed
 * output (test/fixtures/self-check/linux, each file's first line says where its format comes
 * from), whole probes against fixture trees with recorded command output, and the real probes
 * on this machine. Those must return an honest, well-formed outcome — one that
 * its own evidence justifies — not a pass: CI machines have no firewall or Wi-Fi.
 *
 * Commands are "replayed" through the real runProbeCommand (a shell prints the recorded
 * stdout/stderr and exits with the recorded code), so the exit-code and error classification
 * under test is the real one; an unrecorded command is run as a missing program.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { runProbeCommand, type RunOptions } from '../../electron/platform/self-check/run-probe-command';
import { entryTime, parseAptHistory, parsePackageList, updateKind } from '../../electron/platform/self-check/linux/apt-history';
import { parseCvdBuildTime, parseCvdHeader, parseDatabaseDirectory } from '../../electron/platform/self-check/linux/clamav';
import { fullyEncrypted, parseDiskEncryption, parseLsblkJson, rootNodes } from '../../electron/platform/self-check/linux/disk-encryption';
import { parseFirewallCmdState, parseUfwConf, parseUfwStatus } from '../../electron/platform/self-check/linux/firewall';
import {
  nodeFileSystem,
  type CommandReading,
  type ProbeFileSystem,
  type Read,
} from '../../electron/platform/self-check/linux/linux-context';
import { createLinuxProbes, type LinuxProbeOptions } from '../../electron/platform/self-check/linux/linux-probes';
import { parseWallClock, wallClockToUtc } from '../../electron/platform/self-check/linux/local-time';
import { osIdentity, parseDebianVersion, parseOsRelease } from '../../electron/platform/self-check/linux/os-release';
import { rotatedLogs } from '../../electron/platform/self-check/linux/os-updates';
import { procHidesOthers } from '../../electron/platform/self-check/linux/processes';
import { decodeAddress, parseProcNetTcp, parseRemoteAccess } from '../../electron/platform/self-check/linux/remote-access';
import { isGnomeFamily, parseGsettingsUint, screenLockFrom } from '../../electron/platform/self-check/linux/screen-lock';
import { parseIsActive } from '../../electron/platform/self-check/linux/systemd-units';
import {
  isAptConfPart,
  parseAllowedOrigins,
  parsePeriodicUnattendedUpgrade,
  parseUnattendedUpgradesLog,
  periodicEnabled,
} from '../../electron/platform/self-check/linux/unattended-upgrades';
import { classifySecurity, parseNmcliWifiList, parseWifi, splitTerse } from '../../electron/platform/self-check/linux/wifi';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/self-check/linux');
const TOKYO = 'Asia/Tokyo';
const AT = new Date('2026-11-26T00:00:00Z');

/** A fixture without its "# Source:" header line. */
function fixture(name: string): string {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  expect(text.startsWith('# Source: '), `${name} starts with its source`).toBe(true);
  return text.slice(text.indexOf('\n') + 1);
}

/** A fixture split into its "--- name ---" sections. */
function sections(name: string): Record<string, string> {
  const result: Record<string, string> = {};
  let current: string | null = null;
  for (const line of fixture(name).split('\n')) {
    const heading = /^--- (.+) ---$/.exec(line);
    if (heading?.[1]) {
      current = heading[1];
      result[current] = '';
    } else if (current !== null) {
      result[current] = `${result[current] ?? ''}${line}\n`;
    }
  }
  return result;
}

interface Recording {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exit?: number;
  /** Seconds the command hangs before answering. */
  readonly hang?: number;
}

/** A command fixture (stdout / stderr / exit sections) as a recording. */
function recorded(name: string): Recording {
  const s = sections(name);
  return { stdout: s.stdout ?? '', stderr: s.stderr ?? '', exit: Number((s.exit ?? '0').trim()) };
}

/** The gsettings fixture's sections as one recording per `gsettings get <schema> <key>`. */
function gsettings(name: string): Record<string, Recording> {
  return Object.fromEntries(Object.entries(sections(name)).map(([key, value]) => [`gsettings get ${key}`, { stdout: value }]));
}

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-self-check-'));
  temporary.push(dir);
  return dir;
}

/** A fixture tree: absolute path → content, or null for an empty directory. */
async function tree(files: Record<string, string | Buffer | null>): Promise<string> {
  const root = await tempDir();
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    if (content === null) {
      await mkdir(target, { recursive: true });
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
  return root;
}

interface Replayer {
  readonly run: NonNullable<LinuxProbeOptions['run']>;
  readonly calls: { line: string; options: RunOptions | undefined }[];
}

/** Replays recordings through the real runProbeCommand; anything unrecorded is "not installed". */
async function replay(recordings: Record<string, Recording>): Promise<Replayer> {
  const dir = await tempDir();
  const calls: Replayer['calls'] = [];
  const run: Replayer['run'] = async (file, args, options) => {
    const line = [file, ...args].join(' ');
    calls.push({ line, options });
    const r = recordings[line];
    if (!r) return runProbeCommand(path.join(dir, 'not-installed', file), args, options);
    const id = String(calls.length);
    await writeFile(path.join(dir, `${id}.out`), r.stdout ?? '');
    await writeFile(path.join(dir, `${id}.err`), r.stderr ?? '');
    const script = 'sleep "$4"; cat "$1"; cat "$2" >&2; exit "$3"';
    const files = [path.join(dir, `${id}.out`), path.join(dir, `${id}.err`)];
    return runProbeCommand('/bin/sh', ['-c', script, 'sh', ...files, String(r.exit ?? 0), String(r.hang ?? 0)], options);
  };
  return { run, calls };
}

/** node:fs, except that the given paths (and everything under them) are "permission denied". */
function denying(root: string, denied: readonly string[]): ProbeFileSystem {
  const check = (file: string): void => {
    if (denied.some((d) => file === path.join(root, d) || file.startsWith(`${path.join(root, d)}/`))) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    }
  };
  return {
    readFile: async (f) => {
      check(f);
      return nodeFileSystem.readFile(f);
    },
    readHead: async (f, n) => {
      check(f);
      return nodeFileSystem.readHead(f, n);
    },
    readdir: async (d) => {
      check(d);
      return nodeFileSystem.readdir(d);
    },
    mtime: async (f) => {
      check(f);
      return nodeFileSystem.mtime(f);
    },
  };
}

async function probesFor(
  files: Record<string, string | Buffer | null>,
  recordings: Record<string, Recording> = {},
  extra: LinuxProbeOptions = {},
) {
  const root = await tree(files);
  const replayer = await replay(recordings);
  const probes = createLinuxProbes({ root, run: replayer.run, env: { PATH: '/usr/bin:/bin' }, timeZone: TOKYO, now: () => AT, ...extra });
  return { probes, root, calls: replayer.calls };
}

function observed<T>(outcome: ProbeOutcome<T>): T {
  if (!outcome.ok) throw new Error(`expected an observation, got ${outcome.problem}: ${outcome.detail ?? ''}`);
  return outcome.observation;
}

function sources(outcome: ProbeOutcome<unknown>): string[] {
  return outcome.evidence.map((e) => e.source);
}

function fact(outcome: ProbeOutcome<unknown>, sourceEnd: string, key: string): unknown {
  return outcome.evidence.find((e) => e.source.endsWith(sourceEnd))?.facts[key];
}

// ---------------------------------------------------------------------------------------------

describe('firewall', () => {
  const UFW_STATUS = 'ufw status';
  const FIREWALLD = 'firewall-cmd --state';
  const UNITS = 'systemctl is-active firewalld nftables';

  it('reads ufw.conf ENABLED= and `ufw status`', () => {
    expect(parseUfwConf(fixture('ufw-conf-enabled.txt'))).toBe(true);
    expect(parseUfwConf(fixture('ufw-conf-disabled.txt'))).toBe(false);
    expect(parseUfwConf('ENABLED="yes" # quoted\n')).toBe(true);
    expect(parseUfwConf('# ENABLED=yes\n')).toBeNull();
    expect(parseUfwStatus(recorded('ufw-status-active.txt').stdout ?? '')).toBe(true);
    expect(parseUfwStatus('Status: inactive\n')).toBe(false);
  });

  it('without root, ufw is judged by ufw.conf and the refusal is recorded as access denied', async () => {
    const { probes, calls } = await probesFor(
      { '/etc/ufw/ufw.conf': fixture('ufw-conf-enabled.txt') },
      { [UFW_STATUS]: recorded('ufw-status-not-root.txt'), [UNITS]: recorded('systemctl-no-systemd.txt') },
    );
    const outcome = await probes.firewall();
    expect(observed(outcome)).toEqual({ profiles: [{ name: 'ufw', enabled: true }], products: [] });
    expect(fact(outcome, UFW_STATUS, 'result')).toBe('accessDenied');
    expect(fact(outcome, '/etc/ufw/ufw.conf', 'ENABLED')).toBe('yes');
    // Debian keeps ufw in /usr/sbin, outside a normal user's PATH.
    expect(calls.find((c) => c.line === UFW_STATUS)?.options?.env?.PATH).toMatch(/(^|:)\/usr\/sbin(:|$)/);
  });

  it('as root, the live `ufw status` wins over the boot-time setting', async () => {
    const { probes } = await probesFor(
      { '/etc/ufw/ufw.conf': fixture('ufw-conf-disabled.txt') },
      { [UFW_STATUS]: recorded('ufw-status-active.txt') },
    );
    expect(observed(await probes.firewall()).profiles).toEqual([{ name: 'ufw', enabled: true }]);
  });

  it('installed but disabled ufw is a profile with enabled: false', async () => {
    const { probes } = await probesFor(
      { '/etc/ufw/ufw.conf': fixture('ufw-conf-disabled.txt') },
      { [UFW_STATUS]: recorded('ufw-status-not-root.txt') },
    );
    expect(observed(await probes.firewall()).profiles).toEqual([{ name: 'ufw', enabled: false }]);
  });

  it('firewalld answers over D-Bus; an inactive nftables.service under it is not reported', async () => {
    const running = await probesFor(
      { '/usr/sbin/nft': '' },
      { [FIREWALLD]: recorded('firewall-cmd-running.txt'), [UNITS]: recorded('systemctl-active-inactive.txt') },
    );
    expect(observed(await running.probes.firewall()).profiles).toEqual([{ name: 'firewalld', enabled: true }]);
    const stopped = await probesFor({}, { [FIREWALLD]: recorded('firewall-cmd-not-running.txt') });
    expect(observed(await stopped.probes.firewall()).profiles).toEqual([{ name: 'firewalld', enabled: false }]);
    expect(parseFirewallCmdState({ ok: true, stdout: 'running\n', stderr: '', exitCode: 0, source: FIREWALLD })).toBe(true);
  });

  it('one firewall on is enough: a stopped alternative stays in the evidence only', async () => {
    const { probes } = await probesFor(
      { '/etc/ufw/ufw.conf': fixture('ufw-conf-disabled.txt') },
      { [UFW_STATUS]: recorded('ufw-status-not-root.txt'), [FIREWALLD]: recorded('firewall-cmd-running.txt') },
    );
    const outcome = await probes.firewall();
    expect(observed(outcome).profiles).toEqual([{ name: 'firewalld', enabled: true }]);
    expect(fact(outcome, '/etc/ufw/ufw.conf', 'ENABLED')).toBe('no');
  });

  it('nftables alone is reported, unknown without systemd', async () => {
    const { probes } = await probesFor({ '/usr/sbin/nft': '' }, { [UNITS]: recorded('systemctl-no-systemd.txt') });
    expect(observed(await probes.firewall()).profiles).toEqual([{ name: 'nftables', enabled: null }]);
  });

  it('no firewall installed: no profiles, and the evidence lists everything that was tried', async () => {
    const { probes } = await probesFor({});
    const outcome = await probes.firewall();
    expect(observed(outcome).profiles).toEqual([]);
    expect(sources(outcome).join('\n')).toMatch(/ufw status[\s\S]*ufw\.conf[\s\S]*firewall-cmd[\s\S]*nft/);
  });

  it('systemctl is-active: one state per unit; no systemd means unknown', () => {
    const states = parseIsActive({ ok: true, exitCode: 3, stdout: 'active\ninactive\n', stderr: '', source: 'systemctl' }, [
      'firewalld',
      'nftables',
    ]);
    expect([...states.values()]).toEqual([true, false]);
    const none = recorded('systemctl-no-systemd.txt');
    const reading: CommandReading = {
      ok: false,
      problem: 'unparseable',
      stdout: '',
      stderr: none.stderr ?? '',
      exitCode: 1,
      source: 'systemctl',
    };
    expect([...parseIsActive(reading, ['firewalld', 'nftables']).values()]).toEqual([null, null]);
  });
});

describe('antivirus (ClamAV)', () => {
  const padded = (header: string): Buffer =>
    Buffer.concat([Buffer.from(header.trim().padEnd(512, ' '), 'latin1'), Buffer.from([0x1f, 0x8b, 8, 0])]);
  const clamInstalled = { '/usr/bin/clamscan': '', '/usr/bin/freshclam': '', '/etc/clamav/freshclam.conf': fixture('freshclam-conf.txt') };
  const procs = (...names: string[]): Record<string, string> => ({
    '/proc/self/mounts': fixture('proc-mounts-this-vm.txt'),
    ...Object.fromEntries(names.map((n, i) => [`/proc/${100 + i}/comm`, `${n}\n`])),
  });

  it('parses the CVD header, preferring stime to the build-time text', () => {
    expect(parseCvdHeader(fixture('clamav-daily-cld-current.txt'))).toEqual({
      version: '27834',
      builtAt: '2026-11-25T08:27:00.000Z',
      signatures: 2077426,
    });
    expect(parseCvdHeader(padded(fixture('clamav-daily-cvd-old.txt')))?.builtAt).toBe('2025-03-14T09:34:00.000Z');
    // No stime: the build time and its UTC offset.
    expect(parseCvdHeader(fixture('clamav-main-cvd-no-stime.txt'))).toEqual({
      version: '62',
      builtAt: '2021-09-16T12:32:00.000Z',
      signatures: 6647427,
    });
    expect(parseCvdBuildTime('25 Nov 2026 08-27 +0900')).toBe('2026-11-24T23:27:00.000Z');
    expect(parseCvdHeader('PK\u0003\u0004 not a database')).toBeNull();
    expect(parseDatabaseDirectory(fixture('freshclam-conf.txt'))).toBe('/var/lib/clamav');
  });

  it('up to date, on demand only: active, definitions dated, no real-time protection', async () => {
    const { probes } = await probesFor({
      ...clamInstalled,
      '/usr/sbin/clamd': '',
      '/var/lib/clamav/daily.cld': padded(fixture('clamav-daily-cld-current.txt')),
      '/var/lib/clamav/main.cvd': padded(fixture('clamav-main-cvd-no-stime.txt')),
      ...procs('clamd', 'freshclam', 'systemd'),
    });
    const outcome = await probes.antivirus();
    expect(observed(outcome).products).toEqual([
      {
        name: 'ClamAV',
        engine: 'clamav',
        mode: 'active',
        realTimeProtection: false,
        definitionsUpdatedAt: '2026-11-25T08:27:00.000Z',
        definitionsUpToDate: null,
        definitionsVersion: '27834',
      },
    ]);
    expect(fact(outcome, '/proc/*/comm', 'clamd')).toBe(true);
  });

  it('out of date, with clamonacc: old definitions date, real-time protection on', async () => {
    const { probes } = await probesFor({
      ...clamInstalled,
      '/var/lib/clamav/daily.cvd': padded(fixture('clamav-daily-cvd-old.txt')),
      ...procs('clamd', 'clamonacc'),
    });
    const [product] = observed(await probes.antivirus()).products;
    expect(product).toMatchObject({
      mode: 'active',
      realTimeProtection: true,
      definitionsUpdatedAt: '2025-03-14T09:34:00.000Z',
      definitionsVersion: '27575',
    });
  });

  it('installed but never updated (offline): reported, inactive, with no definitions date', async () => {
    const { probes } = await probesFor({ ...clamInstalled, '/var/lib/clamav': null, ...procs('bash') });
    expect(observed(await probes.antivirus()).products).toEqual([
      {
        name: 'ClamAV',
        engine: 'clamav',
        mode: 'off',
        realTimeProtection: false,
        definitionsUpdatedAt: null,
        definitionsUpToDate: null,
        definitionsVersion: null,
      },
    ]);
  });

  it('with hidepid, an unseen clamonacc is unknown, not absent', async () => {
    const { probes } = await probesFor({
      ...clamInstalled,
      '/var/lib/clamav/daily.cld': padded(fixture('clamav-daily-cld-current.txt')),
      '/proc/self/mounts': fixture('proc-mounts-zfs.txt'),
      '/proc/4242/comm': 'bash\n',
    });
    expect(observed(await probes.antivirus()).products[0]?.realTimeProtection).toBeNull();
    expect(procHidesOthers('proc /proc proc rw,hidepid=0 0 0')).toBe(false);
  });

  it('a database directory this user may not read fails as access denied', async () => {
    const root = await tree({ ...clamInstalled, '/var/lib/clamav/daily.cld': padded(fixture('clamav-daily-cld-current.txt')) });
    const probes = createLinuxProbes({ root, fs: denying(root, ['/var/lib/clamav']), run: (await replay({})).run, timeZone: TOKYO });
    const outcome = await probes.antivirus();
    expect(outcome).toMatchObject({ ok: false, problem: 'accessDenied' });
    expect(fact(outcome, '/var/lib/clamav', 'code')).toBe('EACCES');
  });

  it('no ClamAV: no products', async () => {
    const { probes } = await probesFor({ ...procs('bash') });
    expect(observed(await probes.antivirus()).products).toEqual([]);
  });
});

describe('OS version and updates', () => {
  const baseTree = { '/etc/os-release': fixture('os-release-debian-12.txt'), '/etc/debian_version': fixture('debian-version-12.txt') };
  const uuEnabled = {
    '/usr/bin/unattended-upgrade': '',
    '/etc/apt/apt.conf.d/20auto-upgrades': fixture('apt-20auto-upgrades-enabled.txt'),
  };

  it('names Debian with its point release and Ubuntu with its own', () => {
    expect(osIdentity(parseOsRelease(fixture('os-release-debian-12.txt')), parseDebianVersion(fixture('debian-version-12.txt')))).toEqual({
      osName: 'Debian GNU/Linux 12 (bookworm)',
      osVersion: '12.11',
    });
    // Ubuntu's debian_version names its Debian base and is ignored.
    expect(
      osIdentity(parseOsRelease(fixture('os-release-ubuntu-24.04.txt')), parseDebianVersion(fixture('debian-version-ubuntu.txt'))),
    ).toEqual({
      osName: 'Ubuntu 24.04.1 LTS',
      osVersion: '24.04.1',
    });
    expect(osIdentity(parseOsRelease('NAME=Arch\nID=arch\nBUILD_ID=rolling\n'), null)).toEqual({ osName: 'Arch', osVersion: '' });
  });

  it('converts local wall-clock stamps with the machine zone, DST included', () => {
    const wall = parseWallClock('2026-11-20  10:12:01');
    expect(wall && wallClockToUtc(wall, TOKYO).toISOString()).toBe('2026-11-20T01:12:01.000Z');
    const summer = parseWallClock('2026-07-01 12:00:00,123');
    expect(summer && wallClockToUtc(summer, 'Europe/Berlin').toISOString()).toBe('2026-07-01T10:00:00.000Z');
    const winter = parseWallClock('2026-01-15 12:00:00');
    expect(winter && wallClockToUtc(winter, 'Europe/Berlin').toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(parseWallClock('2026-13-01 00:00:00')).toBeNull();
  });

  it('reads apt history entries and tells whole-system upgrades from partial ones', () => {
    const entries = parseAptHistory(fixture('apt-history-current.txt'), TOKYO);
    expect(entries.map(updateKind)).toEqual(['systemUpgrade', 'partial', 'partial', 'none']);
    expect(entries.map(entryTime)).toEqual([
      '2026-11-02T00:07:42.000Z',
      '2026-11-17T21:31:09.000Z',
      '2026-11-20T01:12:30.000Z',
      '2026-11-24T08:40:25.000Z',
    ]);
    expect(entries[0]?.installed).toEqual(['linux-image-6.1.0-41-amd64']);
    expect(parsePackageList('libstdc++6:amd64 (12.2.0-14, 12.2.0-14+deb12u1), git:amd64 (1:2.39.5-0+deb12u2)')).toEqual([
      'libstdc++6',
      'git',
    ]);
    expect(parseAptHistory(fixture('apt-history-rotated.txt'), TOKYO).map(updateKind)).toEqual(['systemUpgrade', 'partial']);
  });

  it('reads unattended-upgrades runs and their origins, in both log formats', () => {
    const runs = parseUnattendedUpgradesLog(fixture('unattended-upgrades-log.txt'), TOKYO);
    expect(runs.map((r) => r.installedAt)).toEqual([null, '2026-11-17T21:31:09.000Z', null]);
    expect(runs[1]?.packages).toEqual(['libssl3', 'openssl']);
    expect(runs[1]?.allowedOrigins).toContain('origin=Debian,codename=bookworm-security,label=Debian-Security');
    const xenial = parseUnattendedUpgradesLog(fixture('unattended-upgrades-log-xenial.txt'), 'UTC').filter((r) => r.installedAt);
    expect(xenial).toEqual([
      {
        startedAt: '2016-05-22T07:45:11.000Z',
        installedAt: '2016-05-22T07:46:43.000Z',
        allowedOrigins: ['o=Ubuntu,a=xenial-security'],
        packages: ['firefox', 'libexpat1', 'thunderbird'],
      },
    ]);
    expect(parseAllowedOrigins("['o=A,a=x', 'o=B,a=y-security']")).toEqual(['o=A,a=x', 'o=B,a=y-security']);
  });

  it('reads APT::Periodic::Unattended-Upgrade as apt does', () => {
    expect(parsePeriodicUnattendedUpgrade(fixture('apt-20auto-upgrades-enabled.txt'))).toBe('1');
    expect(parsePeriodicUnattendedUpgrade(fixture('apt-20auto-upgrades-disabled.txt'))).toBe('0');
    expect(parsePeriodicUnattendedUpgrade(fixture('apt-99-local-override.txt'))).toBe('0');
    expect([periodicEnabled('1'), periodicEnabled('always'), periodicEnabled('0'), periodicEnabled(''), periodicEnabled('weekly')]).toEqual(
      [true, true, false, false, null],
    );
    expect(
      ['20auto-upgrades', '50unattended-upgrades.conf', '20auto-upgrades.dpkg-old', '20auto-upgrades.ucf-dist', 'a b'].map(isAptConfPart),
    ).toEqual([true, true, false, false, false]);
  });

  it('prefers the last unattended-upgrades run from a security origin; automatic updates on', async () => {
    const { probes } = await probesFor({
      ...baseTree,
      ...uuEnabled,
      '/var/log/apt/history.log': fixture('apt-history-current.txt'),
      '/var/log/unattended-upgrades/unattended-upgrades.log': fixture('unattended-upgrades-log.txt'),
    });
    const outcome = await probes.osUpdates();
    expect(observed(outcome)).toEqual({
      osName: 'Debian GNU/Linux 12 (bookworm)',
      osVersion: '12.11',
      lastUpdateInstalledAt: '2026-11-17T21:31:09.000Z',
      lastUpdateTitle: 'unattended-upgrades (security origins): libssl3 openssl',
      automaticUpdates: true,
    });
    expect(fact(outcome, 'history.log', 'timeZone')).toBe(TOKYO);
  });

  it('when the unattended-upgrades log is denied, falls back to apt history and says so', async () => {
    const root = await tree({
      ...baseTree,
      ...uuEnabled,
      '/var/log/apt/history.log': fixture('apt-history-current.txt'),
      '/var/log/unattended-upgrades/unattended-upgrades.log': fixture('unattended-upgrades-log.txt'),
    });
    const probes = createLinuxProbes({
      root,
      fs: denying(root, ['/var/log/unattended-upgrades']),
      run: (await replay({})).run,
      timeZone: TOKYO,
    });
    const outcome = await probes.osUpdates();
    // The later `apt install vlc` upgraded one library: an update, but not known to cover security.
    expect(observed(outcome)).toMatchObject({
      lastUpdateInstalledAt: '2026-11-02T00:07:42.000Z',
      lastUpdateTitle: 'apt-get -y full-upgrade: 4 upgraded, 1 installed',
    });
    expect(fact(outcome, '/var/log/unattended-upgrades', 'problem')).toBe('accessDenied');
  });

  it('reads gz-rotated history when the live log has no update since rotation', async () => {
    const { probes } = await probesFor({
      ...baseTree,
      '/var/log/apt/history.log': fixture('apt-history-install-only.txt'),
      '/var/log/apt/history.log.2.gz': gzipSync(fixture('apt-history-rotated.txt')),
      '/var/log/apt/eipp.log.xz': 'not a history log',
    });
    const outcome = await probes.osUpdates();
    expect(observed(outcome)).toMatchObject({ lastUpdateInstalledAt: '2026-09-14T03:01:15.000Z', automaticUpdates: false });
    expect(observed(outcome).lastUpdateTitle).toMatch(/^packagekit role='update-packages': 2 upgraded/);
    expect(rotatedLogs(['history.log.10.gz', 'history.log', 'history.log.2.gz', 'history.log.1', 'term.log'], 'history.log')).toEqual([
      'history.log',
      'history.log.1',
      'history.log.2.gz',
      'history.log.10.gz',
    ]);
  });

  it('an out-of-date laptop reports its old last update as it is', async () => {
    const { probes } = await probesFor({ ...baseTree, '/var/log/apt/history.log': fixture('apt-history-old.txt') });
    expect(observed(await probes.osUpdates())).toMatchObject({
      lastUpdateInstalledAt: '2025-02-03T09:45:02.000Z',
      lastUpdateTitle: 'apt upgrade: 2 upgraded',
      automaticUpdates: false,
    });
  });

  it('automatic updates: a later drop-in turning it off wins; an unreadable later file makes it unknown', async () => {
    const overridden = await probesFor({ ...baseTree, ...uuEnabled, '/etc/apt/apt.conf.d/99local': fixture('apt-99-local-override.txt') });
    expect(observed(await overridden.probes.osUpdates()).automaticUpdates).toBe(false);
    const root = await tree({ ...baseTree, ...uuEnabled, '/etc/apt/apt.conf.d/99secret': 'APT::Periodic::Unattended-Upgrade "0";\n' });
    const probes = createLinuxProbes({
      root,
      fs: denying(root, ['/etc/apt/apt.conf.d/99secret']),
      run: (await replay({})).run,
      timeZone: TOKYO,
    });
    expect(observed(await probes.osUpdates()).automaticUpdates).toBeNull();
  });

  it('no os-release at all fails the probe', async () => {
    const { probes } = await probesFor({});
    expect(await probes.osUpdates()).toMatchObject({ ok: false, problem: 'unparseable' });
  });
});

describe('disk encryption', () => {
  const parse = (lsblk: string, mounts: string) =>
    parseDiskEncryption(
      {
        lsblk: { ok: true, stdout: lsblk, stderr: '', exitCode: 0, source: 'lsblk' },
        mounts: { ok: true, value: mounts, source: '/proc/self/mounts' },
      },
      AT,
    );

  it('LUKS under LVM (util-linux 2.38 mountpoints arrays) is encrypted', () => {
    const outcome = parse(fixture('lsblk-luks-lvm-2.38.txt'), fixture('proc-mounts-luks.txt'));
    expect(observed(outcome)).toEqual({ volume: '/', state: 'on', method: 'LUKS' });
    expect(fact(outcome, 'lsblk', 'chain')).toBe(
      'vg0-root(lvm,ext4) < nvme0n1p3_crypt(crypt,LVM2_member) < nvme0n1p3(part,crypto_LUKS) < nvme0n1(disk)',
    );
  });

  it('a plain partition (util-linux 2.36 `mountpoint` strings) is not', () => {
    const nodes = parseLsblkJson(fixture('lsblk-plain-2.36.txt')) ?? [];
    expect(rootNodes(nodes).map((n) => n.name)).toEqual(['sda2']);
    expect(observed(parse(fixture('lsblk-plain-2.36.txt'), 'sda2 / ext4 rw 0 0'))).toEqual({ volume: '/', state: 'off', method: 'none' });
  });

  it('an LVM root half on a plain disk is not encrypted', () => {
    const [root] = rootNodes(parseLsblkJson(fixture('lsblk-half-encrypted-lvm-2.38.txt')) ?? []);
    expect(root && fullyEncrypted(root)).toBe(false);
    expect(observed(parse(fixture('lsblk-half-encrypted-lvm-2.38.txt'), 'x / ext4 rw 0 0')).state).toBe('off');
  });

  it('this VM: a whole virtual disk, unencrypted', () => {
    expect(observed(parse(fixture('lsblk-this-vm-2.38.txt'), fixture('proc-mounts-this-vm.txt')))).toEqual({
      volume: '/',
      state: 'off',
      method: 'none',
    });
  });

  it('a container (overlay root) is not applicable; a ZFS root is unknown', () => {
    expect(parse(fixture('lsblk-docker-2.38.txt'), fixture('proc-mounts-overlay.txt'))).toMatchObject({
      ok: false,
      problem: 'notApplicable',
    });
    const zfs = parse(fixture('lsblk-zfs-2.38.txt'), fixture('proc-mounts-zfs.txt'));
    expect(observed(zfs)).toMatchObject({
      volume: '/',
      state: 'unrecognized',
      method: null,
      raw: expect.stringContaining('zfs') as unknown,
    });
    expect(fact(zfs, '/proc/self/mounts', 'rootFsType')).toBe('zfs');
  });

  it('retries with the old columns on util-linux < 2.37; lsblk missing is commandMissing', async () => {
    const mounts = { '/proc/self/mounts': 'sda2 / ext4 rw 0 0\n' };
    const { probes, calls } = await probesFor(mounts, {
      'lsblk -s --json --output NAME,PATH,TYPE,FSTYPE,MOUNTPOINTS': recorded('lsblk-unknown-column-2.36.txt'),
      'lsblk -s --json --output NAME,TYPE,FSTYPE,MOUNTPOINT': { stdout: fixture('lsblk-plain-2.36.txt') },
    });
    expect(observed(await probes.diskEncryption())).toEqual({ volume: '/', state: 'off', method: 'none' });
    expect(calls.map((c) => c.line)).toHaveLength(2);
    const missing = await probesFor(mounts);
    expect(await missing.probes.diskEncryption()).toMatchObject({ ok: false, problem: 'commandMissing' });
  });
});

describe('screen lock (GNOME)', () => {
  const gnome = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', PATH: '/usr/bin:/bin' };

  it('GNOME defaults: locks after 300 s, with the password', async () => {
    const { probes } = await probesFor({}, gsettings('gsettings-gnome-defaults.txt'), { env: gnome });
    const outcome = await probes.screenLock();
    expect(observed(outcome)).toEqual({ lockEnabled: true, idleSeconds: 300, passwordRequired: true, passwordDelaySeconds: 0 });
    expect(sources(outcome)).toContain('gsettings get org.gnome.desktop.session idle-delay');
  });

  it('screen never blanks, or lock switched off: no lock', async () => {
    for (const name of ['gsettings-never-blank.txt', 'gsettings-lock-off.txt']) {
      const { probes } = await probesFor({}, gsettings(name), { env: gnome });
      expect(observed(await probes.screenLock())).toEqual({
        lockEnabled: false,
        idleSeconds: null,
        passwordRequired: false,
        passwordDelaySeconds: null,
      });
    }
    expect(screenLockFrom({ lockEnabled: true, idleDelay: 300, lockDelay: 30, lockDisabled: false })).toMatchObject({
      idleSeconds: 300,
      passwordDelaySeconds: 30,
    });
    expect(screenLockFrom({ lockEnabled: true, idleDelay: 300, lockDelay: 0, lockDisabled: true }).lockEnabled).toBe(false);
    expect(parseGsettingsUint('uint32 300\n')).toBe(300);
  });

  it('no schema is notApplicable; no gsettings is commandMissing', async () => {
    const noSchema = recorded('gsettings-no-schema.txt');
    const keys = Object.keys(gsettings('gsettings-gnome-defaults.txt'));
    const schemaless = await probesFor({}, Object.fromEntries(keys.map((k) => [k, noSchema])), { env: gnome });
    expect(await schemaless.probes.screenLock()).toMatchObject({ ok: false, problem: 'notApplicable' });
    const missing = await probesFor({}, {}, { env: gnome });
    expect(await missing.probes.screenLock()).toMatchObject({ ok: false, problem: 'commandMissing' });
  });

  it('other desktops are not read as GNOME; no desktop session is notApplicable', async () => {
    const kde = await probesFor({}, gsettings('gsettings-gnome-defaults.txt'), { env: { XDG_CURRENT_DESKTOP: 'KDE' } });
    expect(await kde.probes.screenLock()).toMatchObject({ ok: false, problem: 'commandMissing' });
    expect(kde.calls).toEqual([]);
    const headless = await probesFor({}, {}, { env: {} });
    expect(await headless.probes.screenLock()).toMatchObject({ ok: false, problem: 'notApplicable' });
    expect(['GNOME', 'ubuntu:GNOME', 'Unity', 'KDE', 'XFCE', 'X-Cinnamon'].map(isGnomeFamily)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('Wi-Fi (NetworkManager)', () => {
  const NMCLI = 'nmcli -t -f ACTIVE,SSID,SECURITY device wifi list --rescan no';
  const wifiFrom = (name: string) =>
    parseWifi({ nmcli: { ok: true, stdout: recorded(name).stdout ?? '', stderr: '', exitCode: 0, source: NMCLI }, adapters: null }, AT);

  it('splits terse lines on unescaped colons only', () => {
    expect(splitTerse('yes:Lab\\:Device\\\\Net:WPA2 WPA3')).toEqual(['yes', 'Lab:Device\\Net', 'WPA2 WPA3']);
    expect(parseNmcliWifiList(recorded('nmcli-wifi-wpa2.txt').stdout ?? '')).toHaveLength(4);
  });

  it('connected networks: WPA2, escaped colon, Japanese open network, enterprise', () => {
    expect(observed(wifiFrom('nmcli-wifi-wpa2.txt'))).toEqual({ state: 'connected', ssid: 'FieldOps-5G', security: 'wpa2' });
    expect(observed(wifiFrom('nmcli-wifi-escaped-colon.txt'))).toEqual({ state: 'connected', ssid: 'Lab:Device\\Net', security: 'wpa2' });
    expect(observed(wifiFrom('nmcli-wifi-japanese.txt'))).toEqual({ state: 'connected', ssid: '病院ゲスト：2F', security: 'open' });
    expect(observed(wifiFrom('nmcli-wifi-enterprise.txt'))).toEqual({ state: 'connected', ssid: 'eduroam', security: 'enterprise' });
    expect(observed(wifiFrom('nmcli-wifi-none-active.txt'))).toEqual({ state: 'notConnected', ssid: null, security: null });
  });

  it('classifies a mixed network as its weakest mode', () => {
    const cases = ['', '--', 'WEP', 'WPA1', 'WPA1 WPA2', 'WPA2', 'WPA2 WPA3', 'WPA3', 'WPA3 802.1X', 'OWE'];
    expect(cases.map(classifySecurity)).toEqual(['open', 'open', 'wep', 'wpa', 'wpa', 'wpa2', 'wpa2', 'wpa3', 'enterprise', 'unknown']);
  });

  it('asks nmcli in C.UTF-8 so Japanese SSIDs survive', async () => {
    const { probes, calls } = await probesFor({}, { [NMCLI]: recorded('nmcli-wifi-japanese.txt') });
    expect(observed(await probes.wifi()).ssid).toBe('病院ゲスト：2F');
    expect(calls[0]?.options?.env?.LC_ALL).toBe('C.UTF-8');
  });

  it('NetworkManager not running: no adapter, adapter down, adapter up', async () => {
    const notRunning = { [NMCLI]: recorded('nmcli-not-running.txt') };
    const eth = { '/sys/class/net/eth0/operstate': 'up\n' };
    const none = await probesFor(eth, notRunning);
    expect(await none.probes.wifi()).toMatchObject({ ok: false, problem: 'notApplicable', detail: 'no Wi-Fi adapter' });
    const down = await probesFor(
      { ...eth, '/sys/class/net/wlp2s0/wireless': null, '/sys/class/net/wlp2s0/operstate': 'down\n' },
      notRunning,
    );
    expect(observed(await down.probes.wifi())).toEqual({ state: 'notConnected', ssid: null, security: null });
    const up = await probesFor({ '/sys/class/net/wlp2s0/phy80211': null, '/sys/class/net/wlp2s0/operstate': 'up\n' });
    const outcome = await up.probes.wifi();
    expect(outcome).toMatchObject({ ok: false, problem: 'commandMissing' });
    expect(fact(outcome, NMCLI, 'result')).toBe('commandMissing');
  });

  it('a hanging nmcli is cut off at the time limit and reported as a timeout', async () => {
    const wlan = { '/sys/class/net/wlp2s0/wireless': null, '/sys/class/net/wlp2s0/operstate': 'up\n' };
    const { probes } = await probesFor(wlan, { [NMCLI]: { ...recorded('nmcli-wifi-wpa2.txt'), hang: 2 } }, { timeoutMs: 300 });
    // nmcli would answer after 2 s: only the 300 ms limit can make this a timeout.
    expect(await probes.wifi()).toMatchObject({ ok: false, problem: 'timeout' });
  });
});

describe('remote access', () => {
  const tables = (v4: string, v6?: string): Read<string>[] => [
    { ok: true, value: v4, source: '/proc/net/tcp' },
    v6 === undefined
      ? { ok: false, problem: 'missing', code: 'ENOENT', source: '/proc/net/tcp6' }
      : { ok: true, value: v6, source: '/proc/net/tcp6' },
  ];

  it("decodes the kernel's host-order addresses", () => {
    expect(decodeAddress('0100007F', true)).toEqual({ address: '127.0.0.1', loopback: true });
    expect(decodeAddress('00000000000000000000000001000000', true)).toEqual({ address: '[::1]', loopback: true });
    expect(decodeAddress('0000000000000000FFFF00000100007F', true)).toEqual({ address: '[::ffff:127.0.0.1]', loopback: true });
    expect(decodeAddress('000080FE00000000FF7F0A02FEA7B5C1', true)?.address).toBe('[fe80::20a:7fff:c1b5:a7fe]');
    expect(decodeAddress('7F000001', false)).toEqual({ address: '127.0.0.1', loopback: true });
  });

  it('finds ssh and xrdp reachable from the network, not the tunnelled VNC on loopback', () => {
    const sockets = parseProcNetTcp(fixture('proc-net-tcp-workstation.txt'), true);
    expect(sockets.map((s) => s.port)).toEqual([22, 5901, 53, 631]);
    const outcome = parseRemoteAccess(
      { tables: tables(fixture('proc-net-tcp-workstation.txt'), fixture('proc-net-tcp6-workstation.txt')), littleEndian: true },
      AT,
    );
    expect(observed(outcome).listening).toEqual([
      { service: 'ssh', port: 22, detail: 'listening on 0.0.0.0:22, [::]:22' },
      { service: 'rdp', port: 3389, detail: 'listening on [::]:3389' },
    ]);
    expect(fact(outcome, '/proc/net/tcp', 'loopbackOnlyPorts')).toBe('5901');
    expect(fact(outcome, '/proc/net/tcp6', 'loopbackOnlyPorts')).toBe('5900');
  });

  it('this VM listens on no remote-access port; IPv6 disabled is fine', () => {
    expect(observed(parseRemoteAccess({ tables: tables(fixture('proc-net-tcp-this-vm.txt')), littleEndian: true }, AT)).listening).toEqual(
      [],
    );
  });

  it('an unreadable socket table fails the probe', async () => {
    const root = await tree({ '/proc/net/tcp': fixture('proc-net-tcp-workstation.txt') });
    const probes = createLinuxProbes({ root, fs: denying(root, ['/proc/net']), run: (await replay({})).run });
    expect(await probes.remoteAccess()).toMatchObject({ ok: false, problem: 'accessDenied' });
  });
});

// ---------------------------------------------------------------------------------------------

const factValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const evidenceSchema = z.strictObject({ source: z.string().min(1), observedAt: z.iso.datetime(), facts: z.record(z.string(), factValue) });
const problemSchema = z.enum(['commandMissing', 'accessDenied', 'timeout', 'unparseable', 'notApplicable']);
const isoOrNull = z.iso.datetime().nullable();

function outcomeSchema<T extends z.ZodType>(observation: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), observation, evidence: z.array(evidenceSchema).min(1) }),
    z.strictObject({
      ok: z.literal(false),
      problem: problemSchema,
      detail: z.string().min(1).optional(),
      evidence: z.array(evidenceSchema).min(1),
    }),
  ]);
}

const enabledItem = z.strictObject({ name: z.string().min(1), enabled: z.boolean().nullable() });
const schemas = {
  firewall: outcomeSchema(z.strictObject({ profiles: z.array(enabledItem), products: z.array(enabledItem) })),
  antivirus: outcomeSchema(
    z.strictObject({
      products: z.array(
        z.strictObject({
          name: z.string().min(1),
          engine: z.string().min(1),
          mode: z.enum(['active', 'passive', 'off', 'unrecognized']),
          realTimeProtection: z.boolean().nullable(),
          definitionsUpdatedAt: isoOrNull,
          definitionsUpToDate: z.boolean().nullable(),
          definitionsVersion: z.string().nullable(),
        }),
      ),
    }),
  ),
  osUpdates: outcomeSchema(
    z.strictObject({
      osName: z.string().min(1),
      osVersion: z.string(),
      lastUpdateInstalledAt: isoOrNull,
      lastUpdateTitle: z.string().nullable(),
      automaticUpdates: z.boolean().nullable(),
    }),
  ),
  diskEncryption: outcomeSchema(
    z.strictObject({
      volume: z.literal('/'),
      state: z.enum(['on', 'off', 'unrecognized']),
      method: z.string().nullable(),
      raw: z.string().min(1).optional(),
    }),
  ),
  screenLock: outcomeSchema(
    z.strictObject({
      lockEnabled: z.boolean().nullable(),
      idleSeconds: z.number().int().nonnegative().nullable(),
      passwordRequired: z.boolean().nullable(),
      passwordDelaySeconds: z.number().int().nonnegative().nullable(),
    }),
  ),
  wifi: outcomeSchema(
    z.strictObject({
      state: z.enum(['connected', 'notConnected', 'unrecognized']),
      raw: z.string().optional(),
      ssid: z.string().nullable(),
      security: z.enum(['open', 'wep', 'wpa', 'wpa2', 'wpa3', 'enterprise', 'unknown']).nullable(),
    }),
  ),
  remoteAccess: outcomeSchema(
    z.strictObject({
      listening: z.array(
        z.strictObject({ service: z.enum(['rdp', 'vnc', 'ssh']), port: z.number().int().nullable(), detail: z.string().nullable() }),
      ),
    }),
  ),
};

type ProbeName = keyof typeof schemas;

/** Whether some evidence fact carries exactly this value. */
function evidenceHas(outcome: ProbeOutcome<unknown>, value: string | number | boolean): boolean {
  return outcome.evidence.some((e) => Object.values(e.facts).includes(value));
}

/** The check each probe's ok outcome must pass: its observation is backed by what it read. */
const justified: Record<ProbeName, (outcome: ProbeOutcome<never> & { ok: true }) => void> = {
  firewall: (o) => {
    const obs = o.observation as { profiles: { name: string }[] };
    const sourceFor: Record<string, RegExp> = { ufw: /ufw/, firewalld: /firewall/, nftables: /nft/ };
    for (const p of obs.profiles)
      expect(
        sources(o).some((s) => (sourceFor[p.name] ?? /$^/).test(s)),
        `evidence for ${p.name}`,
      ).toBe(true);
    // Empty must still say what was looked for.
    expect(sources(o).join(' ')).toMatch(/ufw[\s\S]*firewall-cmd[\s\S]*nft/);
  },
  antivirus: (o) => {
    const obs = o.observation as { products: { definitionsUpdatedAt: string | null }[] };
    for (const p of obs.products) {
      expect(sources(o).some((s) => /clamav/.test(s))).toBe(true);
      if (p.definitionsUpdatedAt !== null) expect(evidenceHas(o, p.definitionsUpdatedAt)).toBe(true);
    }
  },
  osUpdates: (o) => {
    const obs = o.observation as { osName: string; lastUpdateInstalledAt: string | null };
    expect(sources(o).some((s) => /os-release$/.test(s))).toBe(true);
    expect(evidenceHas(o, obs.osName)).toBe(true);
    if (obs.lastUpdateInstalledAt !== null) expect(evidenceHas(o, obs.lastUpdateInstalledAt)).toBe(true);
  },
  diskEncryption: (o) => {
    const obs = o.observation as { state: 'on' | 'off' | 'unrecognized' };
    const encrypted = fact(o, 'MOUNTPOINTS', 'encrypted') ?? fact(o, 'MOUNTPOINT', 'encrypted');
    expect(encrypted === null ? 'unrecognized' : encrypted === true ? 'on' : 'off').toBe(obs.state);
  },
  screenLock: (o) => expect(sources(o).filter((s) => s.startsWith('gsettings get')).length).toBeGreaterThanOrEqual(2),
  wifi: (o) => expect(sources(o).some((s) => s.startsWith('nmcli') || s.endsWith('/sys/class/net'))).toBe(true),
  remoteAccess: (o) => {
    const obs = o.observation as { listening: { port: number | null }[] };
    expect(sources(o)).toContain('/proc/net/tcp');
    for (const l of obs.listening)
      expect(
        o.evidence.some((e) =>
          String(e.facts.remoteAccessPorts ?? '')
            .split(',')
            .includes(String(l.port)),
        ),
      ).toBe(true);
  },
};

describe('the real probes on this machine', () => {
  const probes = createLinuxProbes();
  const names = Object.keys(schemas) as ProbeName[];

  // Each command has its own time limit (8 s, run-probe-command.ts); how long the whole
  // self-check takes is measured by `npm run bench` (self-check), not asserted here.
  it.each(names)('%s returns a well-formed outcome its evidence justifies', async (name) => {
    const outcome = (await probes[name]()) as ProbeOutcome<never>;
    const parsed = schemas[name].safeParse(outcome);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    for (const e of outcome.evidence) expect(Math.abs(Date.parse(e.observedAt) - Date.now())).toBeLessThan(60_000);
    if (outcome.ok) justified[name](outcome);
    else
      expect(
        outcome.evidence.some((e) => Object.keys(e.facts).length > 0),
        'a failure says what was tried',
      ).toBe(true);
  });

  it('all seven together, as the self-check runs them, each give a well-formed outcome', async () => {
    const outcomes = await Promise.all(names.map((name) => probes[name]()));
    outcomes.forEach((outcome, i) => expect(schemas[names[i]!].safeParse(outcome).success, names[i]).toBe(true));
  });

  it('agrees with facts the test reads itself', async () => {
    const osRelease = existsSync('/etc/os-release') ? parseOsRelease(readFileSync('/etc/os-release', 'utf8')) : null;
    const updates = await probes.osUpdates();
    if (osRelease?.PRETTY_NAME) expect(observed(updates).osName).toBe(osRelease.PRETTY_NAME);

    // ClamAV installed without any database (this offline CI machine): reported, never dated.
    const dbDir = '/var/lib/clamav';
    const noDatabase = existsSync(dbDir) && !readdirSync(dbDir).some((f) => /\.(cvd|cld)$/.test(f));
    if (existsSync('/usr/bin/clamscan') && noDatabase) {
      expect(observed(await probes.antivirus()).products).toEqual([
        expect.objectContaining({ engine: 'clamav', mode: 'off', definitionsUpdatedAt: null, definitionsVersion: null }),
      ]);
    }

    // Not in a desktop session: no screen lock is claimed.
    if (!process.env.XDG_CURRENT_DESKTOP) expect(await probes.screenLock()).toMatchObject({ ok: false, problem: 'notApplicable' });
  });
});
