/**
 * The CPU work of one erasure lane on a helper thread of its own (issue 14, "Speed"): the
 * AES-256-CTR keystream each pass writes, its regeneration and comparison for the read-back,
 * and the SHA-256 taken before erasure. Node runs Cipher and Hash synchronously on the calling
 * thread, so with all of it on the job's thread the two lanes took turns on one core of two
 * while the device waited (profile on 1 GiB: keystream ~0.3 s quiet and up to 0.9 s under load
 * in the write loop, SHA-256 ~1.1 s, O_DIRECT writes alone ~0.3 s, reads ~0.65 s). With a
 * helper per lane, both cores work and the job's thread only moves blocks.
 *
 * A lane's blocks live in one shared, page-aligned WebAssembly memory (direct-io.ts) that the
 * helper fills and reads in place: nothing is copied between threads, and O_DIRECT keeps its
 * aligned buffers. The helper is started on first use and stopped after a short idle time, and
 * it holds the process open only while something is asked of it. Where a thread cannot be
 * started, or a block is not in the lane's memory, the same work runs on the calling thread:
 * slower, same bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { firstDifference, KEYSTREAM_PIECE_BYTES, writeKeystream, type PatternSource } from './erasure-pattern';

/** An idle helper is stopped after this long; the next request starts a new one (~20 ms). */
const IDLE_STOP_MS = 2000;

/**
 * The helper's code, evaluated so that it needs no entry file of its own in the bundles; it
 * asks for built-in modules through process.getBuiltinModule, which works whether the eval is
 * a script or a module (a parent started with --input-type=module makes it a module), and it
 * starts without the parent's flags (a development loader such as tsx has nothing to do here). The keystream and the comparison are erasure-pattern.ts's own functions, inserted
 * by their source text: self-contained, they behave the same on either thread.
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

/** A streaming SHA-256 whose updates run on the lane's helper when the block is the lane's. */
export interface LaneHash {
  /** Hashes `block[0, length)`; the block must stay untouched until the returned promise settles. */
  update(block: Buffer, length: number): Promise<void>;
  digest(): Promise<string>;
  /** Forgets the hash (cancelled or failed reading): no digest follows. */
  discard(): void;
}

export class CryptoLane {
  private worker: Worker | null = null;
  /** Bumped whenever a helper goes away: hashes begun on an earlier one cannot be finished. */
  private generation = 0;
  private unavailable = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  /** Hashes begun on the helper and not yet digested: the helper must not be stopped under them. */
  private readonly openHashes = new Set<number>();
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  /** `memory`: the shared memory the lane's blocks are views of (null: everything runs inline). */
  constructor(private readonly memory: SharedArrayBuffer | null) {
    if (memory === null) this.unavailable = true;
  }

  /** Fills `target[0, length)` with `source`'s bytes at `offset` of its stream. */
  async fill(source: PatternSource, target: Buffer, length: number, offset: number): Promise<void> {
    const stream = source.keystream;
    if (stream && this.owns(target)) {
      const helper = this.helper();
      if (helper) {
        await this.call(helper, { op: 'fill', key: Uint8Array.from(stream.key), iv: stream.counterBlock(offset), at: target.byteOffset, length });
        return;
      }
    }
    source.fill(target, length, offset);
  }

  /**
   * The index of the first byte of `actual[0, length)` that differs from `source`'s bytes at
   * `offset`, or `length` when all match. `scratch` (at least `length` bytes) holds the expected
   * bytes when the comparison runs on this thread.
   */
  async firstDifference(source: PatternSource, actual: Buffer, length: number, offset: number, scratch: Buffer): Promise<number> {
    const stream = source.keystream;
    if (stream && this.owns(actual)) {
      const helper = this.helper();
      if (helper) return (await this.call(helper, { op: 'compare', key: Uint8Array.from(stream.key), iv: stream.counterBlock(offset), at: actual.byteOffset, length })) as number;
    }
    source.fill(scratch, length, offset);
    return firstDifference(actual, scratch, length);
  }

  sha256(): LaneHash {
    const id = this.nextId++;
    let inline: Hash | null = null;
    /** The helper generation the hash lives on, once its first block went there. */
    let generation: number | null = null;
    const onHelper = (): Worker => {
      if (this.worker === null || generation !== this.generation) throw new Error('the erasure helper thread stopped while hashing');
      return this.worker;
    };
    const release = () => {
      this.openHashes.delete(id);
      this.scheduleIdleStop();
    };
    return {
      update: async (block, length) => {
        if (generation === null && inline === null) {
          const helper = this.owns(block) ? this.helper() : null;
          if (helper) {
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
        if (!this.owns(block)) throw new RangeError('a hash on the helper thread reads only the lane\'s blocks');
        await this.call(onHelper(), { op: 'hash', hash: id, at: block.byteOffset, length });
      },
      digest: async () => {
        if (generation === null) return (inline ?? createHash('sha256')).digest('hex');
        try {
          return (await this.call(onHelper(), { op: 'digest', hash: id })) as string;
        } finally {
          release();
        }
      },
      discard: () => {
        if (generation !== null && this.worker !== null && generation === this.generation) void this.call(this.worker, { op: 'drop', hash: id }).catch(() => undefined);
        release();
      },
    };
  }

  /** Stops the helper now (it would stop by itself once idle). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.forget(new Error('the erasure lane was closed'));
    await worker?.terminate();
  }

  private owns(block: Buffer): boolean {
    return this.memory !== null && block.buffer === this.memory;
  }

  private helper(): Worker | null {
    if (this.worker || this.unavailable || this.memory === null) return this.worker;
    try {
      const worker = new Worker(HELPER_SOURCE, { eval: true, execArgv: [], workerData: { memory: this.memory } });
      worker.unref();
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', (error) => this.lost(worker, error));
      worker.on('exit', () => this.lost(worker, new Error('the erasure helper thread stopped')));
      this.worker = worker;
    } catch {
      // No threads here (or too many): the lane works inline from now on.
      this.unavailable = true;
    }
    return this.worker;
  }

  private call(worker: Worker, request: Request): Promise<unknown> {
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // Keeps the process (or the job's thread) alive only while an answer is awaited.
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const transfer = 'key' in request ? [request.key.buffer as ArrayBuffer] : [];
      worker.postMessage({ id, ...request }, transfer);
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      this.scheduleIdleStop();
    }
    if (reply.error !== undefined) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.result);
  }

  private scheduleIdleStop(): void {
    if (this.pending.size > 0 || this.openHashes.size > 0 || !this.worker || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size > 0 || this.openHashes.size > 0) return;
      const worker = this.worker;
      this.forget(new Error('the erasure helper thread stopped'));
      void worker?.terminate();
    }, IDLE_STOP_MS);
    this.idleTimer.unref();
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker === worker) this.forget(error);
  }

  /** Drops the current helper: what it was asked and has not answered fails with `error`. */
  private forget(error: Error): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.worker = null;
    this.generation += 1;
    this.openHashes.clear();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
  }
}
