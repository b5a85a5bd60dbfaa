/** Reads what this OS tells, without administrator rights, of the devices behind the mounted volumes. */
import type { DeviceDetails } from '../../core/ledger/device-details';
import { runPowerShell, runProbeCommand } from '../self-check/run-probe-command';
import { LSBLK_DEVICE_ARGS, parseLsblkDevices } from './linux-lsblk-devices';
import { parseSystemProfilerDevices, SYSTEM_PROFILER_ARGS } from './macos-storage-devices';
import { parseWindowsDevices, WINDOWS_DEVICES_SCRIPT } from './windows-disk-devices';

async function stdoutOf(outcome: ReturnType<typeof runProbeCommand>): Promise<string> {
  const result = await outcome;
  if (!result.ok) throw new Error(`device details unavailable: ${result.problem}`);
  return result.stdout;
}

export async function readDeviceDetails(): Promise<DeviceDetails[]> {
  switch (process.platform) {
    case 'linux':
      return parseLsblkDevices(await stdoutOf(runProbeCommand('lsblk', LSBLK_DEVICE_ARGS, { timeoutMs: 5000 })));
    case 'win32':
      return parseWindowsDevices(await stdoutOf(runPowerShell(WINDOWS_DEVICES_SCRIPT, { timeoutMs: 20_000 })));
    case 'darwin':
      // system_profiler takes a few seconds on a Mac with many USB devices.
      return parseSystemProfilerDevices(
        await stdoutOf(runProbeCommand('/usr/sbin/system_profiler', SYSTEM_PROFILER_ARGS, { timeoutMs: 30_000 })),
      );
    case 'aix':
    case 'android':
    case 'cygwin':
    case 'freebsd':
    case 'haiku':
    case 'netbsd':
    case 'openbsd':
    case 'sunos':
      return [];
    default: {
      // A platform Node learns later must choose how it lists devices; until then, none.
      const _unhandled: never = process.platform;
      return [];
    }
  }
}
