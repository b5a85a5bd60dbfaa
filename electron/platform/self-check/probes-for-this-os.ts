/** The self-check probes of the OS FieldGuard runs on: Windows (the main target), macOS or Linux, optionally recorded. */
import os from 'node:os';
import type { SelfCheckProbes } from '../../core/self-check/self-check-observations';
import { nodeFileSystem } from './linux/linux-context';
import { createLinuxProbes } from './linux/linux-probes';
import { machineTimeZone } from './linux/local-time';
import { createMacosProbes } from './macos/macos-probes';
import { ProbeRecorder, writeRecording, type RecordingSession } from './probe-recording';
import { runPowerShell, runProbeCommand } from './run-probe-command';
import { ADMIN_SCRIPT } from './windows/admin-account';
import { ANTIVIRUS_SCRIPT } from './windows/antivirus';
import { AUTO_LOGIN_SCRIPT, AUTO_RUN_SCRIPT } from './windows/auto-start';
import { BOOT_PROTECTION_SCRIPT } from './windows/boot-protection';
import { CLOCK_SYNC_SCRIPT } from './windows/clock-sync';
import { DISK_ENCRYPTION_SCRIPT } from './windows/disk-encryption';
import { EDR_SCRIPT } from './windows/edr';
import { SHARING_SCRIPT } from './windows/file-sharing';
import { FIREWALL_SCRIPT } from './windows/firewall';
import { OS_UPDATES_SCRIPT } from './windows/os-updates';
import { REMOTE_ACCESS_SCRIPT } from './windows/remote-access';
import { SCREEN_LOCK_SCRIPT } from './windows/screen-lock';
import { WIFI_SCRIPT } from './windows/wifi';
import { createWindowsProbes } from './windows/windows-probes';

/** Each Windows probe script's recording name: the prefix its fixtures in test/fixtures/self-check/windows carry. */
export const WINDOWS_SCRIPT_NAMES: ReadonlyMap<string, string> = new Map<string, string>([
  [FIREWALL_SCRIPT, 'firewall'],
  [ANTIVIRUS_SCRIPT, 'antivirus'],
  [OS_UPDATES_SCRIPT, 'os-updates'],
  [DISK_ENCRYPTION_SCRIPT, 'disk'],
  [SCREEN_LOCK_SCRIPT, 'screen-lock'],
  [WIFI_SCRIPT, 'wifi'],
  [REMOTE_ACCESS_SCRIPT, 'remote-access'],
  [BOOT_PROTECTION_SCRIPT, 'boot-protection'],
  [CLOCK_SYNC_SCRIPT, 'clock-sync'],
  [AUTO_RUN_SCRIPT, 'auto-run'],
  [AUTO_LOGIN_SCRIPT, 'auto-login'],
  [ADMIN_SCRIPT, 'admin-account'],
  [SHARING_SCRIPT, 'file-sharing'],
  [EDR_SCRIPT, 'edr'],
]);

export function createSelfCheckProbes(platform: NodeJS.Platform = process.platform, recorder?: ProbeRecorder): SelfCheckProbes {
  if (platform === 'win32') {
    return createWindowsProbes(
      recorder
        ? { runPowerShell: recorder.wrapPowerShell(runPowerShell, (script) => WINDOWS_SCRIPT_NAMES.get(script) ?? 'unknown-script') }
        : {},
    );
  }
  if (platform === 'darwin') return createMacosProbes(recorder ? recorder.wrapRunner(runProbeCommand) : runProbeCommand);
  return createLinuxProbes(recorder ? { run: recorder.wrapRunner(runProbeCommand), fs: recorder.wrapFileSystem(nodeFileSystem) } : {});
}

export interface RecordedProbes {
  readonly probes: SelfCheckProbes;
  /** Writes what the probes read (masked) into `dir`; returns the files written, relative to it. */
  save(dir: string, osDescription: string): Promise<string[]>;
}

/** This laptop's probes with everything they read kept, for `selfcheck --record` and 「診断データを保存」. */
export function recordedSelfCheckProbes(platform: NodeJS.Platform = process.platform): RecordedProbes {
  const recorder = new ProbeRecorder();
  const probes = createSelfCheckProbes(platform, recorder);
  return {
    probes,
    save: (dir, osDescription) => {
      const session: RecordingSession = {
        os: probes.os,
        recordedAt: new Date().toISOString(),
        osDescription: osDescription || `${os.type()} ${os.release()}`,
        desktop: process.env['XDG_CURRENT_DESKTOP'] ?? null,
        timeZone: machineTimeZone(),
      };
      return writeRecording(dir, recorder.recording(session));
    },
  };
}

/** Runs every probe once, recording, and writes the recording into `dir` (no verdicts: the raw answers only). */
export async function recordThisLaptop(dir: string, platform: NodeJS.Platform = process.platform): Promise<string[]> {
  const recorded = recordedSelfCheckProbes(platform);
  const probes = recorded.probes;
  const [osUpdates] = await Promise.all([
    probes.osUpdates(),
    probes.firewall(),
    probes.antivirus(),
    probes.diskEncryption(),
    probes.screenLock(),
    probes.wifi(),
    probes.remoteAccess(),
    probes.bootProtection(),
    probes.clockSync(),
    probes.autoRun(),
    probes.autoLogin(),
    probes.adminAccount(),
    probes.fileSharing(),
    probes.edr(),
    probes.bluetooth(),
  ]);
  return recorded.save(dir, osUpdates.ok ? `${osUpdates.observation.osName} ${osUpdates.observation.osVersion}` : '');
}
