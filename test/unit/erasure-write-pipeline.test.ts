/**
 * The overwrite passes' loop (write-pipeline.ts): blocks generated ahead of the writes must
 * never land in a block whose write is still running, every byte is written once and in
 * order, a checkpoint sees every earlier write finished, and a failure or cancel leaves
 * nothing running.
 */
import { describe, expect, it } from 'vitest';
import { FILL_AHEAD, runPipelinedPass } from '../../electron/core/erasure/write-pipeline';

const BLOCK = 16;

/** A fill or write that finishes after a few turns of the event loop, in an order that varies with `seed`. */
function later<T>(value: T, turns: number): Promise<T> {
  return new Promise((resolve) => {
    let left = turns;
    const tick = () => (left-- <= 0 ? resolve(value) : setImmediate(tick));
    tick();
  });
}

function ring(count: number): Buffer[] {
  return Array.from({ length: count }, () => Buffer.alloc(BLOCK));
}

interface Trace {
  readonly events: string[];
  readonly written: Map<number, string>;
  maxFillsAhead: number;
}

/** Runs a pass over `size` bytes where a block's content is its offset, recording what happened. */
async function tracedPass(
  size: number,
  options: { ringSize: number; writes: number; failWriteAt?: number; checkpointEvery?: number; signal?: AbortSignal },
): Promise<Trace> {
  const trace: Trace = { events: [], written: new Map(), maxFillsAhead: 0 };
  const writing = new Set<Buffer>();
  let fillsRunning = 0;
  let seed = 7;
  const turns = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 5;
  await runPipelinedPass({
    size,
    ring: ring(options.ringSize),
    writesInFlight: options.writes,
    signal: options.signal,
    fill: async (buffer, length, offset) => {
      if (writing.has(buffer)) throw new Error(`block at ${offset} generated into a block still being written`);
      fillsRunning += 1;
      trace.maxFillsAhead = Math.max(trace.maxFillsAhead, fillsRunning);
      await later(undefined, turns());
      buffer.fill(0);
      buffer.write(String(offset), 0, length, 'latin1');
      fillsRunning -= 1;
    },
    write: async (buffer, length, offset) => {
      writing.add(buffer);
      trace.events.push(`write ${offset}`);
      await later(undefined, turns());
      writing.delete(buffer);
      if (offset === options.failWriteAt) throw Object.assign(new Error('medium error'), { code: 'EIO' });
      trace.written.set(offset, buffer.toString('latin1', 0, length).replace(/\0+$/, ''));
      return length;
    },
    onWritten: (result, length) => {
      expect(result).toBe(length);
      trace.events.push(`done ${length}`);
    },
    beforeWrite: async (offset, drain) => {
      if (!options.checkpointEvery || offset === 0 || offset % options.checkpointEvery !== 0) return;
      await drain();
      trace.events.push(`checkpoint ${offset}`);
      for (let before = 0; before < offset; before += BLOCK) expect(trace.written.has(before)).toBe(true);
    },
  });
  return trace;
}

describe('the overwrite pipeline', () => {
  it('writes every block once, with its own content, and generates ahead while writing', async () => {
    const size = 20 * BLOCK + 5;
    const trace = await tracedPass(size, { ringSize: 3 + FILL_AHEAD, writes: 3 });
    const offsets = [...trace.written.keys()].sort((a, b) => a - b);
    expect(offsets).toEqual(Array.from({ length: 21 }, (_, i) => i * BLOCK));
    for (const offset of offsets) expect(trace.written.get(offset)).toBe(String(offset).slice(0, offset === 20 * BLOCK ? 5 : BLOCK));
    expect(trace.events.filter((event) => event.startsWith('write')).map((event) => Number(event.slice(6)))).toEqual(offsets);
    expect(trace.maxFillsAhead).toBeGreaterThan(1);
    expect(trace.maxFillsAhead).toBe(FILL_AHEAD);
  });

  it('never generates into a block still being written, even with a ring too small to overlap', async () => {
    for (const ringSize of [1, 2, 3, 4]) {
      const trace = await tracedPass(12 * BLOCK, { ringSize, writes: Math.max(1, ringSize - 1) });
      expect(trace.written.size).toBe(12);
    }
  });

  it('a checkpoint sees every earlier block written', async () => {
    const trace = await tracedPass(16 * BLOCK, { ringSize: 5, writes: 3, checkpointEvery: 4 * BLOCK });
    expect(trace.events.filter((event) => event.startsWith('checkpoint'))).toEqual(['checkpoint 64', 'checkpoint 128', 'checkpoint 192']);
  });

  it('a failed write fails the pass, and nothing is left running', async () => {
    const writes: Promise<unknown>[] = [];
    let running = 0;
    const pass = runPipelinedPass({
      size: 10 * BLOCK,
      ring: ring(5),
      writesInFlight: 3,
      fill: () => later(undefined, 1),
      write: (_, length, offset) => {
        running += 1;
        const done = later(length, 3).then((value) => {
          running -= 1;
          if (offset === 2 * BLOCK) throw Object.assign(new Error('medium error'), { code: 'EIO' });
          return value;
        });
        writes.push(done.catch(() => undefined));
        return done;
      },
    });
    await expect(pass).rejects.toThrow('medium error');
    expect(running).toBe(0);
    expect(writes.length).toBeLessThan(10);
  });

  it('a cancel stops before the next block is written', async () => {
    const controller = new AbortController();
    let written = 0;
    const pass = runPipelinedPass({
      size: 32 * BLOCK,
      ring: ring(5),
      writesInFlight: 3,
      signal: controller.signal,
      fill: () => later(undefined, 1),
      write: (_, length) => later(length, 2),
      onWritten: () => {
        written += 1;
        if (written === 2) controller.abort();
      },
    });
    await expect(pass).rejects.toMatchObject({ name: 'AbortError' });
    expect(written).toBe(2);
  });
});
