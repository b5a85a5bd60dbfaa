/**
 * Runs `verifyCertificate` in a worker thread (verify-worker.ts), always: the core takes the
 * worker's entry as a required port, so the app's main process never parses a hostile PDF itself
 * (issue 17; the CLI calls verifyCertificate directly, in a process of its own). The worker has a
 * heap, a stack and a time limit, and the PDF's streams are capped before pdf-lib unpacks them
 * (pdf-stream-limits.ts): a worker that fails, runs out of memory or overruns its time gives
 * "unreadable", never a verdict.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrustAnchors } from './signer-chain';
import type { CertificateVerification, VerifyOptions } from './verify-certificate';

export const verifyWorkerFromSource = new URL('./verify-worker.dev.mjs', import.meta.url);

/** The bundled worker next to a built entry point (`base`: its import.meta.url), or the source one. */
export function verifyWorkerNextTo(base: string | URL): URL {
  const bundled = new URL('./verify-worker.js', base);
  return existsSync(fileURLToPath(bundled)) ? bundled : verifyWorkerFromSource;
}

/** What crosses into the worker: plain bytes (transferred) and arrays. */
export interface VerifyRequest {
  /** Echoed in the answer, for a worker kept open for many requests (verify-pool.ts). */
  readonly id?: number;
  readonly options?: VerifyOptions;
  readonly bytes: Uint8Array;
  readonly fingerprints: readonly string[];
  readonly certificates: readonly Uint8Array[];
  readonly revocationLists: readonly Uint8Array[];
}

const WORKER_TIMEOUT_MS = 120_000;
/** Far above what a FieldGuard certificate needs (pdf-lib's objects of a few MB file); a file that needs more is unreadable. */
export const VERIFY_WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 } as const;
const UNREADABLE: CertificateVerification = { status: 'unreadable', checks: [], problem: 'CERT_UNREADABLE', companyCertified: false };

export type VerifyFile = (bytes: Buffer, anchors: TrustAnchors) => Promise<CertificateVerification>;

export function verifierFor(entry: URL): VerifyFile {
  return (bytes, anchors) =>
    new Promise((resolve) => {
      const worker = new Worker(entry, { resourceLimits: VERIFY_WORKER_LIMITS });
      const timer = setTimeout(() => void worker.terminate(), WORKER_TIMEOUT_MS);
      let settled = false;
      const finish = (result: CertificateVerification) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      worker.on('message', (message: { ready?: true; ok: boolean; result?: CertificateVerification }) => {
        // The worker says it has loaded (for pools, verify-pool.ts); the answer comes after.
        if (!message.ready) finish(message.ok && message.result ? message.result : UNREADABLE);
      });
      worker.once('error', () => finish(UNREADABLE));
      worker.once('exit', () => finish(UNREADABLE));
      const copy = new Uint8Array(bytes);
      const request: VerifyRequest = {
        bytes: copy,
        fingerprints: [...anchors.fingerprints],
        certificates: anchors.certificates.map((der) => new Uint8Array(der)),
        revocationLists: anchors.revocationLists.map((der) => new Uint8Array(der)),
      };
      worker.postMessage(request, [copy.buffer]);
    });
}
