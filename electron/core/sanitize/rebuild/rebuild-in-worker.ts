/**
 * rebuildFile in a worker thread (rebuild-worker.ts), so the Electron main process stays
 * responsive while a document is rebuilt. One thread serves a run's files one after another
 * and is let go when idle; cancelling terminates it (the half-written destination is removed)
 * and the next request starts a new one. When no worker entry exists — the single-file CLI
 * bundle — the rebuild runs in this thread, which has nothing else to do.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArchiveLimits } from '../sanitize-types';
import { rebuildFile } from './rebuild-file';
import type { RebuildKind, RebuildOptions, RebuildOutcome } from './rebuild-types';

export interface RebuildRequest {
  readonly id: number;
  readonly kind: RebuildKind;
  readonly source: string;
  readonly destination: string;
  readonly limits: ArchiveLimits;
}

export type RebuildReply =
  | { readonly id: number; readonly ok: true; readonly outcome: RebuildOutcome }
  | { readonly id: number; readonly ok: false; readonly message: string };

export type Rebuild = (kind: RebuildKind, source: string, destination: string, options: RebuildOptions) => Promise<RebuildOutcome>;

/**
 * Where the worker is: the TypeScript source's dev entry, or the bundled rebuild-worker.js of
 * the app's main build — next to this code, or one folder up when the bundler put this code
 * in a shared chunk (out/main/chunks/).
 */
export function rebuildWorkerEntry(): URL | null {
  const here = import.meta.url;
  const candidates = here.endsWith('.ts')
    ? [new URL('./rebuild-worker.dev.mjs', here)]
    : [new URL('./rebuild-worker.js', here), new URL('../rebuild-worker.js', here)];
  return candidates.find((entry) => existsSync(fileURLToPath(entry))) ?? null;
}

class RebuildThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { readonly worker: Worker; resolve: (outcome: RebuildOutcome) => void; reject: (error: Error) => void }
  >();

  constructor(private readonly entry: URL) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry);
    worker.unref(); // an idle rebuild thread never keeps the app or the CLI alive
    worker.on('message', (reply: RebuildReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.outcome);
      else waiting.reject(new Error(reply.message));
    });
    // A thread that ended fails only its own requests (a cancelled one's exit comes after the next thread started).
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the rebuild worker stopped')));
    this.worker = worker;
    return worker;
  }

  async rebuild(kind: RebuildKind, source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
    options.signal?.throwIfAborted();
    const worker = this.start();
    const id = this.nextId++;
    const answer = new Promise<RebuildOutcome>((resolve, reject) => this.pending.set(id, { worker, resolve, reject }));
    const abort = () => {
      // The thread may be mid-write: it is stopped, and what it wrote is removed.
      this.pending
        .get(id)
        ?.reject(options.signal?.reason instanceof Error ? options.signal.reason : new DOMException('Aborted', 'AbortError'));
      this.pending.delete(id);
      if (this.worker === worker) this.worker = null;
      void worker.terminate().then(() => rm(destination, { force: true }));
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.ref();
    worker.postMessage({ id, kind, source, destination, limits: options.limits } satisfies RebuildRequest);
    try {
      return await answer;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      if (![...this.pending.values()].some((waiting) => waiting.worker === worker)) worker.unref();
    }
  }
}

/** A rebuild function: in a worker thread when `entry` is given (rebuildWorkerEntry() by default), else in this thread. */
export function rebuilderFor(entry: URL | null = rebuildWorkerEntry()): Rebuild {
  if (!entry) return rebuildFile;
  const thread = new RebuildThread(entry);
  return async (kind, source, destination, options) => {
    try {
      return await thread.rebuild(kind, source, destination, options);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // The thread died (out of memory on a hostile file…): nothing is delivered from it.
      await rm(destination, { force: true });
      return { outcome: 'cannot-rebuild', removed: [], reason: 'unreadable' };
    }
  };
}
