/**
 * Erases a whole device — the journal's item of kind 'device' — and records each step (issue
 * 14, whole-medium erasure). The run's job runner calls this for device items, inside the
 * erasure worker, under the run's stream key.
 *
 * Before the first write the device now at the planned path is read again and must be the
 * planned one (serial or loop backing file, and size: after a crash or a replug /dev/sdb may be
 * another stick), anything mounted from it since planning is unmounted, and it is opened
 * exclusively and unbuffered. Then every pass of the method is written over every byte and
 * flushed, and the last pass is read back in full and compared with the regenerated stream.
 *
 * The journal, step by step (each recorded only once durable):
 * - at the start: passes, bytes and bad sectors reset to 0 — a resumed device item restarts
 *   from offset 0 under the new run's key, and says it was rewritten after an interruption;
 * - every 256 MiB of a pass: the bytes written so far (after a flush) or read back;
 * - after each pass: passesDone, bytesWritten; state 'overwritten' after the last;
 * - at the end: state 'verified' with bytesVerified, readBack and badSectors = 0 — the device
 *   item's final state: it is erased when contentErased() holds on these numbers;
 * - a device with bad sectors (refused even sector by sector) ends as exception IO_ERROR with
 *   its count, and one whose read-back differs as VERIFY_MISMATCH: either way not erased.
 *
 * A device item planned with the device's own sanitize goes to sanitize-device-entry.ts after
 * the same identity check and release: nothing is written by FieldGuard then.
 *
 * Cancelling (the run's signal, checked between blocks) records the bytes written and
 * 'partially-overwritten' and ends the job 'aborted': the certificate says not erased. A device
 * that is missing, replaced, busy or cannot be opened for lack of rights throws an ErasureError
 * before anything is written, and the job stays resumable.
 */
import type { ErasureItem, ItemChanges, ItemObservation } from '../erasure-journal';
import { timestamp, updateItem } from '../erasure-journal';
import type { EntryRun } from '../erase-entry';
import { ErasureError } from '../erasure-exceptions';
import { passPatterns } from '../erasure-methods';
import { patternSource } from '../erasure-pattern';
import type { DeviceFacts } from '../medium';
import { listWholeDevices } from '../../../platform/media/read-medium';
import { isDeviceGone, isPermissionError, openBlockDevice, type BlockDevice } from './block-device';
import { deviceIdentity } from './device-identity';
import { DeviceFailingError, verifyDevicePass, writeDevicePass, type DevicePassOptions } from './device-passes';
import { releaseDevice } from './release-device';
import { runSanitizeTool } from '../../../platform/sanitize/read-sanitize-capability';
import { sanitizeDeviceEntry, type SanitizeDeps } from './sanitize-device-entry';

/** How often a pass's progress is made durable and journaled. */
export const CHECKPOINT_BYTES = 256 * 1024 * 1024;

/** More bad sectors than this and the device is failing, not worn: the erasure stops (32 MiB of 512-byte sectors). */
export const MAX_BAD_SECTORS = 65_536;

/** What the engine needs from the system: ports, so the passes can be tested on a fake device. */
export interface DeviceEngineDeps extends SanitizeDeps {
  /** The whole device at `devicePath` now, as the OS lists it; null when there is none. */
  readonly identify: (devicePath: string) => Promise<DeviceFacts | null>;
  /** Unmounts what was mounted from it since planning (an automount after a replug) and checks it is free. */
  readonly release: (device: DeviceFacts) => Promise<unknown>;
  readonly open: (devicePath: string) => Promise<BlockDevice>;
}

export const systemDeviceDeps: DeviceEngineDeps = {
  identify: async (devicePath) => (await listWholeDevices()).find((device) => device.path === devicePath) ?? null,
  release: (device) => releaseDevice(device),
  open: openBlockDevice,
  runSanitizeCommand: runSanitizeTool,
};

/** The device at the item's path, if it is the planned one; else an ErasureError, nothing written. */
async function plannedDevice(item: ErasureItem, deps: DeviceEngineDeps): Promise<DeviceFacts> {
  const device = await deps.identify(item.path);
  if (!device) throw new ErasureError('ERASURE_DEVICE_NOT_FOUND');
  if (deviceIdentity(device) !== item.fileId || device.sizeBytes !== item.size) throw new ErasureError('ERASURE_DEVICE_CHANGED');
  if (device.holdsSystem !== false) throw new ErasureError('ERASURE_DEVICE_HOLDS_SYSTEM');
  return device;
}

async function openPlanned(devicePath: string, deps: DeviceEngineDeps): Promise<BlockDevice> {
  try {
    return await deps.open(devicePath);
  } catch (error) {
    if (isPermissionError(error)) throw new ErasureError('ERASURE_DEVICE_NEEDS_ADMIN');
    if ((error as NodeJS.ErrnoException).code === 'EBUSY') throw new ErasureError('ERASURE_DEVICE_IN_USE');
    if (isDeviceGone(error)) throw new ErasureError('ERASURE_DEVICE_NOT_FOUND');
    throw error;
  }
}

/** Overwrites, verifies and journals; the caller turns a final failure into the item's exception. */
async function overwriteDevice(
  run: EntryRun,
  item: ErasureItem,
  device: BlockDevice,
  sectorBytes: number,
  journal: (changes: ItemChanges) => void,
): Promise<void> {
  const patterns = passPatterns(run.method);
  const size = item.size;
  const observations = new Set<ItemObservation>(item.observations);
  observations.delete('partially-overwritten');
  if (item.startedAt !== null) observations.add('rewritten-after-interruption');
  const startedAt = item.startedAt ?? timestamp();
  journal({
    state: 'pending',
    passesDone: 0,
    bytesWritten: 0,
    bytesVerified: 0,
    readBack: null,
    badSectors: 0,
    startedAt,
    observations: [...observations],
  });

  const badSectors = new Set<number>();
  let written = 0;
  const options = (pass: number, phase: 'overwrite' | 'verify', onCheckpoint: DevicePassOptions['onCheckpoint']): DevicePassOptions => ({
    signal: run.signal,
    sectorBytes,
    buffers: run.buffers,
    badSectors,
    maxBadSectors: MAX_BAD_SECTORS,
    checkpointBytes: CHECKPOINT_BYTES,
    onBytes: (bytes) => run.onBytes(bytes, phase, pass),
    onCheckpoint,
  });
  try {
    for (const [index, pattern] of patterns.entries()) {
      const pass = index + 1;
      const source = patternSource(pattern, run.key, { seq: item.seq, pass });
      const before = written;
      written += await writeDevicePass(
        device,
        size,
        source,
        options(pass, 'overwrite', (_done, good) => journal({ bytesWritten: before + good, badSectors: badSectors.size })),
      );
      journal({
        state: pass === patterns.length ? 'overwritten' : 'pending',
        passesDone: pass,
        bytesWritten: written,
        badSectors: badSectors.size,
      });
    }
  } catch (error) {
    if (run.signal?.aborted) journal({ observations: [...observations, 'partially-overwritten'], badSectors: badSectors.size });
    throw error;
  }
  const last = patterns.length;
  const source = patternSource(patterns[last - 1] ?? 'zeros', run.key, { seq: item.seq, pass: last });
  const outcome = await verifyDevicePass(
    device,
    size,
    source,
    options(last, 'verify', (_done, verified) => journal({ bytesVerified: verified })),
  );
  const result: ItemChanges = {
    bytesVerified: outcome.bytesVerified,
    readBack: device.readBack,
    badSectors: badSectors.size,
    finishedAt: timestamp(),
  };
  if (outcome.mismatchAt !== null) journal({ ...result, state: 'exception', exceptionCode: 'VERIFY_MISMATCH' });
  else if (badSectors.size > 0) journal({ ...result, state: 'exception', exceptionCode: 'IO_ERROR' });
  else journal({ ...result, state: 'verified' });
}

/**
 * Erases the whole device of a 'device' item. Bad sectors, a failing device and a read-back
 * that differs become the item's exception; cancellation and the refusals before the first
 * write (ErasureError) propagate, the latter leaving the job resumable.
 */
export async function eraseDeviceEntry(run: EntryRun, item: ErasureItem, deps: DeviceEngineDeps = systemDeviceDeps): Promise<void> {
  const journal = (changes: ItemChanges) => updateItem(run.db, run.jobId, item.seq, changes);
  const facts = await plannedDevice(item, deps);
  await deps.release(facts);
  // The device's own sanitize, when chosen at planning: no sector is written by FieldGuard.
  if (item.sanitize !== null) return sanitizeDeviceEntry(run, item, facts, deps, journal);
  const device = await openPlanned(item.path, deps);
  try {
    await overwriteDevice(run, item, device, facts.logicalSectorBytes ?? 512, journal);
  } catch (error) {
    if (run.signal?.aborted) throw error;
    if (error instanceof DeviceFailingError) {
      journal({ state: 'exception', exceptionCode: 'IO_ERROR', badSectors: error.badSectors, finishedAt: timestamp() });
      return;
    }
    // Unplugged mid-way: resumable like a crash (the next run starts again from offset 0).
    if (isDeviceGone(error)) throw new ErasureError('ERASURE_DEVICE_NOT_FOUND');
    throw error;
  } finally {
    await device.close().catch(() => undefined);
  }
}
