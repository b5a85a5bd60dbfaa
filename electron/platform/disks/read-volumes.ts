/** Reads this machine's mounted volumes: node-disk-info, plus Linux's own device facts. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { getDiskInfo } from 'node-disk-info';
import type { Volume } from '../../shared/disks';
import { parseLsblkJson, parseProcMounts, type LinuxBlockDevice } from './linux-block-devices';
import { volumesFromDrives, type LinuxDetails } from './volumes-from-drives';

const run = promisify(execFile);

export async function readVolumes(): Promise<Volume[]> {
  const drives = await getDiskInfo();
  const records = drives.map((d) => ({ filesystem: d.filesystem, blocks: d.blocks, available: d.available, mounted: d.mounted }));
  const linux = process.platform === 'linux' ? await readLinuxDetails() : undefined;
  return volumesFromDrives(records, process.platform, linux);
}

async function readLinuxDetails(): Promise<LinuxDetails> {
  const mounts = parseProcMounts(await readFile('/proc/self/mounts', 'utf8'));
  return { mounts, blockDevices: await readBlockDevices() };
}

async function readBlockDevices(): Promise<LinuxBlockDevice[]> {
  try {
    const { stdout } = await run('lsblk', ['--json', '--output', 'PATH,RM,HOTPLUG,LABEL'], { timeout: 5000 });
    return parseLsblkJson(stdout);
  } catch {
    // No lsblk (a minimal container): "removable" stays unknown rather than guessed.
    return [];
  }
}
