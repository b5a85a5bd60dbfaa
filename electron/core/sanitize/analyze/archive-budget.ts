/**
 * The archive limits (ArchiveLimits) as one budget for a whole archive tree, charged while
 * entries are being decompressed — a header's sizes are claims, the inflater's output is
 * fact — so a bomb is stopped as soon as it crosses a limit instead of after it has
 * expanded.
 */
import type { ArchiveLimits, FindingCode } from '../sanitize-types';

/** Below this many expanded bytes an entry's ratio is not judged: a 10 KB run of spaces deflates 300:1 and is harmless. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export class LimitExceeded extends Error {
  constructor(
    readonly code: Extract<FindingCode, 'ARCHIVE_TOO_MANY_ENTRIES' | 'ARCHIVE_TOO_LARGE' | 'ARCHIVE_RATIO'>,
    readonly limit: number,
    /** 'entry' stops only this entry (ratio); 'tree' stops the whole walk. */
    readonly scope: 'entry' | 'tree',
  ) {
    super(`${code} (limit ${limit})`);
    this.name = 'LimitExceeded';
  }
}

export class ArchiveBudget {
  private entries = 0;
  private expanded = 0;
  /** Set once a whole-tree limit has been crossed: every walk stops at its next entry. */
  exhausted = false;

  constructor(readonly limits: ArchiveLimits) {}

  countEntry(): void {
    this.entries++;
    if (this.entries > this.limits.maxEntries)
      throw this.spent(new LimitExceeded('ARCHIVE_TOO_MANY_ENTRIES', this.limits.maxEntries, 'tree'));
  }

  /** Charges `bytes` just produced by an entry's decompressor that has now produced `entryTotal` from `compressedSize` bytes. */
  chargeExpanded(bytes: number, entryTotal: number, compressedSize: number): void {
    this.expanded += bytes;
    if (this.expanded > this.limits.maxExpandedBytes)
      throw this.spent(new LimitExceeded('ARCHIVE_TOO_LARGE', this.limits.maxExpandedBytes, 'tree'));
    if (entryTotal > RATIO_FLOOR_BYTES && entryTotal > this.limits.maxRatio * Math.max(compressedSize, 1))
      throw new LimitExceeded('ARCHIVE_RATIO', this.limits.maxRatio, 'entry');
  }

  private spent(error: LimitExceeded): LimitExceeded {
    this.exhausted = true;
    return error;
  }
}
