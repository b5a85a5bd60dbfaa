/**
 * Erasing a removable volume (10-1): every file on it, then its free space. Tested on two real
 * file systems the test mounts (it runs as root here; without the right to mount, each suite
 * is skipped with the reason): a 32 MiB tmpfs, and a 64 MiB ext4 image on a loop device, whose
 * raw bytes are scanned afterwards for the content of the erased files AND of a file deleted
 * before the erasure (only the free-space overwrite can reach that one).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, statfs, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { readMedium } from '../../electron/platform/media/read-medium';
import { eraseRemovableVolume, planVolumeErasure } from '../../electron/core/erasure/erase-removable-volume';
import { erasureEvidence, VOLUME_STATEMENT } from '../../electron/core/erasure/erasure-evidence';
import { fillFilePrefix } from '../../electron/core/erasure/free-space-fill';

const exec = promisify(execFile);
const MIB = 1024 * 1024;
const LIVE_MARKER = Buffer.from('LIVE-患者-山田太郎-MRN-4711-');
const DELETED_MARKER = Buffer.from('DELETED-EXPORT-佐藤花子-0815-');
const NAME_MARKER = 'YAMADA_TARO_MRI_20240514';

const work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erasure-volume-'));
const db: VaultDatabase = openVaultDatabase(path.join(work, 'vault.db'), randomBytes(32), { create: true });
migrate(db);

/** Mounts with `mount …`, or returns why it could not. */
async function mount(args: string[]): Promise<string | null> {
  try {
    await exec('mount', args);
    return null;
  } catch (error) {
    return ((error as { stderr?: string }).stderr || (error as Error).message).trim();
  }
}

const tmpfsDir = path.join(work, 'tmpfs');
await mkdir(tmpfsDir);
const tmpfsRefused = await mount(['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', tmpfsDir]);

const ext4Dir = path.join(work, 'ext4');
const ext4Image = path.join(work, 'stick.img');
await mkdir(ext4Dir);
let ext4Refused: string | null;
try {
  await exec('truncate', ['-s', '64M', ext4Image]);
  await exec('mkfs.ext4', ['-q', '-F', ext4Image]);
  ext4Refused = await mount(['-o', 'loop', ext4Image, ext4Dir]);
} catch (error) {
  ext4Refused = (error as Error).message;
}
if (tmpfsRefused) console.warn(`erasure-volume: tmpfs suite skipped — could not mount a tmpfs: ${tmpfsRefused}`);
if (ext4Refused) console.warn(`erasure-volume: ext4 suite skipped — could not create or loop-mount an ext4 image: ${ext4Refused}`);

afterAll(async () => {
  db.close();
  for (const dir of [tmpfsDir, ext4Dir]) await exec('umount', [dir]).catch(() => exec('umount', ['-l', dir]).catch(() => undefined));
  await rm(work, { recursive: true, force: true });
});

function markerBody(marker: Buffer, size: number): Buffer {
  const body = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += marker.length) marker.copy(body, offset);
  return body;
}

/** What an engineer leaves on a stick after a visit. Returns the files planted. */
async function plantVisit(root: string): Promise<string[]> {
  const files = [
    [`patient/${NAME_MARKER}.dcm`, 4 * MIB],
    ['patient/検査メモ.txt', 3000],
    ['logs/2024/05/device.log', 700_000],
    ['readonly.csv', 12_345],
    ['empty', 0],
  ] as const;
  for (const [relative, size] of files) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), markerBody(LIVE_MARKER, size));
  }
  await chmod(path.join(root, 'readonly.csv'), 0o444);
  await symlink('patient/検査メモ.txt', path.join(root, 'memo-link'));
  return files.map(([relative]) => path.join(root, relative));
}

describe.skipIf(tmpfsRefused !== null)('a removable volume (tmpfs, 32 MiB)', () => {
  it('is emptied, its free space filled, read back and released', async () => {
    const planted = await plantVisit(tmpfsDir);
    const { jobId, summary } = await eraseRemovableVolume(db, tmpfsDir, {
      siteReference: 'visit 2024-05-14',
      readMedium: (target) => readMedium(target),
    });
    expect(summary).toMatchObject({ state: 'completed', filesErased: planted.length, exceptions: 0 });
    expect(await readdir(tmpfsDir)).toEqual([]);
    const evidence = erasureEvidence(db, jobId, { toolVersion: 'test' });
    // The medium was read when the job was planned: tmpfs lives in memory, with no device to grade — partial.
    expect(evidence.media).toEqual([expect.objectContaining({ target: tmpfsDir, grade: 'partial' })]);
    expect(evidence.media[0]?.medium?.volume).toMatchObject({ fileSystem: 'tmpfs', mountPoint: tmpfsDir });
    expect(evidence).toMatchObject({ scope: 'removable-volume', status: 'erased', targets: [{ path: tmpfsDir, files: planted.length }] });
    expect(evidence.freeSpace?.outcome).toBe('erased');
    expect(evidence.freeSpace?.bytesVerified).toBeGreaterThan(24 * MIB);
    expect(evidence.freeSpace?.bytesVerified).toBe(evidence.freeSpace?.bytesWritten);
    expect(evidence.residualRisks.map((r) => r.en)).toContain(VOLUME_STATEMENT);
    // The fill files are gone, and the space is free again.
    const { bfree, blocks } = await statfs(tmpfsDir);
    expect(bfree / blocks).toBeGreaterThan(0.99);
  });

  it('refuses a folder that is not a mount point, and the system root', async () => {
    const folder = path.join(tmpfsDir, 'not-a-volume');
    await mkdir(folder);
    await expect(planVolumeErasure(db, folder)).rejects.toMatchObject({ code: 'ERASURE_NOT_A_MOUNT_POINT' });
    await expect(planVolumeErasure(db, '/')).rejects.toMatchObject({ code: 'ERASURE_TARGET_REFUSED' });
    await rm(folder, { recursive: true });
  });
});

describe.skipIf(ext4Refused !== null)('a removable volume (ext4 image on a loop device, 64 MiB)', () => {
  it('leaves neither the erased files’ content nor a previously deleted file’s content anywhere in the raw image', async () => {
    const planted = await plantVisit(ext4Dir);
    // Deleted before FieldGuard ever saw the stick: only the free-space overwrite can reach it.
    await writeFile(path.join(ext4Dir, 'old-export.csv'), markerBody(DELETED_MARKER, 2 * MIB));
    await exec('sync');
    await unlink(path.join(ext4Dir, 'old-export.csv'));
    await exec('sync');
    const before = await readFile(ext4Image);
    expect(before.includes(LIVE_MARKER), 'the planted content is on the image (the test is not vacuous)').toBe(true);
    expect(before.includes(DELETED_MARKER), 'the deleted file’s content is still in free blocks').toBe(true);

    const { jobId } = await eraseRemovableVolume(db, ext4Dir);
    const evidence = erasureEvidence(db, jobId, { toolVersion: 'test' });
    expect(evidence.status).toBe('erased');
    expect(evidence.totals).toMatchObject({ files: planted.length, filesErased: planted.length, exceptions: 0 });
    expect(evidence.freeSpace).toMatchObject({ outcome: 'erased', readBack: 'direct' });
    expect(await readdir(ext4Dir)).toEqual(['lost+found']);
    expect(await readdir(path.join(ext4Dir, 'lost+found'))).toEqual([]);
    expect((await readdir(ext4Dir)).some((name) => name.startsWith(fillFilePrefix(jobId)))).toBe(false);

    await exec('umount', [ext4Dir]);
    const after = await readFile(ext4Image);
    const windows = (marker: Buffer) => Array.from({ length: marker.length - 15 }, (_, i) => marker.subarray(i, i + 16));
    expect(
      windows(LIVE_MARKER).some((w) => after.includes(w)),
      'erased files’ content in the raw image',
    ).toBe(false);
    expect(
      windows(DELETED_MARKER).some((w) => after.includes(w)),
      'a deleted file’s content in the raw image',
    ).toBe(false);
    // File names live in metadata (directory blocks, the ext4 journal) that no file-level tool
    // overwrites; the certificate says so. Report what this image shows rather than assert it.
    console.info(
      `erasure-volume: the original file name ${after.includes(Buffer.from(NAME_MARKER)) ? 'IS still' : 'is no longer'} present in the raw ext4 image (metadata/journal)`,
    );
  });
});
