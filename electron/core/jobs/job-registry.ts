/**
 * Long work (imports, exports, key rotation; later erasure and scans) runs under a job id
 * the renderer chose, so that it can show progress events for it and cancel it at any time.
 * Progress is forwarded at most every 100 ms: enough for a smooth bar, not a flood of IPC.
 */
import { AppError } from '../app-error';

export interface JobRegistry {
  run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  cancel(jobId: string): boolean;
}

export function createJobRegistry(): JobRegistry {
  const running = new Map<string, AbortController>();
  return {
    async run(jobId, work) {
      if (running.has(jobId)) throw new AppError('IPC_INVALID_REQUEST');
      const controller = new AbortController();
      running.set(jobId, controller);
      try {
        return await work(controller.signal);
      } finally {
        running.delete(jobId);
      }
    },
    cancel(jobId) {
      const controller = running.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}

/** Calls `send` at most once per interval, always with the latest value, and once more at the end. */
export function throttleProgress<T>(send: (value: T) => void, intervalMs = 100): { report(value: T): void; flush(): void } {
  let last = 0;
  let pending: T | null = null;
  return {
    report(value) {
      pending = value;
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        send(value);
        pending = null;
      }
    },
    flush() {
      if (pending !== null) send(pending);
      pending = null;
    },
  };
}

export function isCancellation(error: unknown): boolean {
  return (error instanceof AppError && error.code === 'JOB_CANCELLED') || (error instanceof Error && error.name === 'AbortError');
}
