/**
 * The loop every overwrite pass runs (files and whole media): generate a block of the pattern,
 * write it, and keep both the generator and the device busy at once. Blocks come from a ring
 * of reused buffers; a block is generated into its slot only once the write that last used
 * that slot has finished, and writes are started in order.
 *
 * Why the generating runs ahead (issue 14 profile, one 1 GiB file, 4 MiB blocks, O_DIRECT on
 * virtio, 2 cores): keystream alone on the lane's two helpers 0.26–0.37 s, writes alone
 * 0.30–0.35 s, yet generating one block at a time in front of three writes took 0.54–0.67 s —
 * each block waited for its keystream while the writes in flight drained. With two blocks
 * being generated while three are written the same pass took 0.39–0.47 s.
 */

/** Block `index` of a ring of reused blocks. */
export function slot(ring: readonly Buffer[], index: number): Buffer {
  const block = ring[index % ring.length];
  if (block === undefined) throw new RangeError('empty block ring');
  return block;
}

/** Marks a promise as observed: it is awaited later, in order, and must not count as an unhandled rejection meanwhile. */
export function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Blocks being generated ahead of the one to be written next. */
export const FILL_AHEAD = 2;

export interface PipelinedPass<T> {
  /** Bytes to cover, from offset 0. */
  readonly size: number;
  /** The reused blocks (all one size); at least `writesInFlight + FILL_AHEAD` for full overlap. */
  readonly ring: readonly Buffer[];
  /** Writes kept in flight at most. */
  readonly writesInFlight: number;
  readonly signal?: AbortSignal;
  /** Fills `buffer[0, length)` with the pattern at `offset`. */
  fill(buffer: Buffer, length: number, offset: number): Promise<void>;
  /** Writes `buffer[0, length)` at `offset`. */
  write(buffer: Buffer, length: number, offset: number): Promise<T>;
  /** Each write's result, in the order of the blocks. */
  onWritten?(result: T, length: number): void;
  /**
   * Called before the block at `offset` is written, with a function that waits for every write
   * started so far (a checkpoint: drain, flush, journal).
   */
  beforeWrite?(offset: number, drain: () => Promise<void>): Promise<void>;
}

/** Runs one pass; on any failure every generate and write still running is awaited before it throws, so no block is touched afterwards. */
export async function runPipelinedPass<T>(pass: PipelinedPass<T>): Promise<void> {
  const first = slot(pass.ring, 0);
  const blockBytes = first.length;
  const blocks = Math.ceil(pass.size / blockBytes);
  const lengthOf = (block: number) => Math.min(blockBytes, pass.size - block * blockBytes);
  const fills: Array<Promise<void>> = [];
  const writes: Array<{ done: Promise<T>; length: number }> = [];
  let nextFill = 0;
  let retired = 0;
  const retire = async () => {
    const oldest = writes.shift();
    if (oldest === undefined) return;
    const result = await oldest.done;
    retired += 1;
    pass.onWritten?.(result, oldest.length);
    // A cancel that came while this write ran stops the pass before another block is written.
    pass.signal?.throwIfAborted();
  };
  const drain = async () => {
    while (writes.length > 0) await retire();
  };
  try {
    for (let block = 0; block < blocks; block += 1) {
      pass.signal?.throwIfAborted();
      while (nextFill < blocks && nextFill < block + FILL_AHEAD) {
        // The slot is free once the write of the block that used it last has finished; with a
        // ring too small to generate ahead, that block may not even be written yet.
        const previousUser = nextFill - pass.ring.length;
        if (previousUser >= block) break;
        while (previousUser >= retired) await retire();
        fills.push(observed(pass.fill(slot(pass.ring, nextFill), lengthOf(nextFill), nextFill * blockBytes)));
        nextFill += 1;
      }
      await fills.shift();
      const offset = block * blockBytes;
      await pass.beforeWrite?.(offset, drain);
      if (writes.length >= pass.writesInFlight) await retire();
      writes.push({ done: observed(pass.write(slot(pass.ring, block), lengthOf(block), offset)), length: lengthOf(block) });
    }
    await drain();
  } finally {
    await Promise.allSettled([...fills, ...writes.map((write) => write.done)]);
  }
}
