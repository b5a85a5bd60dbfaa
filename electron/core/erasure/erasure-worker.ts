/**
 * The worker thread an erasure run executes in (issue 4: "work runs in a worker thread"):
 * hashing, keystream generation and comparison are CPU work of up to seconds per gigabyte,
 * which must not run on the thread that serves the window's IPC. It opens its own connection
 * to the vault database (SQLite's WAL lets the main thread keep reading and auditing meanwhile)
 * and runs the same journaled job as an in-process run would, so a crash of either thread
 * leaves a job that the next start finds and resumes.
 */
import { parentPort } from 'node:worker_threads';
import { openVaultDatabase, type VaultDatabase } from '../../db/open-vault-database';
import { AppError } from '../app-error';
import type { FromWorker, ToWorker } from './erasure-worker-protocol';
import { runErasureJob } from './run-erasure-job';

const port = parentPort;
if (!port) throw new Error('erasure-worker runs only as a worker thread');
const cancel = new AbortController();
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    cancel.abort();
    return;
  }
  const key = Buffer.from(message.databaseKey.buffer, message.databaseKey.byteOffset, message.databaseKey.byteLength);
  let open: VaultDatabase;
  try {
    open = openVaultDatabase(message.databasePath, key, { create: false });
  } catch {
    post({ type: 'failed', code: 'VAULT_DATABASE_DAMAGED' });
    return;
  } finally {
    key.fill(0);
  }
  runErasureJob(open, message.jobId, {
    runner: message.runner,
    signal: cancel.signal,
    onProgress: (progress) => post({ type: 'progress', progress }),
  })
    .then((summary) => post({ type: 'done', summary }))
    .catch((error: unknown) => post({ type: 'failed', code: error instanceof AppError ? error.code : null }))
    .finally(() => {
      open.close();
      port.close();
    });
});
