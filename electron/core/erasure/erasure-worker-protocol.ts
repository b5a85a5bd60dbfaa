/**
 * The messages between an erasure run's worker thread and the process that started it. The
 * worker gets the database's path and key (copied into the message and wiped once the worker
 * has opened its own connection); nothing else of the vault's keys crosses.
 */
import type { ErasureProgress } from './erasure-progress';
import type { Runner } from './erasure-journal';
import type { ErasureRunSummary } from './run-erasure-job';

export interface RunRequest {
  readonly type: 'run';
  readonly databasePath: string;
  readonly databaseKey: Uint8Array;
  readonly jobId: string;
  readonly runner: Runner;
}

export type ToWorker = RunRequest | { readonly type: 'cancel' };

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: ErasureProgress }
  | { readonly type: 'done'; readonly summary: ErasureRunSummary }
  /** `code` is an AppError's stable code; anything else is reported without details. */
  | { readonly type: 'failed'; readonly code: string | null };
