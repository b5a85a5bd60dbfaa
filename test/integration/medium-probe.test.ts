/**
 * The medium under a file, read for real on this machine: ext4 images on loop devices mounted
 * by default and with data=journal, a FAT image and a Btrfs image — what a certificate would say
 * of each (file system, mount options, the loop device and its backing file) and the grade it
 * earns. Needs root, losetup and the mkfs tools, and a kernel with the file system (attaching the
 * loop devices itself, it knows which to detach); each suite that cannot run is skipped with one
 * line saying why. Mounts and loop devices are removed in afterAll, even on failure.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeFileOverwrite } from '../../electron/core/erasure/nist-grade';
import { listWholeDevices, readMedium } from '../../electron/platform/media/read-medium';

const exec = promisify(execFile);

async function missing(command: string): Promise<boolean> {
  return exec('sh', ['-c', `command -v ${command}`]).then(
    () => false,
    () => true,
  );
}

const work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-medium-'));
const attached: { dir: string; device: string }[] = [];

interface MountedImage {
  readonly dir: string;
  readonly device: string;
  readonly image: string;
}

/**
 * A 64 MiB image made with `mkfs`, attached to a loop device and mounted with `options`; or why
 * not (not root, a tool missing, the kernel without that file system — this VM has no vfat).
 */
async function mountImage(name: string, mkfs: string[], options: string[]): Promise<MountedImage | string> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs Linux and root';
  for (const tool of ['losetup', mkfs[0]!]) if (await missing(tool)) return `${tool} is not installed`;
  const image = path.join(work, `${name}.img`);
  const dir = path.join(work, name);
  try {
    await mkdir(dir);
    await exec('truncate', ['-s', '128M', image]);
    await exec(mkfs[0]!, [...mkfs.slice(1), image]);
    const device = (await exec('losetup', ['--find', '--show', image])).stdout.trim();
    attached.push({ dir, device });
    await exec('mount', [...options, device, dir]);
    return { dir, device, image };
  } catch (error) {
    return ((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n')[0]!;
  }
}

const ext4Default = await mountImage('ext4-default', ['mkfs.ext4', '-q', '-F'], []);
const ext4Journal = await mountImage('ext4-journal', ['mkfs.ext4', '-q', '-F'], ['-o', 'data=journal']);
const fat = await mountImage('fat', ['mkfs.vfat'], []);
const btrfs = await mountImage('btrfs', ['mkfs.btrfs', '-q', '-f'], []);
for (const [name, outcome] of Object.entries({
  'ext4 (default)': ext4Default,
  'ext4 (data=journal)': ext4Journal,
  FAT: fat,
  Btrfs: btrfs,
})) {
  if (typeof outcome === 'string') console.warn(`medium-probe: ${name} suite skipped — ${outcome}`);
}
/** The mounted image, for a suite that runs only when it was mounted. */
const mounted = (outcome: MountedImage | string): MountedImage => {
  if (typeof outcome === 'string') throw new Error(outcome);
  return outcome;
};

afterAll(async () => {
  for (const { dir, device } of attached.reverse()) {
    await exec('umount', [dir]).catch(() => exec('umount', ['-l', dir]).catch(() => undefined));
    await exec('losetup', ['-d', device]).catch(() => undefined);
  }
  await rm(work, { recursive: true, force: true });
});

const english = (lines: readonly { en: string }[]) => lines.map((l) => l.en).join('\n');

describe.skipIf(typeof ext4Default === 'string')('ext4 on a loop device, mounted by default', () => {
  it('names ext4, the loop device and its backing file, and grades partial for the virtual device only', async () => {
    const { dir, device, image } = mounted(ext4Default);
    await writeFile(path.join(dir, '患者.txt'), 'x');
    const medium = await readMedium(path.join(dir, '患者.txt'), { dataFolder: os.tmpdir() });
    expect(medium.problems).toEqual([]);
    expect(medium.volume).toMatchObject({ mountPoint: dir, fileSystem: 'ext4', source: device });
    expect(medium.volume?.mountOptions).not.toContain('data=journal');
    expect(medium.device).toMatchObject({
      path: device,
      transport: 'virtual',
      rotational: null,
      backingFile: image,
      holdsSystem: false,
      source: 'lsblk, sysfs',
    });
    const grade = gradeFileOverwrite(medium);
    expect(grade.grade).toBe('partial');
    expect(grade.reasons.map((r) => r.en)).toEqual([
      `${device} is a virtual device (backing file ${image}); the physical medium under it is not known.`,
    ]);
    expect(english(grade.residualRisks)).toMatch(/freed directory blocks/);
  });
});

describe.skipIf(typeof ext4Journal === 'string')('ext4 on a loop device, mounted with data=journal', () => {
  it('records data=journal among the mount options and gives it as a reason and a residual risk', async () => {
    const { dir, device } = mounted(ext4Journal);
    await mkdir(path.join(dir, 'visit'));
    const medium = await readMedium(path.join(dir, 'visit', 'not-yet-written.csv'));
    expect(medium.volume?.mountOptions).toContain('data=journal');
    expect(medium.device?.path).toBe(device);
    const grade = gradeFileOverwrite(medium);
    expect(grade.grade).toBe('partial');
    expect(english(grade.reasons)).toMatch(/virtual device[\s\S]*ext4 is mounted with data=journal/);
    expect(english(grade.residualRisks)).toMatch(/content from before the erasure may remain in the journal/);
  });
});

describe.skipIf(typeof fat === 'string')('FAT on a loop device', () => {
  it('names vfat, follows a symbolic link to it, and states what FAT keeps of deleted entries', async () => {
    const { dir, device, image } = mounted(fat);
    await writeFile(path.join(dir, 'A.TXT'), 'x');
    const link = path.join(work, 'link-to-fat');
    await symlink(path.join(dir, 'A.TXT'), link);
    const medium = await readMedium(link);
    expect(medium.volume).toMatchObject({ mountPoint: dir, fileSystem: 'vfat' });
    expect(medium.device).toMatchObject({ path: device, backingFile: image, transport: 'virtual' });
    const grade = gradeFileOverwrite(medium);
    expect(grade.grade).toBe('partial');
    expect(english(grade.residualRisks)).toMatch(/directory entry is only marked deleted/);
  });
});

describe.skipIf(typeof btrfs === 'string')('Btrfs on a loop device', () => {
  it('names btrfs and grades partial for copy-on-write', async () => {
    const { dir } = mounted(btrfs);
    const medium = await readMedium(path.join(dir, 'a'));
    expect(medium.volume?.fileSystem).toBe('btrfs');
    const grade = gradeFileOverwrite(medium);
    expect(grade.grade).toBe('partial');
    expect(english(grade.reasons)).toMatch(/Btrfs is a copy-on-write or log-structured file system/);
  });
});

describe.skipIf(typeof ext4Default === 'string')('whole devices of this machine', () => {
  it('lists the attached loop devices with their backing files, and the disk under / as holding the system', async () => {
    const { device, image } = mounted(ext4Default);
    const devices = await listWholeDevices({ dataFolder: os.tmpdir() });
    expect(devices.find((d) => d.path === device)).toMatchObject({ backingFile: image, transport: 'virtual', holdsSystem: false });
    const root = await readMedium('/');
    expect(root.device, root.problems.join('; ')).not.toBeNull();
    expect(devices.find((d) => d.path === root.device?.path)?.holdsSystem).toBe(true);
  });
});

describe('this machine, without root', () => {
  it('the working folder’s medium is read, or what could not be read is said', async () => {
    const medium = await readMedium(process.cwd());
    expect(medium.volume !== null || medium.problems.length > 0).toBe(true);
    expect(medium.device !== null || medium.problems.length > 0).toBe(true);
    if (gradeFileOverwrite(medium).grade === 'clear') expect(medium.device?.rotational).toBe(true);
  });
});
