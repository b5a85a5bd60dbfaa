/**
 * Issue 14: whole-medium erasure of a 1 GiB loop device whose backing file is on the real disk
 * (not tmpfs), attached with --direct-io=on so that both sides reach the disk rather than the
 * page cache. FieldGuard's side is the engine as a job runs it — the device checked to be the
 * planned one, opened exclusively with O_DIRECT, one pass of the AES-256-CTR stream over every
 * byte, fdatasync, then every byte read back with O_DIRECT and compared with the regenerated
 * stream, the journal updated as it goes. The reference is the pair the issue names:
 * `dd if=/dev/zero of=DEV bs=4M oflag=direct` (count=256, the same 1 GiB: without it dd runs into
 * the end of the device and fails) followed by a `cmp` read-back of the whole device against
 * /dev/zero. Target: FieldGuard's overwrite + verify ≥ 0.9 of dd + cmp.
 * Needs Linux, root and losetup; elsewhere it is left out with one line.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { listJobItems } from '../../electron/core/erasure/erasure-journal';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import { createIoBuffers } from '../../electron/core/erasure/overwrite-file';
import { eraseDeviceEntry } from '../../electron/core/erasure/whole-medium/erase-device-entry';
import { planWholeMediumErasure } from '../../electron/core/erasure/whole-medium/plan-whole-medium-erasure';
import { listWholeDevices } from '../../electron/platform/media/read-medium';
import type { Benchmark } from './benchmark';

const exec = promisify(execFile);
const MIB = 1024 * 1024;
const SIZE_MIB = 1024;

interface Context {
  readonly dir: string;
  readonly device: string;
  readonly facts: DeviceFacts;
  readonly db: VaultDatabase;
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function setup(): Promise<Context> {
  // os.tmpdir() is on the root file system here; a tmpfs /tmp would measure memory, not a disk.
  const dir = await mkdtemp(path.join(process.env.FIELDGUARD_BENCH_DIR ?? os.tmpdir(), 'fieldguard-bench-whole-medium-'));
  const image = path.join(dir, 'medium.img');
  await exec('dd', ['if=/dev/urandom', `of=${image}`, 'bs=4M', `count=${SIZE_MIB / 4}`, 'status=none']);
  await exec('sync');
  const device = (await exec('losetup', ['--find', '--show', '--direct-io=on', image])).stdout.trim();
  const facts = (await listWholeDevices()).find((d) => d.path === device);
  if (!facts) throw new Error(`${device} is not listed as a whole device`);
  const db = openVaultDatabase(path.join(dir, 'vault.db'), randomBytes(32), { create: true });
  migrate(db);
  return { dir, device, facts, db };
}

async function teardown(context: Context): Promise<void> {
  context.db.close();
  await exec('losetup', ['-d', context.device]).catch(() => undefined);
  await rm(context.dir, { recursive: true, force: true });
}

/** One job's run: planned (not timed: the engineer's confirmation and the unmount), then overwritten and verified. */
async function eraseOnce(context: Context): Promise<number> {
  const { jobId } = await planWholeMediumErasure(context.db, context.facts, { confirmation: path.basename(context.device) });
  const [item] = listJobItems(context.db, jobId);
  if (!item) throw new Error('no device item');
  const key = randomBytes(32);
  const buffers = createIoBuffers();
  const time = await seconds(() =>
    eraseDeviceEntry(
      { db: context.db, jobId, method: 'random-verify', key, buffers, onBytes: () => undefined, blockBytes: async () => 4096 },
      item,
    ),
  );
  const [after] = listJobItems(context.db, jobId);
  if (after?.state !== 'verified' || after.bytesVerified !== SIZE_MIB * MIB)
    throw new Error(`the erasure did not verify: ${JSON.stringify(after)}`);
  return SIZE_MIB / time;
}

const wholeMedium: Benchmark<Context> = {
  name: 'whole-medium erasure: 1 GiB loop device, overwrite + verify',
  unit: 'MiB/s',
  higherIsBetter: true,
  target: 0.9,
  referenceName: 'dd if=/dev/zero bs=4M oflag=direct + cmp',
  rounds: 5,
  setup,
  subject: eraseOnce,
  async reference(context) {
    const time = await seconds(async () => {
      await exec('dd', ['if=/dev/zero', `of=${context.device}`, 'bs=4M', `count=${SIZE_MIB / 4}`, 'oflag=direct', 'status=none']);
      await exec('cmp', ['-n', String(SIZE_MIB * MIB), context.device, '/dev/zero']);
    });
    return SIZE_MIB / time;
  },
  teardown,
};

const runnable = process.platform === 'linux' && process.getuid?.() === 0;
if (!runnable) process.stdout.write('whole-medium erasure bench left out: needs Linux and root (losetup)\n');

export default runnable ? [wholeMedium] : [];
