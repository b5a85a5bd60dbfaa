/**
 * Runs an erasure job in a worker thread (erasure-worker.ts) and gives the caller the same
 * interface as `runErasureJob`: progress, cancellation through an AbortSignal, a summary.
 * The worker's entry file is the composition root's choice: the bundled `erasure-worker.js`
 * in the app and the built CLI, `erasureWorkerFromSource` when running from TypeScript.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorCodes, type ErrorCode } from '../../shared/errors';
import { AppError } from '../app-error';
import type { FromWorker, ToWorker } from './erasure-worker-protocol';
import type { ErasureRunSummary, RunOptions } from './run-erasure-job';

/** The worker entry for source runs (tsx, vitest): a bootstrap that loads the TypeScript worker. */
export const erasureWorkerFromSource = new URL('./erasure-worker.dev.mjs', import.meta.url);

/** The bundled worker next to a built entry point (`base`: its import.meta.url), or the source one. */
export function erasureWorkerNextTo(base: string | URL): URL {
  const bundled = new URL('./erasure-worker.js', base);
  return existsSync(fileURLToPath(bundled)) ? bundled : erasureWorkerFromSource;
}

function isErrorCode(code: string | null): code is ErrorCode {
  return code !== null && (errorCodes as readonly string[]).includes(code);
}

export function runErasureJobInWorker(
  entry: URL,
  database: { readonly path: string; readonly key: Buffer },
  jobId: string,
  options: RunOptions = {},
): Promise<ErasureRunSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
    const onAbort = () => send({ type: 'cancel' });
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.summary));
      else finish(() => reject(isErrorCode(message.code) ? new AppError(message.code) : new Error('the erasure worker failed')));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the erasure worker stopped (exit ${code})`))));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    // A copy of the key in its own buffer, handed over (transferred) so no second copy stays here.
    const key = new Uint8Array(database.key.length);
    key.set(database.key);
    send({ type: 'run', databasePath: database.path, databaseKey: key, jobId, runner: options.runner ?? 'app' }, [key.buffer]);
    if (options.signal?.aborted) onAbort();
  });
}
