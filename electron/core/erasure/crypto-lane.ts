/**
 * The CPU work of one erasure lane on helper threads of its own (issue 14, "Speed"): the
 * AES-256-CTR keystream each pass writes, its regeneration and comparison for the read-back,
 * and the SHA-256 taken before erasure. Node runs Cipher and Hash synchronously on the calling
 * thread, so with all of it on the job's thread the two lanes took turns on one core of two
 * while the device waited (profile on 1 GiB: keystream 0.3 s alone, 0.7–0.9 s inside the write
 * loop, SHA-256 ~1.1 s, O_DIRECT writes alone ~0.3 s, O_DIRECT reads ~0.65 s). With helpers
 * per lane, both cores work and the job's thread only moves blocks.
 *
 * A lane's blocks live in one shared, page-aligned WebAssembly memory (direct-io.ts) that the
 * helpers fill and read in place: nothing is copied between threads, and O_DIRECT keeps its
 * aligned buffers. The helpers are started on first use and stopped after a short idle time,
 * and they hold the process open only while something is asked of them. Where a thread cannot be
 * started, or a block is not in the lane's memory, the same work runs on the calling thread:
 * slower, same bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { firstDifference, KEYSTREAM_PIECE_BYTES, writeKeystream, type PatternSource } from './erasure-pattern';

/** An idle helper is stopped after this long; the next request starts a new one (~20 ms). */
const IDLE_STOP_MS = 2000;

/**
 * The helper's code, evaluated so that it needs no entry file of its own in the bundles; it
 * asks for built-in modules through process.getBuiltinModule, which works whether the eval is
 * a script or a module (a parent started with --input-type=module makes it a module), and it
 * starts without the parent's flags (a development loader such as tsx has nothing to do here).
 * The keystream and the comparison are erasure-pattern.ts's own functions, inserted by their
 * source text: self-contained, they behave the same on either thread.
 */
const HELPER_SOURCE = `'use strict';
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const { createCipheriv, createHash } = process.getBuiltinModule('node:crypto');
const memory = Buffer.from(workerData.memory);
const zeros = Buffer.alloc(${KEYSTREAM_PIECE_BYTES});
const writeKeystream = ${writeKeystream.toString()};
const firstDifference = ${firstDifference.toString()};
let scratch = Buffer.alloc(0);
const hashes = new Map();
parentPort.on('message', (m) => {
  let result = null;
  try {
    if (m.op === 'fill') {
      writeKeystream(createCipheriv('aes-256-ctr', m.key, m.iv), zeros, memory, m.at, m.length);
    } else if (m.op === 'compare') {
      if (scratch.length < m.length) scratch = Buffer.alloc(m.length);
      writeKeystream(createCipheriv('aes-256-ctr', m.key, m.iv), zeros, scratch, 0, m.length);
      result = firstDifference(memory.subarray(m.at, m.at + m.length), scratch, m.length);
    } else if (m.op === 'hash') {
      let hash = hashes.get(m.hash);
      if (!hash) hashes.set(m.hash, (hash = createHash('sha256')));
      hash.update(memory.subarray(m.at, m.at + m.length));
    } else if (m.op === 'digest') {
      result = (hashes.get(m.hash) || createHash('sha256')).digest('hex');
      hashes.delete(m.hash);
    } else if (m.op === 'drop') {
      hashes.delete(m.hash);
    }
    parentPort.postMessage({ id: m.id, result });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: String((error && error.message) || error) });
  } finally {
    if (m.key) m.key.fill(0);
  }
});
`;

type Request =
  | { op: 'fill' | 'compare'; key: Uint8Array; iv: Uint8Array; at: number; length: number }
  | { op: 'hash'; hash: number; at: number; length: number }
  | { op: 'digest' | 'drop'; hash: number };

interface Reply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: string;
}

/**
 * Helpers per lane. One cannot keep up with the device (~1.1–2 GB/s of keystream per thread
 * here, where a fresh output buffer for every piece faults in new pages, against ~3.4 GB/s of
 * O_DIRECT writes), so each block's keystream is split between two; with two lanes that makes
 * four threads on two cores, which costs nothing while one of them waits on the device.
 */
const HELPERS = Math.max(1, Math.min(2, availableParallelism()));

/** Keystream parts start on whole pieces, so each is a stream offset the counter can address. */
const PART_ALIGN = KEYSTREAM_PIECE_BYTES;

/** One helper thread and the requests it has not answered yet. */
class HelperThread {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private readonly worker: Worker;

  constructor(memory: SharedArrayBuffer, onLost: (helper: HelperThread, error: Error) => void, onIdle: () => void) {
    this.worker = new Worker(HELPER_SOURCE, { eval: true, execArgv: [], workerData: { memory } });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) {
        this.worker.unref();
        onIdle();
      }
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.result);
    });
    this.worker.on('error', (error) => onLost(this, error));
    this.worker.on('exit', () => onLost(this, new Error('the erasure helper thread stopped')));
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  call(request: Request): Promise<unknown> {
    const id = this.nextId++;
    // Keeps the process (or the job's thread) alive only while an answer is awaited.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const transfer = 'key' in request ? [request.key.buffer as ArrayBuffer] : [];
      this.worker.postMessage({ id, ...request }, transfer);
    });
  }

  /** Fails what is unanswered with `error` and stops the thread. */
  stop(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
    void this.worker.terminate();
  }
}

/** A streaming SHA-256 whose updates run on the lane's helper when the block is the lane's. */
export interface LaneHash {
  /** Hashes `block[0, length)`; the block must stay untouched until the returned promise settles. */
  update(block: Buffer, length: number): Promise<void>;
  digest(): Promise<string>;
  /** Forgets the hash (cancelled or failed reading): no digest follows. */
  discard(): void;
}

export class CryptoLane {
  private helpers: HelperThread[] | null = null;
  /** Bumped whenever the helpers go away: hashes begun on earlier ones cannot be finished. */
  private generation = 0;
  private unavailable = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextHash = 1;
  /** Hashes begun on a helper and not yet digested: the helpers must not be stopped under them. */
  private readonly openHashes = new Set<number>();

  /** `memory`: the shared memory the lane's blocks are views of (null: everything runs inline). */
  constructor(private readonly memory: SharedArrayBuffer | null) {
    if (memory === null) this.unavailable = true;
  }

  /** Fills `target[0, length)` with `source`'s bytes at `offset` of its stream. */
  async fill(source: PatternSource, target: Buffer, length: number, offset: number): Promise<void> {
    const stream = source.keystream;
    const helpers = stream && this.owns(target) ? this.start() : null;
    if (!stream || !helpers) {
      source.fill(target, length, offset);
      return;
    }
    await Promise.all(
      parts(length, helpers.length).map(({ start, size }, i) =>
        this.ask(helpers, i, {
          op: 'fill',
          key: Uint8Array.from(stream.key),
          iv: stream.counterBlock(offset + start),
          at: target.byteOffset + start,
          length: size,
        }),
      ),
    );
  }

  /**
   * The index of the first byte of `actual[0, length)` that differs from `source`'s bytes at
   * `offset`, or `length` when all match. `scratch` (at least `length` bytes) holds the expected
   * bytes when the comparison runs on this thread.
   */
  async firstDifference(source: PatternSource, actual: Buffer, length: number, offset: number, scratch: Buffer): Promise<number> {
    const stream = source.keystream;
    const helpers = stream && this.owns(actual) ? this.start() : null;
    if (!stream || !helpers) {
      source.fill(scratch, length, offset);
      return firstDifference(actual, scratch, length);
    }
    const pieces = parts(length, helpers.length);
    const found = await Promise.all(
      pieces.map(({ start, size }, i) =>
        this.ask(helpers, i, {
          op: 'compare',
          key: Uint8Array.from(stream.key),
          iv: stream.counterBlock(offset + start),
          at: actual.byteOffset + start,
          length: size,
        }),
      ),
    );
    for (const [i, { start, size }] of pieces.entries()) {
      const at = found[i] as number;
      if (at < size) return start + at;
    }
    return length;
  }

  sha256(): LaneHash {
    const id = this.nextHash++;
    let inline: Hash | null = null;
    /** The helpers' generation the hash lives on, once its first block went there. */
    let generation: number | null = null;
    const helpers = (): HelperThread[] => {
      if (this.helpers === null || generation !== this.generation) throw new Error('the erasure helper thread stopped while hashing');
      return this.helpers;
    };
    const release = () => {
      this.openHashes.delete(id);
      this.scheduleIdleStop();
    };
    return {
      update: async (block, length) => {
        if (generation === null && inline === null) {
          if (this.owns(block) && this.start()) {
            generation = this.generation;
            this.openHashes.add(id);
          } else {
            inline = createHash('sha256');
          }
        }
        if (inline) {
          inline.update(block.subarray(0, length));
          return;
        }
        if (!this.owns(block)) throw new RangeError("a hash on the helper thread reads only the lane's blocks");
        await this.ask(helpers(), 0, { op: 'hash', hash: id, at: block.byteOffset, length });
      },
      digest: async () => {
        if (generation === null) return (inline ?? createHash('sha256')).digest('hex');
        try {
          return (await this.ask(helpers(), 0, { op: 'digest', hash: id })) as string;
        } finally {
          release();
        }
      },
      discard: () => {
        if (generation !== null && this.helpers !== null && generation === this.generation)
          void this.ask(this.helpers, 0, { op: 'drop', hash: id }).catch(() => undefined);
        release();
      },
    };
  }

  /** Stops the helpers now (they would stop by themselves once idle). */
  close(): Promise<void> {
    this.forget(new Error('the erasure lane was closed'));
    return Promise.resolve();
  }

  private owns(block: Buffer): boolean {
    return this.memory !== null && block.buffer === this.memory;
  }

  /** The running helpers, started if need be; null where threads cannot be had (the lane then works inline). */
  private start(): HelperThread[] | null {
    if (this.helpers || this.unavailable || this.memory === null) return this.helpers;
    const memory = this.memory;
    const started: HelperThread[] = [];
    try {
      for (let i = 0; i < HELPERS; i += 1)
        started.push(
          new HelperThread(
            memory,
            (helper, error) => this.lost(helper, error),
            () => this.scheduleIdleStop(),
          ),
        );
      this.helpers = started;
    } catch {
      for (const helper of started) helper.stop(new Error('no helper threads'));
      this.unavailable = true;
    }
    return this.helpers;
  }

  private ask(helpers: readonly HelperThread[], index: number, request: Request): Promise<unknown> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const helper = helpers[index];
    if (!helper) throw new RangeError(`no helper ${index}`);
    return helper.call(request);
  }

  private scheduleIdleStop(): void {
    if (!this.helpers || this.helpers.some((helper) => helper.busy) || this.openHashes.size > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.helpers?.some((helper) => helper.busy) || this.openHashes.size > 0) return;
      this.forget(new Error('the erasure helper threads stopped'));
    }, IDLE_STOP_MS);
    this.idleTimer.unref();
  }

  private lost(helper: HelperThread, error: Error): void {
    if (this.helpers?.includes(helper)) this.forget(error);
  }

  /** Stops the current helpers: what they were asked and have not answered fails with `error`. */
  private forget(error: Error): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const helpers = this.helpers ?? [];
    this.helpers = null;
    this.generation += 1;
    this.openHashes.clear();
    for (const helper of helpers) helper.stop(error);
  }
}

/** `length` bytes split into at most `count` consecutive parts, each starting on a whole keystream piece. */
function parts(length: number, count: number): Array<{ start: number; size: number }> {
  const each = Math.max(PART_ALIGN, Math.ceil(length / count / PART_ALIGN) * PART_ALIGN);
  const result: Array<{ start: number; size: number }> = [];
  for (let start = 0; start < length || result.length === 0; start += each)
    result.push({ start, size: Math.max(0, Math.min(each, length - start)) });
  return result;
}
