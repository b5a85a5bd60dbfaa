/** Reads this machine's mounted volumes: node-disk-info, plus Linux's own device facts. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { getDiskInfo } from 'node-disk-info';
import type { Volume } from '../../shared/disks';
import { parseDarwinMount, parseLsblkJson, parseProcMounts, type BlockDevice } from './mount-tables';
import { volumesFromDrives, type MountDetails } from './volumes-from-drives';

const run = promisify(execFile);

export async function readVolumes(): Promise<Volume[]> {
  const drives = await getDiskInfo();
  const records = drives.map((d) => ({ filesystem: d.filesystem, blocks: d.blocks, available: d.available, mounted: d.mounted }));
  return volumesFromDrives(records, process.platform, await readMountDetails());
}

async function readMountDetails(): Promise<MountDetails | undefined> {
  if (process.platform === 'linux') {
    const mounts = parseProcMounts(await readFile('/proc/self/mounts', 'utf8'));
    return { mounts, blockDevices: await readLinuxBlockDevices() };
  }
  if (process.platform === 'darwin') {
    const { stdout } = await run('/sbin/mount', [], { timeout: 5000 });
    return { mounts: parseDarwinMount(stdout), blockDevices: [] };
  }
  return undefined;
}

async function readLinuxBlockDevices(): Promise<BlockDevice[]> {
  try {
    const { stdout } = await run('lsblk', ['--json', '--output', 'PATH,RM,HOTPLUG,LABEL'], { timeout: 5000 });
    return parseLsblkJson(stdout);
  } catch {
    // No lsblk (a minimal container): "removable" stays unknown rather than guessed.
    return [];
  }
}
