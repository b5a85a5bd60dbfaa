/**
 * Verifier worker threads kept open for many documents in a row (issue 20: the archive sync
 * checks every document again before it leaves). The check is CPU — the CMS signature, the
 * PDF, the evidence, the chain — and on the main thread it came on top of the uploads; in a
 * worker it runs on another core while the main thread sends. Starting a worker per document,
 * as the Verify screen does for a file from anyone (verify-in-worker.ts), would cost more than
 * the check itself.
 *
 * Each request is answered by its own id, so a verdict always belongs to the bytes sent for
 * it. A worker takes a second or two to load the verifier; the checks asked for meanwhile are
 * done on the calling thread, so that starting the pool never delays the first documents. The worker is only where the check runs, never whether it runs: if a worker cannot start,
 * fails, runs out of memory or overruns its time, it is stopped and every check it still owed
 * (and every later one) is done on the calling thread instead, by the same verifyCertificate.
 */
import { Worker } from 'node:worker_threads';
import type { TrustAnchors } from './signer-chain';
import { verifyCertificate, type CertificateVerification, type VerifyOptions } from './verify-certificate';
import { VERIFY_WORKER_LIMITS, type VerifyRequest } from './verify-in-worker';

const REQUEST_TIMEOUT_MS = 120_000;

export interface VerifierPool {
  /** True once a worker has loaded the verifier; false if none could. */
  readonly ready: Promise<boolean>;
  verify(bytes: Buffer, anchors: TrustAnchors, options?: VerifyOptions): Promise<CertificateVerification>;
  close(): Promise<void>;
}

interface Pending {
  readonly bytes: Buffer;
  readonly anchors: TrustAnchors;
  readonly options: VerifyOptions;
  readonly resolve: (result: CertificateVerification) => void;
  readonly reject: (error: unknown) => void;
  readonly timer: NodeJS.Timeout;
}

interface Lane {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  /** Set when the worker says it has loaded the verifier: until then, checks are done here rather than wait for it. */
  ready: boolean;
  broken: boolean;
}

function inThisThread(request: Pending): void {
  verifyCertificate(request.bytes, request.anchors, request.options).then(request.resolve, request.reject);
}

/** `size` workers on `entry` (the verifier worker's file, as built or from source); requests go to the least busy. */
export function openVerifierPool(entry: URL, size: number): VerifierPool {
  let nextId = 0;
  let closed = false;
  const lanes: Lane[] = [];
  let settleReady: (loaded: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (settleReady = resolve));

  const fail = (lane: Lane) => {
    if (lane.broken) return;
    lane.broken = true;
    void lane.worker.terminate();
    for (const request of lane.pending.values()) {
      clearTimeout(request.timer);
      inThisThread(request);
    }
    lane.pending.clear();
    if (lanes.every((l) => l.broken)) settleReady(false);
  };

  for (let i = 0; i < Math.max(1, size); i += 1) {
    const lane: Lane = {
      worker: new Worker(entry, { resourceLimits: VERIFY_WORKER_LIMITS }),
      pending: new Map(),
      ready: false,
      broken: false,
    };
    lane.worker.on('message', (message: { ready?: true; id?: number; ok: boolean; result?: CertificateVerification }) => {
      if (message.ready) {
        lane.ready = true;
        settleReady(true);
      }
      const request = message.id === undefined ? undefined : lane.pending.get(message.id);
      if (!request || message.id === undefined) return;
      lane.pending.delete(message.id);
      clearTimeout(request.timer);
      if (message.ok && message.result) request.resolve(message.result);
      // The verifier threw in the worker: ask it here, where the answer (or the error) is the same as before workers.
      else inThisThread(request);
    });
    lane.worker.on('error', () => fail(lane));
    lane.worker.on('exit', () => fail(lane));
    lanes.push(lane);
  }

  return {
    ready,
    verify(bytes, anchors, options = {}) {
      return new Promise((resolve, reject) => {
        const lane = lanes.filter((l) => l.ready && !l.broken).sort((a, b) => a.pending.size - b.pending.size)[0];
        if (closed || !lane) {
          verifyCertificate(bytes, anchors, options).then(resolve, reject);
          return;
        }
        const id = nextId++;
        const timer = setTimeout(() => fail(lane), REQUEST_TIMEOUT_MS);
        lane.pending.set(id, { bytes, anchors, options, resolve, reject, timer });
        // A copy crosses (transferred): the caller's buffer stays whole, and the worker checks the bytes as they were now.
        const copy = new Uint8Array(bytes);
        const request: VerifyRequest = {
          id,
          bytes: copy,
          options,
          fingerprints: [...anchors.fingerprints],
          certificates: anchors.certificates.map((der) => new Uint8Array(der)),
          revocationLists: anchors.revocationLists.map((der) => new Uint8Array(der)),
        };
        lane.worker.postMessage(request, [copy.buffer]);
      });
    },
    async close() {
      closed = true;
      // Whatever is still owed is answered here rather than dropped.
      for (const lane of lanes) fail(lane);
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}
