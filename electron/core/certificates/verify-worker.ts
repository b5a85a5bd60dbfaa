/**
 * The verifier's worker thread (issue 13: "verification runs off the main thread in the
 * app"): a hostile file given to the Certificates screen can cost the verifier seconds, and
 * none of them may freeze the window. Receives the file's bytes and the trust anchors,
 * answers with the verification, and is done.
 */
import { parentPort } from 'node:worker_threads';
import { verifyCertificate } from './verify-certificate';
import type { VerifyRequest } from './verify-in-worker';

parentPort?.once('message', (request: VerifyRequest) => {
  const anchors = {
    fingerprints: new Set(request.fingerprints),
    certificates: request.certificates.map((der) => Buffer.from(der)),
    revocationLists: request.revocationLists.map((der) => Buffer.from(der)),
  };
  verifyCertificate(Buffer.from(request.bytes), anchors).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    () => parentPort?.postMessage({ ok: false }),
  );
});
