/**
 * The self-check feature's data: running the check, the history, one stored run, the
 * readiness gate and the signed report. The Self-check screen and the dashboard card share
 * these hooks, so a run started on one shows as running on the other.
 */
import { useIsMutating, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SelfCheckRun } from '@shared/posture';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';

export const historyKey = ['selfCheck.history'] as const;
export const readinessKey = ['selfCheck.readiness'] as const;
const runKey = (id: string) => ['selfCheck.get', id] as const;
/** One key for every run button: both screens see a run in progress, wherever it was started. */
const runMutationKey = ['selfCheck.run'] as const;

export function useSelfCheckHistory() {
  return useQuery({ queryKey: historyKey, queryFn: () => invoke('selfCheck.history', {}) });
}

export function useStoredRun(id: string | null) {
  return useQuery({
    queryKey: runKey(id ?? ''),
    queryFn: () => invoke('selfCheck.get', { id: id ?? '' }),
    enabled: id !== null,
    // A stored run never changes: it is kept whole, as it was judged.
    staleTime: Infinity,
  });
}

export function useReadiness() {
  // Staleness depends on the clock: read it again whenever a screen showing it opens.
  return useQuery({ queryKey: readinessKey, queryFn: () => invoke('selfCheck.readiness', {}), staleTime: 0 });
}

/** After something that changes the runs: the history, the readiness and the audit log are read again. */
function refreshAfterRun(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: historyKey });
  void client.invalidateQueries({ queryKey: readinessKey });
  void client.invalidateQueries({ queryKey: auditListKey });
}

export function useRunSelfCheck() {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationKey: runMutationKey,
    mutationFn: () => invoke('selfCheck.run', {}),
    onSuccess: (run: SelfCheckRun) => client.setQueryData(runKey(run.id), run),
    onSettled: () => refreshAfterRun(client),
  });
  const running = useIsMutating({ mutationKey: runMutationKey }) > 0;
  return { mutation, running };
}

export function useIssueReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('selfCheck.issueReport', { id }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: historyKey });
      void client.invalidateQueries({ queryKey: ['certificates.list'] });
      void client.invalidateQueries({ queryKey: auditListKey });
    },
  });
}

/** 「診断データを保存」: the probes' raw answers into a folder the engineer picks. */
export function useSaveDiagnostics() {
  return useMutation({ mutationFn: () => invoke('selfCheck.saveDiagnostics', {}) });
}
