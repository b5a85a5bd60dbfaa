/**
 * Erases a whole device by its own sanitize (NVMe Sanitize, ATA SANITIZE) when the engineer
 * chose that technique at planning (issue 14); erase-device-entry.ts hands such device items
 * here once the device at the path is checked to be the planned one and released.
 *
 * The journal, step by step:
 * - before the command is sent: `{ technique, result: null }` and startedAt. From then on the
 *   device may be sanitizing, whatever happens to this process;
 * - a resumed item found started with no result does NOT send the command again: the device's
 *   sanitize log is read and a sanitize in progress followed (device-sanitize.ts); what that
 *   cannot prove is recorded 'unconfirmed';
 * - at the end: the runner's result, and the state 'verified' only when its outcome is
 *   'completed' (the device's own log said so) — else the exception SANITIZE_NOT_COMPLETED:
 *   not erased, never Purge on the certificate.
 */
import type { ErasureItem, ItemChanges } from '../erasure-journal';
import { timestamp } from '../erasure-journal';
import type { EntryRun } from '../erase-entry';
import type { DeviceFacts } from '../medium';
import type { RunCommand, SanitizeRunResult } from '../../../platform/sanitize/run-device-sanitize';
import { resumeDeviceSanitize, runDeviceSanitize } from './device-sanitize';

/** What the sanitize needs from the system: the nvme / hdparm runner (the real tools when absent; a fake replaying recorded outputs in tests). */
export interface SanitizeDeps {
  readonly runSanitizeCommand?: RunCommand;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly platform?: NodeJS.Platform;
}

export async function sanitizeDeviceEntry(
  run: EntryRun,
  item: ErasureItem,
  device: DeviceFacts,
  deps: SanitizeDeps,
  journal: (changes: ItemChanges) => void,
): Promise<void> {
  const record = item.sanitize;
  if (record === null) throw new Error('sanitizeDeviceEntry: the item has no sanitize technique');
  let reported = 0;
  const options = {
    run: deps.runSanitizeCommand,
    sleep: deps.sleep,
    platform: deps.platform,
    // The device reports a fraction; the job's meter counts bytes of the device's size.
    onProgress: (fraction: number) => {
      const bytes = Math.floor(fraction * item.size);
      if (bytes > reported) run.onBytes(bytes - reported, 'overwrite', 1);
      reported = Math.max(reported, bytes);
    },
  };
  let result: SanitizeRunResult;
  if (record.result === null && item.startedAt !== null) {
    result = await resumeDeviceSanitize(device, record.technique, options);
  } else {
    journal({ sanitize: { technique: record.technique, result: null }, startedAt: timestamp(), state: 'pending' });
    result = await runDeviceSanitize(device, record.technique, options);
  }
  const finished: ItemChanges = { sanitize: { technique: record.technique, result }, finishedAt: timestamp() };
  journal(
    result.outcome === 'completed'
      ? { ...finished, state: 'verified' }
      : { ...finished, state: 'exception', exceptionCode: 'SANITIZE_NOT_COMPLETED' },
  );
}
