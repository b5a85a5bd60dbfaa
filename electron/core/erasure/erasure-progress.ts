/**
 * Progress of an erasure run, as the UI shows it (10-1): counts, bytes, the pass, throughput
 * and time left. It carries the item's journal number, never its path: a progress event may
 * be logged or shown over a shoulder, and file names can be personal data.
 *
 * Bytes count the hashing read, every pass and the read-back: a one-pass job of 1 GiB of files
 * has 3 GiB to do.
 */
import { passPatterns, type ErasureMethod } from './erasure-methods';
import type { ErasureItem } from './erasure-journal';
import type { OverwritePhase } from './overwrite-file';

export interface ErasureProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The journal's number of the item being worked on (null between items). */
  readonly currentItem: number | null;
  readonly phase: OverwritePhase | 'hash' | 'remove';
  /** 1-based; the read-back counts as the last pass's. */
  readonly currentPass: number;
  readonly passes: number;
  readonly throughputBytesPerSecond: number;
  /** Null until there is enough to estimate from. */
  readonly secondsLeft: number | null;
}

/** Entries the engineer thinks of as files: files and links (folders and free space are counted in bytes only). */
function countsAsFile(item: ErasureItem): boolean {
  return item.kind === 'file' || item.kind === 'link';
}

function isFinished(item: ErasureItem): boolean {
  // A whole device ends 'verified' (whole-medium/erase-device-entry.ts): nothing is removed after it.
  return item.state === 'removed' || item.state === 'exception' || (item.kind === 'device' && item.state === 'verified');
}

export interface ProgressMeter {
  begin(item: ErasureItem): void;
  bytes(item: ErasureItem, count: number, phase: OverwritePhase | 'hash', pass: number): void;
  finish(item: ErasureItem): void;
}

/**
 * Two entries may be in progress at once (run-erasure-job.ts overlaps them); the bytes of each
 * are counted separately and the screen's "current file" is the one begun last.
 */
export function progressMeter(
  items: readonly ErasureItem[],
  method: ErasureMethod,
  onProgress?: (progress: ErasureProgress) => void,
  clock: () => number = () => performance.now(),
): ProgressMeter {
  const passes = passPatterns(method).length;
  // A file is read once for its SHA-256 before erasure, written once per pass and read back once;
  // free space and a whole device are written once per pass and read back once.
  const share = (item: ErasureItem) =>
    item.kind === 'file' ? item.size * (passes + 2) : item.kind === 'free-space' || item.kind === 'device' ? item.size * (passes + 1) : 0;
  const filesTotal = items.filter(countsAsFile).length;
  const bytesTotal = items.reduce((sum, item) => sum + share(item), 0);
  let filesDone = items.filter((item) => countsAsFile(item) && isFinished(item)).length;
  let bytesBefore = items.filter(isFinished).reduce((sum, item) => sum + share(item), 0);
  /** Bytes moved so far in each entry in progress, by journal number. */
  const inProgress = new Map<number, { item: ErasureItem; bytes: number }>();
  let current: ErasureItem | null = null;
  let phase: ErasureProgress['phase'] = 'overwrite';
  let currentPass = 1;
  let movedThisRun = 0;
  const started = clock();

  const emit = () => {
    if (!onProgress) return;
    let partial = 0;
    for (const { item, bytes } of inProgress.values()) partial += Math.min(bytes, share(item));
    const bytesDone = Math.min(bytesTotal, bytesBefore + partial);
    const seconds = (clock() - started) / 1000;
    const throughput = seconds > 0 ? movedThisRun / seconds : 0;
    onProgress({
      filesDone,
      filesTotal,
      bytesDone,
      bytesTotal,
      currentItem: current?.seq ?? null,
      phase,
      currentPass,
      passes,
      throughputBytesPerSecond: throughput,
      secondsLeft: seconds >= 0.5 && throughput > 0 ? (bytesTotal - bytesDone) / throughput : null,
    });
  };

  return {
    begin(item) {
      inProgress.set(item.seq, { item, bytes: 0 });
      current = item;
      phase = 'overwrite';
      currentPass = 1;
      emit();
    },
    bytes(item, count, newPhase, pass) {
      const entry = inProgress.get(item.seq);
      if (entry) entry.bytes += count;
      movedThisRun += count;
      if (current?.seq === item.seq) {
        phase = newPhase;
        currentPass = Math.max(1, pass);
      }
      emit();
    },
    finish(item) {
      if (countsAsFile(item)) filesDone += 1;
      bytesBefore += share(item);
      inProgress.delete(item.seq);
      if (current?.seq === item.seq) {
        const [latest] = [...inProgress.values()].slice(-1);
        current = latest?.item ?? null;
        phase = current ? phase : 'remove';
      }
      emit();
    },
  };
}
