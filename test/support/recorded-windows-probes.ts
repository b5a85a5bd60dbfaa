/**
 * The Windows probes fed with recorded PowerShell output (test/fixtures/self-check/windows), for
 * tests that need a Windows laptop's answers on this Linux machine: the real scripts are
 * "run", the real parsers read what Windows printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SelfCheckProbes } from '../../electron/core/self-check/self-check-observations';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import { ADMIN_SCRIPT } from '../../electron/platform/self-check/windows/admin-account';
import { ANTIVIRUS_SCRIPT } from '../../electron/platform/self-check/windows/antivirus';
import { AUTO_LOGIN_SCRIPT, AUTO_RUN_SCRIPT } from '../../electron/platform/self-check/windows/auto-start';
import { BOOT_PROTECTION_SCRIPT } from '../../electron/platform/self-check/windows/boot-protection';
import { CLOCK_SYNC_SCRIPT } from '../../electron/platform/self-check/windows/clock-sync';
import { DISK_ENCRYPTION_SCRIPT } from '../../electron/platform/self-check/windows/disk-encryption';
import { EDR_SCRIPT } from '../../electron/platform/self-check/windows/edr';
import { SHARING_SCRIPT } from '../../electron/platform/self-check/windows/file-sharing';
import { FIREWALL_SCRIPT } from '../../electron/platform/self-check/windows/firewall';
import { OS_UPDATES_SCRIPT } from '../../electron/platform/self-check/windows/os-updates';
import { REMOTE_ACCESS_SCRIPT } from '../../electron/platform/self-check/windows/remote-access';
import { SCREEN_LOCK_SCRIPT } from '../../electron/platform/self-check/windows/screen-lock';
import { WIFI_SCRIPT } from '../../electron/platform/self-check/windows/wifi';
import { createWindowsProbes, type PowerShellRunner } from '../../electron/platform/self-check/windows/windows-probes';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/self-check/windows');

export interface WindowsScenario {
  readonly firewall: string;
  readonly antivirus: string;
  readonly osUpdates: string;
  readonly diskEncryption: string;
  readonly screenLock: string;
  readonly wifi: string;
  readonly remoteAccess: string;
  readonly bootProtection: string;
  readonly clockSync: string;
  readonly autoRun: string;
  readonly autoLogin: string;
  readonly adminAccount: string;
  readonly fileSharing: string;
  readonly edr: string;
}

/**
 * When the scenarios were recorded: Defender's definitions and the last update are dated
 * November 2024, so a test judging them "now" must set its clock to this time.
 */
export const RECORDED_AT = new Date('2024-11-22T01:00:00Z');

/** A clock that starts at RECORDED_AT when first read and runs on from there, for a harness that judges the recording "now". */
export function clockFromRecording(): () => Date {
  let offset: number | null = null;
  return () => {
    offset ??= Date.now() - RECORDED_AT.getTime();
    return new Date(Date.now() - offset);
  };
}

/** A well-kept Windows 11 laptop: every required check passes (at RECORDED_AT). */
export const HEALTHY_WINDOWS: WindowsScenario = {
  firewall: 'firewall-win11-all-on.txt',
  antivirus: 'antivirus-defender-normal.txt',
  osUpdates: 'os-updates-win11-en.txt',
  diskEncryption: 'disk-bitlocker-on.txt',
  screenLock: 'screen-lock-secure-saver-en.txt',
  wifi: 'wifi-en-win11-wpa2-personal.txt',
  remoteAccess: 'remote-access-none.txt',
  bootProtection: 'boot-protection-on.txt',
  clockSync: 'clock-sync-en-synchronized.txt',
  autoRun: 'auto-run-autoplay-off.txt',
  autoLogin: 'auto-login-not-set.txt',
  adminAccount: 'admin-account-ja-standard.txt',
  fileSharing: 'file-sharing-admin-shares-only.txt',
  edr: 'edr-services-sense-running.txt',
};

/** A Japanese Windows laptop with the public firewall off, old definitions, BitLocker off, an open Wi-Fi, a legacy-BIOS boot, the time service stopped, AutoPlay on, automatic login, an administrator account in daily use and a shared folder. */
export const NEGLECTED_WINDOWS_JA: WindowsScenario = {
  firewall: 'firewall-ja-public-off-disagreement.txt',
  antivirus: 'antivirus-defender-out-of-date.txt',
  osUpdates: 'os-updates-win10-ja-out-of-date.txt',
  diskEncryption: 'disk-bitlocker-off.txt',
  screenLock: 'screen-lock-sleep-without-password-ja.txt',
  wifi: 'wifi-ja-win11-open.txt',
  remoteAccess: 'remote-access-rdp-ssh.txt',
  bootProtection: 'boot-protection-legacy-ja.txt',
  clockSync: 'clock-sync-ja-service-stopped.txt',
  autoRun: 'auto-run-default.txt',
  autoLogin: 'auto-login-on.txt',
  adminAccount: 'admin-account-ja-admin.txt',
  fileSharing: 'file-sharing-shared-folder.txt',
  edr: 'edr-services-sense-stopped.txt',
};

function recorded(name: string): string {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  return text.slice(text.indexOf('\n') + 1);
}

/** A PowerShell runner that answers each probe script with the scenario's recorded stdout. */
export function recordedWindowsRunner(scenario: WindowsScenario): PowerShellRunner {
  const byScript = new Map<string, string>([
    [FIREWALL_SCRIPT, scenario.firewall],
    [ANTIVIRUS_SCRIPT, scenario.antivirus],
    [OS_UPDATES_SCRIPT, scenario.osUpdates],
    [DISK_ENCRYPTION_SCRIPT, scenario.diskEncryption],
    [SCREEN_LOCK_SCRIPT, scenario.screenLock],
    [WIFI_SCRIPT, scenario.wifi],
    [REMOTE_ACCESS_SCRIPT, scenario.remoteAccess],
    [BOOT_PROTECTION_SCRIPT, scenario.bootProtection],
    [CLOCK_SYNC_SCRIPT, scenario.clockSync],
    [AUTO_RUN_SCRIPT, scenario.autoRun],
    [AUTO_LOGIN_SCRIPT, scenario.autoLogin],
    [ADMIN_SCRIPT, scenario.adminAccount],
    [SHARING_SCRIPT, scenario.fileSharing],
    [EDR_SCRIPT, scenario.edr],
  ]);
  return async (script): Promise<CommandOutcome> => {
    const name = byScript.get(script);
    return name
      ? { ok: true, stdout: recorded(name), stderr: '', exitCode: 0 }
      : { ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null };
  };
}

export function recordedWindowsProbes(scenario: WindowsScenario): SelfCheckProbes {
  return createWindowsProbes({ runPowerShell: recordedWindowsRunner(scenario) });
}
