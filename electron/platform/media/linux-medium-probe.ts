/**
 * Linux runner for linux-medium.ts: reads /proc/self/mountinfo, runs lsblk, and reads the few
 * sysfs files lsblk does not give (a loop device's backing file, whether an mmcblk device is an
 * SD card or eMMC). Needs no administrator rights. A fact that cannot be read becomes a problem
 * in English and stays null; only a device list that cannot be read at all throws.
 */
import { readFile } from 'node:fs/promises';
import type { DeviceFacts, Medium } from '../../core/erasure/medium';
import type { LsblkNode } from '../devices/linux-lsblk-devices';
import { mountContaining, parseMountInfo, type MountInfoEntry } from '../disks/mount-tables';
import { runProbeCommand } from '../self-check/run-probe-command';
import {
  LINUX_MEDIUM_LSBLK_ARGS,
  linuxMediumFrom,
  linuxWholeDevicesFrom,
  parseLsblkTree,
  sysfsNamesToRead,
  type SysfsFacts,
} from './linux-medium';
import { MediaUnreadableError, type MediumOptions } from './medium-options';
import { resolveThroughLinks } from './resolve-through-links';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readMounts(problems: string[]): Promise<MountInfoEntry[] | null> {
  try {
    return parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8'));
  } catch (error) {
    problems.push(`/proc/self/mountinfo could not be read: ${messageOf(error)}`);
    return null;
  }
}

async function readDisks(problems: string[]): Promise<LsblkNode[] | null> {
  const outcome = await runProbeCommand('lsblk', LINUX_MEDIUM_LSBLK_ARGS, { timeoutMs: 5000 });
  if (!outcome.ok) {
    problems.push(`lsblk could not be run (${outcome.problem}${outcome.stderr.trim() ? `: ${outcome.stderr.trim().slice(0, 200)}` : ''})`);
    return null;
  }
  try {
    return parseLsblkTree(outcome.stdout);
  } catch (error) {
    problems.push(`lsblk's output could not be read: ${messageOf(error).slice(0, 200)}`);
    return null;
  }
}

async function readSysfs(disks: readonly LsblkNode[]): Promise<SysfsFacts> {
  const { loops, mmc } = sysfsNamesToRead(disks);
  const read = async (file: string): Promise<string | null> => {
    try {
      return (await readFile(file, 'utf8')).trim() || null;
    } catch {
      return null; // an unattached loop device has no backing_file; lsblk's own facts still stand
    }
  };
  const entries = async (names: string[], file: (name: string) => string) =>
    Object.fromEntries(
      (await Promise.all(names.map(async (name) => [name, await read(file(name))] as const))).filter(
        (entry): entry is readonly [string, string] => entry[1] !== null,
      ),
    );
  return {
    backingFiles: await entries(loops, (name) => `/sys/block/${name}/loop/backing_file`),
    mmcTypes: await entries(mmc, (name) => `/sys/block/${name}/device/type`),
  };
}

async function dataFolderMount(mounts: readonly MountInfoEntry[] | null, dataFolder: string | undefined): Promise<MountInfoEntry | null> {
  return mounts && dataFolder ? mountContaining(mounts, await resolveThroughLinks(dataFolder)) : null;
}

export async function readLinuxMedium(target: string, options: MediumOptions = {}): Promise<Medium> {
  const problems: string[] = [];
  const resolvedPath = await resolveThroughLinks(target);
  const [mounts, disks] = await Promise.all([readMounts(problems), readDisks(problems)]);
  const source = mounts ? mountContaining(mounts, resolvedPath)?.source : null;
  const resolvedSource = source?.startsWith('/dev/') ? await resolveThroughLinks(source) : null;
  return linuxMediumFrom({
    resolvedPath,
    mounts,
    disks,
    resolvedSource,
    sysfs: disks ? await readSysfs(disks) : undefined,
    dataFolderMount: await dataFolderMount(mounts, options.dataFolder),
    problems,
  });
}

export async function listLinuxWholeDevices(options: MediumOptions = {}): Promise<DeviceFacts[]> {
  const problems: string[] = [];
  const [mounts, disks] = await Promise.all([readMounts(problems), readDisks(problems)]);
  if (!disks) throw new MediaUnreadableError(problems);
  return linuxWholeDevicesFrom(disks, mounts, await readSysfs(disks), await dataFolderMount(mounts, options.dataFolder));
}
