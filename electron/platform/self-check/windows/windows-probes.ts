/**
 * The Windows probes of the laptop security self-check, one per question. Each runs its own
 * PowerShell script through runPowerShell (no profile, non-interactive, UTF-8 output) with
 * its own time limit, and each is independent, so the self-check can run them concurrently
 * and one that hangs or fails costs only its own answer.
 */
import type { SelfCheckProbes } from '../../../core/self-check/self-check-observations';
import { runPowerShell } from '../run-probe-command';
import { bluetoothDiscoverableOnlyInSettings } from '../bluetooth-settings-page';
import { probeAdminAccount } from './admin-account';
import { probeAntivirus } from './antivirus';
import { probeAutoLogin, probeAutoRun } from './auto-start';
import { probeBootProtection } from './boot-protection';
import { probeClockSync } from './clock-sync';
import { probeDiskEncryption } from './disk-encryption';
import { probeEdr } from './edr';
import { probeFileSharing } from './file-sharing';
import { probeFirewall } from './firewall';
import { probeOsUpdates } from './os-updates';
import type { PowerShellRunner } from './powershell-json';
import { probeRemoteAccess } from './remote-access';
import { probeScreenLock } from './screen-lock';
import { probeWifi } from './wifi';

export type { PowerShellRunner } from './powershell-json';

export interface WindowsProbeOptions {
  /** Runs the scripts; tests pass recorded output. Default: runPowerShell. */
  readonly runPowerShell?: PowerShellRunner;
}

export function createWindowsProbes(options: WindowsProbeOptions = {}): SelfCheckProbes {
  const run = options.runPowerShell ?? runPowerShell;
  return {
    os: 'windows',
    firewall: () => probeFirewall(run),
    antivirus: () => probeAntivirus(run),
    osUpdates: () => probeOsUpdates(run),
    diskEncryption: () => probeDiskEncryption(run),
    screenLock: () => probeScreenLock(run),
    wifi: () => probeWifi(run),
    remoteAccess: () => probeRemoteAccess(run),
    bootProtection: () => probeBootProtection(run),
    clockSync: () => probeClockSync(run),
    autoRun: () => probeAutoRun(run),
    autoLogin: () => probeAutoLogin(run),
    adminAccount: () => probeAdminAccount(run),
    fileSharing: () => probeFileSharing(run),
    edr: () => probeEdr(run),
    bluetooth: () => bluetoothDiscoverableOnlyInSettings('Windows'),
  };
}
