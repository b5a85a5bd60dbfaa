/**
 * The sanitization feature's data: the chosen sources and output folder (handles the main
 * process keeps; the renderer never names a path), the run under a job id, the history, one
 * stored run, the sign-off, and — for Settings — the allow-list and the vendor release list.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@shared/contract';
import { invoke } from '../../lib/bridge';
import type { Job } from '../../lib/use-job';
import { auditListKey } from '../audit/use-audit';

export type SanitizeSelection = ResponseOf<'sanitize.selection'>;
export type SanitizationRun = ResponseOf<'sanitize.get'>;
export type SanitizationSummary = ResponseOf<'sanitize.history'>['runs'][number];
export type SanitizedFile = SanitizationRun['files'][number];
export type SanitizeFinding = SanitizedFile['findings'][number];
export type RemovedObject = NonNullable<SanitizedFile['removed']>[number];
export type SanitizeVerdict = SanitizedFile['verdict'];
export type ReceivedCheckReply = ResponseOf<'sanitize.checkReceived'>;
export type SanitizePolicyView = ResponseOf<'sanitize.policy'>;

export const verdicts: readonly SanitizeVerdict[] = ['passed', 'sanitized', 'blocked'];

export const selectionKey = ['sanitize.selection'] as const;
export const historyKey = ['sanitize.history'] as const;
export const sanitizePolicyKey = ['sanitize.policy'] as const;
const runKey = (id: string) => ['sanitize.get', id] as const;

export function useSelection() {
  return useQuery({ queryKey: selectionKey, queryFn: () => invoke('sanitize.selection', {}) });
}

/** Adding or removing a source and choosing the output all answer with the whole selection. */
export function useSelectionChanges() {
  const client = useQueryClient();
  const apply = (selection: SanitizeSelection) => client.setQueryData(selectionKey, selection);
  return {
    addSources: useMutation({ mutationFn: (pick: 'files' | 'folder') => invoke('sanitize.addSources', { pick }), onSuccess: apply }),
    removeSource: useMutation({ mutationFn: (id: string) => invoke('sanitize.removeSource', { id }), onSuccess: apply }),
    chooseOutput: useMutation({ mutationFn: () => invoke('sanitize.chooseOutput', {}), onSuccess: apply }),
  };
}

export function useSanitizeHistory() {
  return useQuery({ queryKey: historyKey, queryFn: () => invoke('sanitize.history', {}) });
}

export function useStoredRun(id: string | null) {
  return useQuery({
    queryKey: runKey(id ?? ''),
    queryFn: () => invoke('sanitize.get', { id: id ?? '' }),
    enabled: id !== null,
    // A stored run never changes: it is kept whole, as it was judged.
    staleTime: Infinity,
  });
}

function refreshAfterRun(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: historyKey });
  void client.invalidateQueries({ queryKey: selectionKey });
  void client.invalidateQueries({ queryKey: auditListKey });
  // Blocked files were put into the vault's quarantine.
  void client.invalidateQueries({ queryKey: ['vault.items.list'] });
}

export function useStartSanitization(job: Job) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => job.run((jobId) => invoke('sanitize.start', { jobId })),
    onSuccess: ({ result }) => client.setQueryData(runKey(result.id), result),
    onSettled: () => refreshAfterRun(client),
  });
}

export function useSignOff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: { id: string; reviewer: string }) => invoke('sanitize.signOff', request),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: historyKey });
      void client.invalidateQueries({ queryKey: ['certificates.list'] });
      void client.invalidateQueries({ queryKey: auditListKey });
    },
  });
}

export function useSanitizePolicy() {
  return useQuery({ queryKey: sanitizePolicyKey, queryFn: () => invoke('sanitize.policy', {}) });
}

export function useSetAllowedTypes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (allowedTypes: string[]) => invoke('sanitize.setAllowedTypes', { allowedTypes }),
    onSuccess: (policy) => client.setQueryData(sanitizePolicyKey, policy),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useSetRebuildBlockTypes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rebuildBlockTypes: string[]) => invoke('sanitize.setRebuildBlockTypes', { rebuildBlockTypes }),
    onSuccess: (policy) => client.setQueryData(sanitizePolicyKey, policy),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useImportReleaseList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('sanitize.importReleaseList', {}),
    // The rest of the policy (what is rebuilt) is unchanged by a release list.
    onSuccess: ({ allowedTypes, releases }) => client.setQueryData<SanitizePolicyView>(sanitizePolicyKey, (old) => ({ ...old, allowedTypes, releases })),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useCheckReceived() {
  return useMutation({ mutationFn: () => invoke('sanitize.checkReceived', {}) });
}
