/**
 * Takes a device out of use before it is overwritten (issue 14): every file system mounted from
 * it is unmounted, then the device is opened exclusively to prove nothing else holds it. A
 * partition that cannot be unmounted, or a mapping still open on it (LUKS, LVM, RAID), refuses
 * the erasure before anything is written — overwriting a mounted file system would have it
 * write back over the erased sectors.
 *
 * - Linux: the device's own number, its partitions' and those of everything stacked on them
 *   (/sys/class/block/NAME/dev, …/holders) are looked up in /proc/self/mountinfo, and each mount
 *   found is unmounted with `umount`, innermost first.
 * - macOS: `diskutil unmountDisk /dev/diskN` (every volume of the disk).
 * - Windows: `Set-Disk -Number N -IsOffline $true` takes the whole disk offline, which dismounts
 *   its volumes and lets the raw disk be written (untested here; no Windows machine).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMountInfo } from '../../../platform/disks/mount-tables';
import { runPowerShell, runProbeCommand } from '../../../platform/self-check/run-probe-command';
import type { DeviceFacts } from '../medium';
import { ErasureError } from '../erasure-exceptions';
import { checkExclusive, isPermissionError } from './block-device';

async function readTrimmed(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** major:minor of the device, its partitions, and everything stacked on them (device-mapper, md). */
export async function linuxDeviceNumbers(devicePath: string, sysBlock = '/sys/class/block'): Promise<Set<string>> {
  const numbers = new Set<string>();
  const seen = new Set<string>();
  const visit = async (name: string): Promise<void> => {
    if (seen.has(name)) return;
    seen.add(name);
    const dev = await readTrimmed(path.join(sysBlock, name, 'dev'));
    if (dev) numbers.add(dev);
    const entries = await readdir(path.join(sysBlock, name)).catch(() => [] as string[]);
    // Partitions appear as sub-directories named after the disk (sdb1, loop7p1, nvme0n1p2, mmcblk0p1).
    for (const entry of entries) if (entry.startsWith(name) && entry !== name) await visit(entry);
    for (const holder of await readdir(path.join(sysBlock, name, 'holders')).catch(() => [] as string[])) await visit(holder);
  };
  await visit(path.basename(devicePath));
  return numbers;
}

/** The mount points of file systems on the device (its partitions and mappings), innermost first. */
export async function linuxMountsOf(devicePath: string, mountInfo?: string): Promise<string[]> {
  const numbers = await linuxDeviceNumbers(devicePath);
  const entries = parseMountInfo(mountInfo ?? (await readFile('/proc/self/mountinfo', 'utf8')));
  const mounts = entries.filter((entry) => numbers.has(entry.majorMinor) || entry.source === devicePath).map((entry) => entry.mount);
  return [...new Set(mounts)].sort((a, b) => b.length - a.length);
}

async function unmountLinux(devicePath: string): Promise<string[]> {
  const mounts = await linuxMountsOf(devicePath);
  for (const mount of mounts) {
    const outcome = await runProbeCommand('umount', [mount], { timeoutMs: 60_000 });
    if (!outcome.ok)
      throw new ErasureError(outcome.problem === 'accessDenied' ? 'ERASURE_DEVICE_NEEDS_ADMIN' : 'ERASURE_DEVICE_UNMOUNT_FAILED');
  }
  if ((await linuxMountsOf(devicePath)).length > 0) throw new ErasureError('ERASURE_DEVICE_UNMOUNT_FAILED');
  return mounts;
}

async function unmountMac(devicePath: string): Promise<string[]> {
  const outcome = await runProbeCommand('/usr/sbin/diskutil', ['unmountDisk', devicePath], { timeoutMs: 60_000 });
  if (!outcome.ok) throw new ErasureError('ERASURE_DEVICE_UNMOUNT_FAILED');
  return [devicePath];
}

async function offlineWindowsDisk(devicePath: string): Promise<string[]> {
  const number = /PHYSICALDRIVE(\d+)$/i.exec(devicePath)?.[1];
  if (number === undefined) throw new ErasureError('ERASURE_DEVICE_NOT_FOUND');
  const outcome = await runPowerShell(`Set-Disk -Number ${Number(number)} -IsOffline $true`, { timeoutMs: 60_000 });
  if (!outcome.ok)
    throw new ErasureError(outcome.problem === 'accessDenied' ? 'ERASURE_DEVICE_NEEDS_ADMIN' : 'ERASURE_DEVICE_UNMOUNT_FAILED');
  return [devicePath];
}

/**
 * Unmounts everything mounted from the device and checks that nothing else holds it. Returns
 * what was unmounted (mount points on Linux, the disk elsewhere). Throws an ErasureError:
 * UNMOUNT_FAILED, IN_USE, or NEEDS_ADMIN.
 */
export async function releaseDevice(device: Pick<DeviceFacts, 'path'>, platform: NodeJS.Platform = process.platform): Promise<string[]> {
  const released =
    platform === 'linux'
      ? await unmountLinux(device.path)
      : platform === 'darwin'
        ? await unmountMac(device.path)
        : platform === 'win32'
          ? await offlineWindowsDisk(device.path)
          : [];
  if (platform === 'linux') {
    try {
      await checkExclusive(device.path);
    } catch (error) {
      if (isPermissionError(error)) throw new ErasureError('ERASURE_DEVICE_NEEDS_ADMIN');
      if ((error as NodeJS.ErrnoException).code === 'EBUSY') throw new ErasureError('ERASURE_DEVICE_IN_USE');
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ErasureError('ERASURE_DEVICE_NOT_FOUND');
      throw error;
    }
  }
  return released;
}
