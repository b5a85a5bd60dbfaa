/**
 * Long work in the main process (import, export, master-key rotation) runs under a job id
 * the renderer chooses: `run` makes one, listens to `job.progress` for it from before the
 * request is sent until the reply, and `cancel` asks the main process to stop it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '@shared/vault';
import { invoke, on } from './bridge';

export interface JobState {
  readonly jobId: string;
  readonly progress: JobProgress | null;
  readonly cancelRequested: boolean;
}

export interface JobOutcome<T> {
  readonly result: T;
  /** The person pressed Cancel while the job ran (as opposed to closing a file dialog). */
  readonly cancelRequested: boolean;
}

export interface Job {
  /** The job in progress, or null when none runs. */
  readonly current: JobState | null;
  run<T>(work: (jobId: string) => Promise<T>): Promise<JobOutcome<T>>;
  /** A property, not a method: screens pass it on as an event handler. */
  readonly cancel: () => void;
}

export function useJob(): Job {
  const [current, setCurrent] = useState<JobState | null>(null);
  const stopListening = useRef<(() => void) | null>(null);
  const cancelled = useRef(new Set<string>());
  const jobId = current?.jobId;

  useEffect(() => () => stopListening.current?.(), []);

  const run = useCallback(async <T>(work: (jobId: string) => Promise<T>): Promise<JobOutcome<T>> => {
    const id = crypto.randomUUID();
    setCurrent({ jobId: id, progress: null, cancelRequested: false });
    stopListening.current?.();
    stopListening.current = on('job.progress', (progress) => {
      if (progress.jobId !== id) return;
      setCurrent((state) => (state?.jobId === id ? { ...state, progress } : state));
    });
    try {
      const result = await work(id);
      return { result, cancelRequested: cancelled.current.has(id) };
    } finally {
      cancelled.current.delete(id);
      // Another run may have taken (and cleared) the listener while this one awaited.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      stopListening.current?.();
      stopListening.current = null;
      setCurrent((state) => (state?.jobId === id ? null : state));
    }
  }, []);

  const cancel = useCallback(() => {
    if (!jobId) return;
    cancelled.current.add(jobId);
    setCurrent((state) => (state?.jobId === jobId ? { ...state, cancelRequested: true } : state));
    // The reply to the job's own request tells what happened; a job that has just ended is no error here.
    invoke('jobs.cancel', { jobId }).catch(() => undefined);
  }, [jobId]);

  return { current, run, cancel };
}
