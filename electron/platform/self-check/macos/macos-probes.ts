/**
 * The macOS probes of the laptop security self-check, one per concern, each reading what it
 * needs without admin rights (never sudo) and with a time limit on every command. They only
 * observe; evaluate-self-check.ts judges.
 */
import type { SelfCheckProbes } from '../../../core/self-check/self-check-observations';
import { runProbeCommand } from '../run-probe-command';
import { bluetoothDiscoverableOnlyInSettings } from '../bluetooth-settings-page';
import { probeAdminAccount } from './admin-account';
import { probeAutoLogin, probeAutoRun } from './auto-start';
import { probeBootProtection } from './boot-protection';
import { probeClockSync } from './clock-sync';
import { probeEdr } from './edr';
import { probeFileSharing } from './file-sharing';
import { probeFirewall } from './firewall';
import { readInstallHistory } from './install-history';
import { shareWhileRunning, type CommandRunner } from './macos-answers';
import { probeOsUpdates } from './os-updates';
import { probeDiskEncryption } from './filevault';
import { probeRemoteAccess } from './remote-access';
import { probeScreenLock } from './screen-lock';
import { probeWifi } from './wifi';
import { probeAntivirus } from './xprotect';

/**
 * @param run runs one command; the real runProbeCommand unless a test replays recorded output.
 */
export function createMacosProbes(run: CommandRunner = runProbeCommand): SelfCheckProbes {
  // The antivirus and OS-update probes both read the install history; one system_profiler run serves both.
  const installHistory = shareWhileRunning(() => readInstallHistory(run));
  return {
    os: 'macos',
    firewall: () => probeFirewall(run),
    antivirus: () => probeAntivirus(run, installHistory),
    osUpdates: () => probeOsUpdates(run, installHistory),
    diskEncryption: () => probeDiskEncryption(run),
    screenLock: () => probeScreenLock(run),
    wifi: () => probeWifi(run),
    remoteAccess: () => probeRemoteAccess(run),
    bootProtection: () => probeBootProtection(run),
    clockSync: () => probeClockSync(run),
    autoRun: () => probeAutoRun(),
    autoLogin: () => probeAutoLogin(run),
    adminAccount: () => probeAdminAccount(run),
    fileSharing: () => probeFileSharing(run),
    edr: () => probeEdr(run),
    bluetooth: () => bluetoothDiscoverableOnlyInSettings('macOS'),
  };
}
