/**
 * The whole-medium overwrite engine on a fake device held in memory, where sectors can be made
 * to refuse writes or reads, to drop writes silently, or the device to vanish — what a real
 * device cannot be made to do here (no device-mapper "error" target in this kernel). Checked
 * as an auditor would: after a good run every byte of the device is the keystream and the
 * journal's numbers make the item erased; a bad sector is retried, counted, skipped, and keeps
 * the device from being called erased; a silent mismatch is found by the read-back; a
 * cancellation or a swapped device leaves the job saying exactly what happened.
 * The refusals of planning are here too (the integration test plans a real loop device).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultDatabase } from '../../electron/db/open-vault-database';
import { scratchVaultDatabase, type ScratchDatabase } from '../support/scratch-database';
import { contentErased, getJob, listJobItems, type ErasureItem } from '../../electron/core/erasure/erasure-journal';
import type { EntryRun } from '../../electron/core/erasure/erase-entry';
import type { ErasureMethod } from '../../electron/core/erasure/erasure-methods';
import { patternSource } from '../../electron/core/erasure/erasure-pattern';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import { createIoBuffers } from '../../electron/core/erasure/overwrite-file';
import type { BlockDevice } from '../../electron/core/erasure/whole-medium/block-device';
import { eraseDeviceEntry, type DeviceEngineDeps } from '../../electron/core/erasure/whole-medium/erase-device-entry';
import { planWholeMediumErasure } from '../../electron/core/erasure/whole-medium/plan-whole-medium-erasure';
import { confirmationHint, confirmationMatches } from '../../electron/core/erasure/whole-medium/device-identity';
import { linuxDeviceNumbers } from '../../electron/core/erasure/whole-medium/release-device';
import { errorCodeOf } from '../support/error-code';

const SECTOR = 512;
/** Two full 4 MiB blocks and a tail of three sectors: the tail path is exercised too. */
const SIZE = 8 * 1024 * 1024 + 3 * SECTOR;

function ioError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A device in memory. Sectors in `refuseWrite` fail any write touching them; `refuseRead` likewise; `dropWrite` accept writes and keep the old bytes. */
class FakeDevice implements BlockDevice {
  readonly readBack = 'direct' as const;
  readonly data: Buffer;
  readonly original: Buffer;
  refuseWrite = new Set<number>();
  refuseRead = new Set<number>();
  dropWrite = new Set<number>();
  /** After this many bytes written the device is unplugged. */
  vanishAfter = Infinity;
  written = 0;
  closed = false;
  /** Called as each write is issued (the cancellation test presses "cancel" there). */
  beforeWrite: () => void = () => undefined;

  constructor(size: number) {
    this.original = randomBytes(size);
    this.data = Buffer.from(this.original);
  }

  private touches(set: Set<number>, position: number, length: number): boolean {
    for (let s = Math.floor(position / SECTOR); s < Math.ceil((position + length) / SECTOR); s += 1) if (set.has(s)) return true;
    return false;
  }

  async write(buffer: Buffer, length: number, position: number): Promise<void> {
    this.beforeWrite();
    if (this.written >= this.vanishAfter) throw ioError('ENODEV');
    if (this.touches(this.refuseWrite, position, length)) throw ioError('EIO');
    for (let at = 0; at < length; at += SECTOR) {
      if (!this.dropWrite.has((position + at) / SECTOR)) buffer.copy(this.data, position + at, at, Math.min(at + SECTOR, length));
    }
    this.written += length;
  }

  async read(buffer: Buffer, length: number, position: number): Promise<number> {
    if (this.touches(this.refuseRead, position, length)) throw ioError('EIO');
    const end = Math.min(position + length, this.data.length);
    this.data.copy(buffer, 0, position, end);
    return end - position;
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }
}

const FACTS: DeviceFacts = {
  path: '/dev/fake0',
  vendor: 'Test',
  model: 'Stick',
  serial: 'FAKE00012345',
  sizeBytes: SIZE,
  transport: 'usb',
  rotational: false,
  removable: true,
  logicalSectorBytes: SECTOR,
  holdsSystem: false,
  backingFile: null,
  source: 'test',
};

let scratch: ScratchDatabase;
let dir: string;
let db: VaultDatabase;
beforeAll(async () => {
  scratch = await scratchVaultDatabase('fieldguard-whole-medium-');
  ({ dir, db } = scratch);
});
afterAll(() => scratch.close());

const noRelease = async () => [] as string[];

async function plan(method: ErasureMethod = 'random-verify', facts: DeviceFacts = FACTS): Promise<{ jobId: string; item: ErasureItem }> {
  const { jobId } = await planWholeMediumErasure(db, facts, { method, confirmation: '2345', release: noRelease });
  const [item] = listJobItems(db, jobId);
  if (!item) throw new Error('no item planned');
  return { jobId, item };
}

function runOf(
  jobId: string,
  method: ErasureMethod,
  key: Buffer,
  options: { signal?: AbortSignal; onBytes?: EntryRun['onBytes'] } = {},
): EntryRun {
  return {
    db,
    jobId,
    method,
    key,
    buffers: createIoBuffers(),
    signal: options.signal,
    onBytes: options.onBytes ?? (() => undefined),
    blockBytes: async () => 4096,
  };
}

function depsFor(device: FakeDevice, facts: DeviceFacts = FACTS): DeviceEngineDeps {
  return { identify: async (p) => (p === facts.path ? facts : null), release: noRelease, open: async () => device };
}

/** What the last pass wrote at every byte, regenerated from the key as an auditor with the key would. */
function expectedStream(key: Buffer, seq: number, pass: number, pattern: 'random' | 'zeros' = 'random'): Buffer {
  const out = Buffer.alloc(SIZE);
  patternSource(pattern, key, { seq, pass }).fill(out, SIZE, 0);
  return out;
}

describe('planning a whole-medium erasure', () => {
  it('journals one job of scope whole-medium with one device item of the device size and its identity', async () => {
    const { jobId, item } = await plan();
    expect(getJob(db, jobId)).toMatchObject({ scope: 'whole-medium', state: 'planned', targets: ['/dev/fake0'] });
    expect(getJob(db, jobId)?.media).toEqual([{ volume: null, device: FACTS, problems: [] }]);
    expect(item).toMatchObject({ kind: 'device', size: SIZE, fileId: 'serial:FAKE00012345', state: 'pending' });
  });

  it('refuses a wrong confirmation, the system disk, a non-removable disk, and never calls the unmount for them', async () => {
    let released = 0;
    const release = async () => {
      released += 1;
      return [];
    };
    expect(await errorCodeOf(() => planWholeMediumErasure(db, FACTS, { confirmation: '1234', release }))).toBe(
      'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
    );
    expect(await errorCodeOf(() => planWholeMediumErasure(db, FACTS, { confirmation: '', release }))).toBe(
      'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
    );
    expect(await errorCodeOf(() => planWholeMediumErasure(db, { ...FACTS, holdsSystem: true }, { confirmation: '2345', release }))).toBe(
      'ERASURE_DEVICE_HOLDS_SYSTEM',
    );
    expect(await errorCodeOf(() => planWholeMediumErasure(db, { ...FACTS, holdsSystem: null }, { confirmation: '2345', release }))).toBe(
      'ERASURE_DEVICE_HOLDS_SYSTEM',
    );
    expect(await errorCodeOf(() => planWholeMediumErasure(db, { ...FACTS, removable: false }, { confirmation: '2345', release }))).toBe(
      'ERASURE_DEVICE_NOT_REMOVABLE',
    );
    expect(await errorCodeOf(() => planWholeMediumErasure(db, { ...FACTS, sizeBytes: null }, { confirmation: '2345', release }))).toBe(
      'ERASURE_DEVICE_NOT_FOUND',
    );
    expect(released).toBe(0);
  });

  it('accepts a loop device (backed by a file) although not removable, confirmed by its name when it has no serial', async () => {
    const loop: DeviceFacts = {
      ...FACTS,
      path: '/dev/loop7',
      serial: null,
      removable: false,
      transport: 'virtual',
      backingFile: '/var/tmp/img',
    };
    expect(confirmationHint(loop)).toEqual({ kind: 'device-name', text: 'loop7' });
    expect(await errorCodeOf(() => planWholeMediumErasure(db, loop, { confirmation: 'loop', release: noRelease }))).toBe(
      'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
    );
    const { jobId } = await planWholeMediumErasure(db, loop, { confirmation: 'ｌｏｏｐ７', release: noRelease });
    expect(listJobItems(db, jobId)[0]?.fileId).toBe('backing:/var/tmp/img');
  });

  it('takes the serial’s last four or more characters, full-width or lower case as typed on a Japanese keyboard', () => {
    expect(confirmationMatches(FACTS, '２３４５')).toBe(true);
    expect(confirmationMatches(FACTS, '012345')).toBe(true);
    expect(confirmationMatches(FACTS, 'fake00012345')).toBe(true);
    expect(confirmationMatches(FACTS, '345')).toBe(false);
    expect(confirmationMatches({ ...FACTS, serial: 'AB1' }, 'ab1')).toBe(true);
  });
});

describe('erasing a whole device', () => {
  it('writes the keystream over every byte, reads it all back, and journals an erased device', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    const key = randomBytes(32);
    const seen = { overwrite: 0, verify: 0 };
    await eraseDeviceEntry(
      runOf(jobId, 'random-verify', key, { onBytes: (bytes, phase) => void (seen[phase as 'overwrite' | 'verify'] += bytes) }),
      item,
      depsFor(device),
    );
    expect(device.data.equals(expectedStream(key, item.seq, 1))).toBe(true);
    const [after] = listJobItems(db, jobId);
    expect(after).toMatchObject({
      state: 'verified',
      passesDone: 1,
      bytesWritten: SIZE,
      bytesVerified: SIZE,
      readBack: 'direct',
      badSectors: 0,
    });
    expect(after && contentErased(after, 1)).toBe(true);
    expect(seen).toEqual({ overwrite: SIZE, verify: SIZE });
    expect(device.closed).toBe(true);
  });

  it('three passes end in zeros, with the bytes of all three journaled', async () => {
    const { jobId, item } = await plan('three-pass');
    const device = new FakeDevice(SIZE);
    await eraseDeviceEntry(runOf(jobId, 'three-pass', randomBytes(32)), item, depsFor(device));
    expect(device.data.equals(Buffer.alloc(SIZE))).toBe(true);
    const [after] = listJobItems(db, jobId);
    expect(after).toMatchObject({ state: 'verified', passesDone: 3, bytesWritten: 3 * SIZE, bytesVerified: SIZE });
    expect(after && contentErased(after, 3)).toBe(true);
  });

  it('retries a block that refuses a write sector by sector: the other sectors are erased, the bad ones counted, and the device is not called erased', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    device.refuseWrite = new Set([100, 101, 9000]);
    const key = randomBytes(32);
    await eraseDeviceEntry(runOf(jobId, 'random-verify', key), item, depsFor(device));
    const expected = expectedStream(key, item.seq, 1);
    for (let sector = 0; sector < SIZE / SECTOR; sector += 1) {
      const range = [sector * SECTOR, (sector + 1) * SECTOR] as const;
      const now = device.data.subarray(...range);
      // A sector that refused the write still holds what it held: that is why the device is not erased.
      expect(
        now.equals(device.refuseWrite.has(sector) ? device.original.subarray(...range) : expected.subarray(...range)),
        `sector ${sector}`,
      ).toBe(true);
    }
    const [after] = listJobItems(db, jobId);
    expect(after).toMatchObject({
      state: 'exception',
      exceptionCode: 'IO_ERROR',
      badSectors: 3,
      bytesWritten: SIZE - 3 * SECTOR,
      bytesVerified: SIZE - 3 * SECTOR,
    });
    expect(after && contentErased(after, 1)).toBe(false);
  });

  it('counts sectors that cannot be read back as bad', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    device.refuseRead = new Set([5]);
    await eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, depsFor(device));
    expect(listJobItems(db, jobId)[0]).toMatchObject({
      state: 'exception',
      exceptionCode: 'IO_ERROR',
      badSectors: 1,
      bytesVerified: SIZE - SECTOR,
    });
  });

  it('finds a sector that silently kept its old content, and says the read-back did not match', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    device.dropWrite = new Set([SIZE / SECTOR - 1]);
    await eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, depsFor(device));
    const [after] = listJobItems(db, jobId);
    expect(after).toMatchObject({ state: 'exception', exceptionCode: 'VERIFY_MISMATCH', bytesVerified: SIZE - SECTOR });
    expect(after && contentErased(after, 1)).toBe(false);
  });

  it('stops a device failing in too many sectors with an I/O error', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    // Every sector of the device refuses: far more than a worn device has.
    device.refuseWrite = new Set(Array.from({ length: SIZE / SECTOR }, (_, i) => i));
    await eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, depsFor(device));
    expect(listJobItems(db, jobId)[0]).toMatchObject({ state: 'exception', exceptionCode: 'IO_ERROR' });
  }, 30_000);

  it('cancelled between blocks of a pass: the job can say the device was partly overwritten and not erased', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    const controller = new AbortController();
    device.beforeWrite = () => controller.abort();
    const run = runOf(jobId, 'random-verify', randomBytes(32), { signal: controller.signal });
    await expect(eraseDeviceEntry(run, item, depsFor(device))).rejects.toThrow();
    const [after] = listJobItems(db, jobId);
    expect(after?.observations).toContain('partially-overwritten');
    expect(after && contentErased(after, 1)).toBe(false);
    expect(device.written).toBeLessThan(SIZE);
    expect(device.closed).toBe(true);
  });

  it('writes nothing to another device found at the planned path (a replugged stick), and leaves the job resumable', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    expect(
      await errorCodeOf(() =>
        eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, depsFor(device, { ...FACTS, serial: 'OTHER0001' })),
      ),
    ).toBe('ERASURE_DEVICE_CHANGED');
    expect(
      await errorCodeOf(() =>
        eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, depsFor(device, { ...FACTS, sizeBytes: SIZE * 2 })),
      ),
    ).toBe('ERASURE_DEVICE_CHANGED');
    expect(
      await errorCodeOf(() =>
        eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, { ...depsFor(device), identify: async () => null }),
      ),
    ).toBe('ERASURE_DEVICE_NOT_FOUND');
    expect(device.data.equals(device.original)).toBe(true);
    expect(listJobItems(db, jobId)[0]).toMatchObject({ state: 'pending', bytesWritten: 0 });
  });

  it('says what rights are needed when the device cannot be opened', async () => {
    const { jobId, item } = await plan();
    const deps: DeviceEngineDeps = { ...depsFor(new FakeDevice(SIZE)), open: async () => Promise.reject(ioError('EACCES')) };
    expect(await errorCodeOf(() => eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, deps))).toBe(
      'ERASURE_DEVICE_NEEDS_ADMIN',
    );
  });

  it('unplugged mid-way: resumable, and a resumed run starts again from offset 0 under its new key', async () => {
    const { jobId, item } = await plan();
    const device = new FakeDevice(SIZE);
    device.vanishAfter = 4 * 1024 * 1024;
    expect(await errorCodeOf(() => eraseDeviceEntry(runOf(jobId, 'random-verify', randomBytes(32)), item, depsFor(device)))).toBe(
      'ERASURE_DEVICE_NOT_FOUND',
    );
    device.vanishAfter = Infinity;
    const [interrupted] = listJobItems(db, jobId);
    if (!interrupted) throw new Error('item missing');
    const key = randomBytes(32);
    await eraseDeviceEntry(runOf(jobId, 'random-verify', key), interrupted, depsFor(device));
    expect(device.data.equals(expectedStream(key, item.seq, 1))).toBe(true);
    const [after] = listJobItems(db, jobId);
    expect(after).toMatchObject({ state: 'verified', bytesWritten: SIZE, bytesVerified: SIZE });
    expect(after?.observations).toContain('rewritten-after-interruption');
  });
});

describe('what is mounted from a device (Linux sysfs)', () => {
  it('finds the device, its partitions and what is stacked on them (a LUKS mapping), and nothing else', async () => {
    // /sys/class/block as the kernel lays it out: a partition under its disk and linked beside it (sdb1), sdb1/holders/dm-0 a mapping, sda another disk.
    const sys = path.join(dir, 'sys-class-block');
    const node = async (name: string, dev: string) => {
      await mkdir(path.join(sys, name, 'holders'), { recursive: true });
      await writeFile(path.join(sys, name, 'dev'), `${dev}\n`);
    };
    await node('sda', '8:0');
    await node('sda/sda1', '8:1');
    await node('sdb', '8:16');
    await node('sdb/sdb1', '8:17');
    await node('sdb/sdb2', '8:18');
    await node('dm-0', '254:0');
    for (const partition of ['sda/sda1', 'sdb/sdb1', 'sdb/sdb2']) await symlink(partition, path.join(sys, path.basename(partition)));
    await symlink('../../dm-0', path.join(sys, 'sdb/sdb1/holders/dm-0'));
    expect([...(await linuxDeviceNumbers('/dev/sdb', sys))].sort()).toEqual(['254:0', '8:16', '8:17', '8:18']);
  });
});
