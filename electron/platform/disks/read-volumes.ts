/**
 * Reads this machine's mounted volumes: on Windows through CIM (windows-volumes.ts; wmic is gone
 * from Windows 11 24H2), on Linux and macOS through node-disk-info (`df -P`) plus the OS's own
 * mount table and device facts.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { getDiskInfo } from 'node-disk-info';
import type { Volume } from '../../shared/disks';
import { runPowerShell } from '../self-check/run-probe-command';
import type { PowerShellRunner } from '../self-check/windows/powershell-json';
import { parseDarwinMount, parseLsblkJson, parseProcMounts, type BlockDevice } from './mount-tables';
import { volumesFromDrives, type MountDetails } from './volumes-from-drives';
import { readWindowsVolumes } from './windows-volumes';

const run = promisify(execFile);

/** The platform and PowerShell runner are parameters only so that tests can take the Windows path. */
export async function readVolumes(
  platform: NodeJS.Platform = process.platform,
  powerShell: PowerShellRunner = runPowerShell,
): Promise<Volume[]> {
  if (platform === 'win32') return readWindowsVolumes(powerShell);
  const drives = await getDiskInfo();
  const records = drives.map((d) => ({ filesystem: d.filesystem, blocks: d.blocks, available: d.available, mounted: d.mounted }));
  return volumesFromDrives(records, platform, await readMountDetails(platform));
}

async function readMountDetails(platform: NodeJS.Platform): Promise<MountDetails | undefined> {
  if (platform === 'linux') {
    const mounts = parseProcMounts(await readFile('/proc/self/mounts', 'utf8'));
    return { mounts, blockDevices: await readLinuxBlockDevices() };
  }
  if (platform === 'darwin') {
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
