/**
 * The self-check feature's data: running the check, the history, one stored run, the
 * readiness gate and the signed report. The Self-check screen and the dashboard card share
 * these hooks, so a run started on one shows as running on the other. What a run or a report
 * makes stale is declared with its channel in `@shared/ipc/cache-effects`.
 */
import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import type { SelfCheckRun } from '@shared/self-check';
import { queryKey } from '../../lib/query-keys';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

/** One key for every run button: both screens see a run in progress, wherever it was started. */
const runMutationKey = ['selfCheck.run'] as const;

export function useSelfCheckHistory() {
  return useChannelQuery('selfCheck.history', {});
}

export function useStoredRun(id: string | null) {
  return useChannelQuery(
    'selfCheck.get',
    { id: id ?? '' },
    {
      enabled: id !== null,
      // A stored run never changes: it is kept whole, as it was judged.
      staleTime: Infinity,
    },
  );
}

export function useReadiness() {
  // Staleness depends on the clock: read it again whenever a screen showing it opens.
  return useChannelQuery('selfCheck.readiness', {}, { staleTime: 0 });
}

export function useRunSelfCheck() {
  const client = useQueryClient();
  const mutation = useChannelMutation('selfCheck.run', (send) => send({}), {
    mutationKey: runMutationKey,
    // The run just judged is the stored run the page shows next: no need to read it back.
    onSuccess: (run: SelfCheckRun) => client.setQueryData(queryKey('selfCheck.get', { id: run.id }), run),
  });
  const running = useIsMutating({ mutationKey: runMutationKey }) > 0;
  return { mutation, running };
}

export function useIssueReport() {
  return useChannelMutation('selfCheck.issueReport', (send, id: string) => send({ id }));
}

/** 「診断データを保存」: the probes' raw answers into a folder the engineer picks. */
export function useSaveDiagnostics() {
  return useChannelMutation('selfCheck.saveDiagnostics', (send) => send({}));
}
