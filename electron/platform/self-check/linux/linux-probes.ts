/**
 * The Linux probes of the laptop security self-check, for a non-admin user on a Debian-family
 * desktop (Debian, Ubuntu). Each probe reads what an ordinary user may read and reports
 * anything else as a failed probe with its reason; see each module for its sources.
 *
 * By default every probe reads this machine. Tests pass `root` (a fixture tree that mirrors
 * /etc, /var, /proc, /sys), `run` (recorded command output), `fs` (to simulate "access denied"
 * even when the tests run as root), `env` and `timeZone`.
 */
import type { SelfCheckProbes } from '../../../core/self-check/self-check-observations';
import { runProbeCommand } from '../run-probe-command';
import { probeAdminAccount } from './admin-account';
import { probeBluetooth } from './bluetooth';
import { probeAutoLogin, probeAutoRun } from './auto-start';
import { probeBootProtection } from './boot-protection';
import { probeAntivirus } from './clamav';
import { probeClockSync } from './clock-sync';
import { probeDiskEncryption } from './disk-encryption';
import { probeEdr } from './edr';
import { probeFileSharing } from './file-sharing';
import { probeFirewall } from './firewall';
import type { CommandRunner, LinuxProbeContext, ProbeFileSystem } from './linux-context';
import { nodeFileSystem } from './linux-context';
import { machineTimeZone } from './local-time';
import { probeOsUpdates } from './os-updates';
import { probeRemoteAccess } from './remote-access';
import { probeScreenLock } from './screen-lock';
import { probeWifi } from './wifi';

export interface LinuxProbeOptions {
  /** Prefix for every file read; default "/". Commands ignore it: replace `run` as well. */
  readonly root?: string;
  /** Runs commands; default runProbeCommand. */
  readonly run?: CommandRunner;
  /** File access; default node:fs. */
  readonly fs?: ProbeFileSystem;
  /** The session environment (XDG_CURRENT_DESKTOP, PATH); default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Zone of the local-time stamps in apt's logs; default this machine's. */
  readonly timeZone?: string;
  /** Time limit of each command; default 5 s, so the whole check answers within seconds. */
  readonly timeoutMs?: number;
  /** Clock for the evidence's observedAt; default now. */
  readonly now?: () => Date;
}

export const DEFAULT_TIMEOUT_MS = 5000;

export function createLinuxContext(options: LinuxProbeOptions = {}): LinuxProbeContext {
  return {
    root: options.root ?? '/',
    fs: options.fs ?? nodeFileSystem,
    run: options.run ?? runProbeCommand,
    env: options.env ?? process.env,
    timeZone: options.timeZone ?? machineTimeZone(),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now: options.now ?? (() => new Date()),
  };
}

export function createLinuxProbes(options: LinuxProbeOptions = {}): SelfCheckProbes {
  const ctx = createLinuxContext(options);
  return {
    os: 'linux',
    firewall: () => probeFirewall(ctx),
    antivirus: () => probeAntivirus(ctx),
    osUpdates: () => probeOsUpdates(ctx),
    diskEncryption: () => probeDiskEncryption(ctx),
    screenLock: () => probeScreenLock(ctx),
    wifi: () => probeWifi(ctx),
    remoteAccess: () => probeRemoteAccess(ctx),
    bootProtection: () => probeBootProtection(ctx),
    clockSync: () => probeClockSync(ctx),
    autoRun: () => probeAutoRun(ctx),
    autoLogin: () => probeAutoLogin(ctx),
    adminAccount: () => probeAdminAccount(ctx),
    fileSharing: () => probeFileSharing(ctx),
    edr: () => probeEdr(ctx),
    bluetooth: () => probeBluetooth(ctx),
  };
}
