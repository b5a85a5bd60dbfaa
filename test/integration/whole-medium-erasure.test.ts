/**
 * Whole-medium erasure of a real block device, checked as an auditor would: a 64 MiB loop
 * device with an MBR partition holding an ext4 file system (on the whole device where the
 * kernel does not scan loop partitions, as on the machine these tests were written on),
 * mounted, with files full of marker strings. Planning refuses a wrong confirmation (leaving it mounted) and the system disk of a
 * recorded lsblk, unmounts the partition first, and journals the device; the erasure then writes
 * the keystream over every byte and reads it all back. Afterwards every sector of the device
 * (and of its backing file) is read: no marker anywhere, not zeros, every byte the keystream
 * regenerated from the key, and the journal's verify numbers cover the whole device. A
 * cancellation mid-way, through the job runner, leaves a job whose evidence says aborted and
 * the device not erased.
 * Needs Linux, root, losetup and mkfs.ext4 (skipped with one line otherwise); loop devices and
 * mounts are removed in afterAll, even on failure.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { contentErased, finishJob, getJob, listJobItems, startRun } from '../../electron/core/erasure/erasure-journal';
import type { EntryRun } from '../../electron/core/erasure/erase-entry';
import { erasureEvidence } from '../../electron/core/erasure/erasure-evidence';
import { patternSource } from '../../electron/core/erasure/erasure-pattern';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import { createIoBuffers } from '../../electron/core/erasure/overwrite-file';
import { runErasureJob } from '../../electron/core/erasure/run-erasure-job';
import { eraseDeviceEntry } from '../../electron/core/erasure/whole-medium/erase-device-entry';
import { planWholeMediumErasure } from '../../electron/core/erasure/whole-medium/plan-whole-medium-erasure';
import { linuxMountsOf } from '../../electron/core/erasure/whole-medium/release-device';
import { parseMountInfo } from '../../electron/platform/disks/mount-tables';
import { linuxWholeDevicesFrom, NO_SYSFS_FACTS, parseLsblkTree } from '../../electron/platform/media/linux-medium';
import { listWholeDevices } from '../../electron/platform/media/read-medium';
import { errorCodeOf } from '../support/error-code';
import { attachLoopStick, detachAll, isMounted, whyLoopDevicesCannotRun, type LoopStick } from '../support/loop-device';

const SIZE = 64 * 1024 * 1024;
const MARKER = 'FIELDGUARD-WHOLE-MEDIUM-MARKER';

const skipReason = await whyLoopDevicesCannotRun();
if (skipReason) console.warn(`whole-medium-erasure: skipped — ${skipReason}`);

const work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-whole-medium-'));
const attached: LoopStick[] = [];
const attach = (name: string) => attachLoopStick(work, name, SIZE, MARKER, attached);

async function facts(loop: LoopStick): Promise<DeviceFacts> {
  const found = (await listWholeDevices()).find((d) => d.path === loop.device);
  if (!found) throw new Error(`${loop.device} is not listed`);
  return found;
}

let db: VaultDatabase;
beforeAll(() => {
  db = openVaultDatabase(path.join(work, 'vault.db'), randomBytes(32), { create: true });
  migrate(db);
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  db?.close();
  await detachAll(attached);
  await rm(work, { recursive: true, force: true });
});

function runOf(jobId: string, key: Buffer, options: { signal?: AbortSignal; onBytes?: EntryRun['onBytes'] } = {}): EntryRun {
  return {
    db,
    jobId,
    method: 'random-verify',
    key,
    buffers: createIoBuffers(),
    signal: options.signal,
    onBytes: options.onBytes ?? (() => undefined),
    blockBytes: async () => 4096,
  };
}

describe.skipIf(skipReason !== null)('whole-medium erasure of a 64 MiB loop device with a mounted ext4 partition', () => {
  let loop: LoopStick;
  let device: DeviceFacts;
  beforeAll(async () => {
    loop = await attach('stick');
    device = await facts(loop);
  });

  it('lists the loop device as a whole device that holds no system, its size exact and its markers readable before', async () => {
    expect(device).toMatchObject({ path: loop.device, sizeBytes: SIZE, holdsSystem: false, backingFile: loop.image });
    expect((await readFile(loop.device)).includes(MARKER)).toBe(true);
    expect(await linuxMountsOf(loop.device)).toEqual([loop.mountDir]);
  });

  it('refuses a wrong confirmation and leaves the partition mounted', async () => {
    const name = path.basename(loop.device);
    expect(await errorCodeOf(() => planWholeMediumErasure(db, device, { confirmation: `${name}9` }))).toBe(
      'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
    );
    expect(await errorCodeOf(() => planWholeMediumErasure(db, device, { confirmation: 'loop' }))).toBe(
      'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
    );
    expect(await isMounted(loop.mountDir)).toBe(true);
  });

  it('refuses the system disk of a recorded lsblk, however it is confirmed, before unmounting anything', async () => {
    const fixture = (name: string) =>
      readFile(path.join(import.meta.dirname, '../fixtures/media', name), 'utf8').then((t) => t.slice(t.indexOf('\n') + 1));
    const laptop = linuxWholeDevicesFrom(
      parseLsblkTree(await fixture('linux-lsblk-laptop-2.38.txt')),
      parseMountInfo(await fixture('linux-mountinfo-laptop.txt')),
      NO_SYSFS_FACTS,
      null,
    );
    const system = laptop.find((d) => d.holdsSystem === true);
    expect(system?.transport).toBe('nvme');
    let released = false;
    const release = async () => {
      released = true;
      return [];
    };
    expect(await errorCodeOf(() => planWholeMediumErasure(db, system!, { confirmation: (system!.serial ?? '').slice(-4), release }))).toBe(
      'ERASURE_DEVICE_HOLDS_SYSTEM',
    );
    expect(released).toBe(false);
  });

  it('unmounts the partition, erases every sector with the keystream, and every sector read afterwards proves it', async () => {
    const plan = await planWholeMediumErasure(db, device, { confirmation: path.basename(loop.device), siteReference: '東都病院 放射線科' });
    expect(plan.unmounted).toEqual([loop.mountDir]);
    expect(await isMounted(loop.mountDir)).toBe(false);
    const [item] = listJobItems(db, plan.jobId);
    expect(item).toMatchObject({ kind: 'device', size: SIZE, fileId: `backing:${loop.image}` });

    const key = randomBytes(32);
    startRun(db, plan.jobId, 'app');
    await eraseDeviceEntry(runOf(plan.jobId, key), item!);
    finishJob(db, plan.jobId, 'completed');

    const [after] = listJobItems(db, plan.jobId);
    expect(after).toMatchObject({
      state: 'verified',
      passesDone: 1,
      bytesWritten: SIZE,
      bytesVerified: SIZE,
      readBack: 'direct',
      badSectors: 0,
    });
    expect(contentErased(after!, 1)).toBe(true);

    // Every sector, through the device and through its backing file.
    const expected = Buffer.alloc(SIZE);
    patternSource('random', key, { seq: item!.seq, pass: 1 }).fill(expected, SIZE, 0);
    for (const source of [loop.device, loop.image]) {
      const bytes = await readFile(source);
      expect(bytes.length).toBe(SIZE);
      expect(bytes.includes(MARKER), `${source} holds no marker`).toBe(false);
      expect(bytes.includes('患者'), `${source} holds no folder name`).toBe(false);
      expect(bytes.equals(Buffer.alloc(SIZE)), `${source} is not zeros`).toBe(false);
      expect(bytes.equals(expected), `${source} is the keystream at every byte`).toBe(true);
    }
    expect(getJob(db, plan.jobId)).toMatchObject({ scope: 'whole-medium', state: 'completed' });
  });
});

describe.skipIf(skipReason !== null)('a whole-medium erasure cancelled mid-way, through the job runner', () => {
  it('ends aborted: the device is reported not erased, and part of it still holds the markers', async () => {
    const loop = await attach('cancelled');
    const device = await facts(loop);
    const { jobId } = await planWholeMediumErasure(db, device, { confirmation: path.basename(loop.device) });
    const controller = new AbortController();
    const summary = await runErasureJob(db, jobId, {
      signal: controller.signal,
      // Cancelled as the engineer would, a quarter of the way through the overwrite.
      onProgress: (progress) => {
        if (progress.bytesDone >= progress.bytesTotal / 8) controller.abort();
      },
    });
    expect(summary.state).toBe('aborted');
    expect(getJob(db, jobId)?.state).toBe('aborted');

    const [after] = listJobItems(db, jobId);
    expect(after?.observations).toContain('partially-overwritten');
    expect(contentErased(after!, 1)).toBe(false);
    const evidence = erasureEvidence(db, jobId, { toolVersion: 'test' });
    expect(evidence.status).toBe('aborted');
    expect(evidence.items[0]?.outcome).toBe('not-erased');
    // Not erased indeed: the end of the device was never reached.
    expect((await readFile(loop.device)).includes(MARKER)).toBe(true);
  });
});
