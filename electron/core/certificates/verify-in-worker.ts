/**
 * Runs `verifyCertificate` in a worker thread (verify-worker.ts) when the composition root
 * gives a worker entry — the app does, so the window never waits on a hostile file — and in
 * this thread otherwise (the CLI, which has nothing else to do). A worker that fails or
 * overruns its time gives "unreadable", never a verdict.
 */
import { Worker } from 'node:worker_threads';
import type { TrustAnchors } from './signer-chain';
import { verifyCertificate, type CertificateVerification } from './verify-certificate';

export const verifyWorkerFromSource = new URL('./verify-worker.dev.mjs', import.meta.url);

/** What crosses into the worker: plain bytes (transferred) and arrays. */
export interface VerifyRequest {
  readonly bytes: Uint8Array;
  readonly fingerprints: readonly string[];
  readonly certificates: readonly Uint8Array[];
  readonly revocationLists: readonly Uint8Array[];
}

const WORKER_TIMEOUT_MS = 120_000;
const UNREADABLE: CertificateVerification = { status: 'unreadable', checks: [], problem: 'CERT_UNREADABLE', companyCertified: false };

export type VerifyFile = (bytes: Buffer, anchors: TrustAnchors) => Promise<CertificateVerification>;

export function verifierFor(entry: URL | undefined): VerifyFile {
  if (!entry) return verifyCertificate;
  return (bytes, anchors) =>
    new Promise((resolve) => {
      const worker = new Worker(entry);
      const timer = setTimeout(() => void worker.terminate(), WORKER_TIMEOUT_MS);
      let settled = false;
      const finish = (result: CertificateVerification) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      worker.once('message', (message: { ok: boolean; result?: CertificateVerification }) => finish(message.ok && message.result ? message.result : UNREADABLE));
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
