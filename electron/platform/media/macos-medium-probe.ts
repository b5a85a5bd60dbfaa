/**
 * macOS runner for macos-medium.ts: `df -P` for the mount point of the path (statfs, which knows
 * the firmlinks that put /Users on /System/Volumes/Data), `diskutil info -plist` of that volume
 * and of the physical whole disk under it, and for listing, `diskutil list -plist physical` and
 * system_profiler's USB serial numbers. Needs no administrator rights.
 */
import type { DeviceFacts, Medium } from '../../core/erasure/medium';
import { SYSTEM_PROFILER_ARGS, usbSerialsByWholeDisk } from '../devices/macos-storage-devices';
import { runProbeCommand } from '../self-check/run-probe-command';
import {
  diskutilError,
  macDeviceFrom,
  macTransport,
  macVolumeFrom,
  parseDfMountPoint,
  parseDiskutilInfo,
  parseDiskutilWholeDisks,
  physicalWholeDiskOf,
  type DiskutilInfo,
} from './macos-medium';
import { MediaUnreadableError, type MediumOptions } from './medium-options';
import { resolveThroughLinks } from './resolve-through-links';

const DISKUTIL = '/usr/sbin/diskutil';

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

/** diskutil exits 1 with its error as a plist on stdout; both answers are read. */
async function diskutilInfo(device: string, problems: string[]): Promise<DiskutilInfo | null> {
  const outcome = await runProbeCommand(DISKUTIL, ['info', '-plist', device], { timeoutMs: 15_000, acceptExitCodes: [0, 1] });
  if (!outcome.ok) {
    problems.push(`diskutil info ${device} could not be run (${outcome.problem})`);
    return null;
  }
  try {
    const info = parseDiskutilInfo(outcome.stdout);
    const error = diskutilError(info);
    if (error) {
      problems.push(`diskutil info ${device}: ${error}`);
      return null;
    }
    return info;
  } catch (error) {
    problems.push(`diskutil info ${device}'s output could not be read: ${messageOf(error)}`);
    return null;
  }
}

async function mountPointOf(resolvedPath: string, problems: string[]): Promise<string | null> {
  const outcome = await runProbeCommand('/bin/df', ['-P', resolvedPath], { timeoutMs: 10_000 });
  const mountPoint = outcome.ok ? parseDfMountPoint(outcome.stdout) : null;
  if (!mountPoint) problems.push(`df -P could not tell the volume of ${resolvedPath}${outcome.ok ? '' : ` (${outcome.problem})`}`);
  return mountPoint;
}

/** The physical whole disk under a path, or null (problems say why). */
async function physicalDiskUnder(target: string, problems: string[]): Promise<{ volume: DiskutilInfo; disk: string | null } | null> {
  const mountPoint = await mountPointOf(await resolveThroughLinks(target), problems);
  const volume = mountPoint ? await diskutilInfo(mountPoint, problems) : null;
  if (!volume) return null;
  const { disk, problem } = physicalWholeDiskOf(volume);
  if (problem) problems.push(problem);
  return { volume, disk };
}

/** The whole disks that hold / and the data folder: never offered for whole-medium erasure. */
async function systemDisks(options: MediumOptions): Promise<Set<string> | null> {
  const ignored: string[] = [];
  const disks = await Promise.all([
    physicalDiskUnder('/', ignored),
    ...(options.dataFolder ? [physicalDiskUnder(options.dataFolder, ignored)] : []),
  ]);
  if (disks.some((d) => !d?.disk)) return null;
  return new Set(disks.map((d) => d?.disk ?? ''));
}

async function usbSerials(): Promise<Map<string, string>> {
  const outcome = await runProbeCommand('/usr/sbin/system_profiler', SYSTEM_PROFILER_ARGS, { timeoutMs: 30_000 });
  try {
    return outcome.ok ? usbSerialsByWholeDisk(outcome.stdout) : new Map();
  } catch {
    return new Map(); // the serial stays null; diskutil's facts stand without it
  }
}

function holds(system: Set<string> | null, disk: string): boolean | null {
  return system === null ? null : system.has(disk);
}

export async function readMacMedium(target: string, options: MediumOptions = {}): Promise<Medium> {
  const problems: string[] = [];
  const under = await physicalDiskUnder(target, problems);
  if (!under) return { volume: null, device: null, problems };
  const volume = macVolumeFrom(under.volume);
  if (!under.disk) return { volume, device: null, problems };
  const [info, system] = await Promise.all([diskutilInfo(under.disk, problems), systemDisks(options)]);
  // system_profiler takes seconds: asked only for a USB device, the one kind whose serial it knows.
  const serial = info && macTransport(info) === 'usb' ? ((await usbSerials()).get(under.disk) ?? null) : null;
  const device = info ? macDeviceFrom(info, { holdsSystem: holds(system, under.disk), serial }) : null;
  return { volume, device, problems };
}

export async function listMacWholeDevices(options: MediumOptions = {}): Promise<DeviceFacts[]> {
  const problems: string[] = [];
  const outcome = await runProbeCommand(DISKUTIL, ['list', '-plist', 'physical'], { timeoutMs: 15_000 });
  let disks: string[];
  try {
    if (!outcome.ok) throw new Error(outcome.problem);
    disks = parseDiskutilWholeDisks(outcome.stdout);
  } catch (error) {
    throw new MediaUnreadableError([`diskutil list could not be read: ${messageOf(error)}`]);
  }
  const [system, serials] = await Promise.all([systemDisks(options), usbSerials()]);
  const infos = await Promise.all(disks.map(async (disk) => [disk, await diskutilInfo(disk, problems)] as const));
  return infos.flatMap(([disk, info]) =>
    info ? [macDeviceFrom(info, { holdsSystem: holds(system, disk), serial: serials.get(disk) ?? null })] : [],
  );
}
