/**
 * A stand-in for a USB stick in the whole-medium erasure tests: an image file with an MBR
 * partition table, attached to a loop device (partitions scanned), an ext4 file system on its
 * partition — on the whole device where the kernel does not scan loop partitions, as on the
 * machine these tests were written on — mounted, and files full of a marker string. Needs
 * Linux, root, losetup and mkfs.ext4; `whyLoopDevicesCannotRun` says why not in one line.
 */
import { execFile } from 'node:child_process';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseMountInfo } from '../../electron/platform/disks/mount-tables';

const exec = promisify(execFile);

export interface LoopStick {
  readonly image: string;
  readonly device: string;
  /** The partition holding the file system, or the whole device where this kernel does not scan loop partitions. */
  readonly fileSystemDevice: string;
  readonly mountDir: string;
}

async function missing(command: string): Promise<boolean> {
  return exec('sh', ['-c', `command -v ${command}`]).then(
    () => false,
    () => true,
  );
}

/** Why loop devices cannot be used here, or null when they can. */
export async function whyLoopDevicesCannotRun(): Promise<string | null> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs Linux and root';
  for (const tool of ['losetup', 'mkfs.ext4', 'lsblk']) if (await missing(tool)) return `${tool} is not installed`;
  return null;
}

/** An MBR with one Linux partition from sector 2048 to the end: what a USB stick usually carries. */
function mbr(sectors: number): Buffer {
  const sector = Buffer.alloc(512);
  const entry = 0x1be;
  sector[entry + 4] = 0x83;
  sector.writeUInt32LE(2048, entry + 8);
  sector.writeUInt32LE(sectors - 2048, entry + 12);
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
}

/** The loop device's first partition, if the kernel found it; its /dev node is made when no udev runs to make it. */
async function firstPartition(device: string): Promise<string | null> {
  const name = `${path.basename(device)}p1`;
  const numbers = await readFile(`/sys/class/block/${name}/dev`, 'utf8').catch(() => null);
  if (numbers === null) return null;
  const node = `/dev/${name}`;
  const [major = '', minor = ''] = numbers.trim().split(':');
  await exec('mknod', [node, 'b', major, minor]).catch(() => undefined);
  return node;
}

/** Files whose content is the marker over and over, about 12 MiB in all, so the marker is everywhere the data went. */
async function plant(dir: string, marker: string): Promise<void> {
  await mkdir(path.join(dir, '患者_山田花子'), { recursive: true });
  for (let i = 0; i < 24; i += 1) {
    const line = `${marker} record ${i}\n`;
    await writeFile(path.join(dir, '患者_山田花子', `scan-${i}.dcm`), line.repeat(Math.ceil(((i + 1) * 40_000) / line.length)));
  }
}

/**
 * Makes a stick of `bytes` in `work` named `name`, mounted and planted with `marker`. It is added
 * to `attached` as soon as it exists, so that `detachAll` removes it even if a later step fails.
 */
export async function attachLoopStick(
  work: string,
  name: string,
  bytes: number,
  marker: string,
  attached: LoopStick[],
): Promise<LoopStick> {
  const image = path.join(work, `${name}.img`);
  const mountDir = path.join(work, name);
  await mkdir(mountDir);
  await exec('truncate', ['-s', String(bytes), image]);
  const handle = await open(image, 'r+');
  await handle.write(mbr(bytes / 512), 0, 512, 0);
  await handle.close();
  const device = (await exec('losetup', ['--find', '--show', '--partscan', image])).stdout.trim();
  attached.push({ image, device, fileSystemDevice: device, mountDir });
  await exec('udevadm', ['settle']).catch(() => undefined);
  const stick = { image, device, fileSystemDevice: (await firstPartition(device)) ?? device, mountDir };
  await exec('mkfs.ext4', ['-q', '-F', stick.fileSystemDevice]);
  await exec('mount', [stick.fileSystemDevice, mountDir]);
  await plant(mountDir, marker);
  await exec('sync');
  return stick;
}

/** Unmounts and detaches every stick, newest first, whatever state a failed test left them in. */
export async function detachAll(attached: readonly LoopStick[]): Promise<void> {
  for (const { device, mountDir } of [...attached].reverse()) {
    await exec('umount', [mountDir]).catch(() => exec('umount', ['-l', mountDir]).catch(() => undefined));
    await exec('losetup', ['-d', device]).catch(() => undefined);
  }
}

export async function isMounted(dir: string): Promise<boolean> {
  return parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8')).some((entry) => entry.mount === dir);
}
