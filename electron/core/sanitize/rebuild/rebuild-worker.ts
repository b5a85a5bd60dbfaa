/**
 * The rebuild's worker thread (issue 15: "rebuilding runs off the main thread"): parsing a
 * hostile Office package or PDF is synchronous JavaScript that can take seconds, and the
 * window must not freeze meanwhile. Receives one request at a time, rebuilds, answers with the
 * outcome; a cancelled rebuild is ended by terminating the thread.
 */
import { parentPort } from 'node:worker_threads';
import { rebuildFile } from './rebuild-file';
import type { RebuildRequest, RebuildReply } from './rebuild-in-worker';

parentPort?.on('message', (request: RebuildRequest) => {
  rebuildFile(request.kind, request.source, request.destination, { limits: request.limits }).then(
    (outcome) => parentPort?.postMessage({ id: request.id, ok: true, outcome } satisfies RebuildReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies RebuildReply),
  );
});
