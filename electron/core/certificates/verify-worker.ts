/**
 * The verifier's worker thread (issue 13: "verification runs off the main thread in the
 * app"): a hostile file given to the Certificates screen can cost the verifier seconds, and
 * none of them may freeze the window. Receives the file's bytes and the trust anchors and
 * answers with the verification; the Verify screen stops it after one file, the archive sync
 * keeps it for many (verify-pool.ts), each answer carrying its request's id.
 */
import { parentPort } from 'node:worker_threads';
import { verifyCertificate } from './verify-certificate';
import type { VerifyRequest } from './verify-in-worker';

parentPort?.on('message', (request: VerifyRequest) => {
  const anchors = {
    fingerprints: new Set(request.fingerprints),
    certificates: request.certificates.map((der) => Buffer.from(der)),
    revocationLists: request.revocationLists.map((der) => Buffer.from(der)),
  };
  verifyCertificate(Buffer.from(request.bytes), anchors, request.options ?? {}).then(
    (result) => parentPort?.postMessage({ id: request.id, ok: true, result }),
    () => parentPort?.postMessage({ id: request.id, ok: false }),
  );
});
// Loaded: a pool keeping this worker for many documents starts sending it work now (verify-pool.ts).
parentPort?.postMessage({ ready: true });
