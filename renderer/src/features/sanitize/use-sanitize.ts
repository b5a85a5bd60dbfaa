/**
 * The sanitization feature's data: the chosen sources and output folder (handles the main
 * process keeps; the renderer never names a path), the run under a job id, the history, one
 * stored run, the sign-off, and — for Settings — the allow-list and the vendor release list.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { queryKey } from '../../lib/query-keys';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';
import type { Job } from '../../lib/use-job';

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

export function useSelection() {
  return useChannelQuery('sanitize.selection', {});
}

/** Adding or removing a source and choosing the output: each changes the selection, read again after. */
export function useSelectionChanges() {
  return {
    addSources: useChannelMutation('sanitize.addSources', (send, pick: 'files' | 'folder') => send({ pick })),
    removeSource: useChannelMutation('sanitize.removeSource', (send, id: string) => send({ id })),
    chooseOutput: useChannelMutation('sanitize.chooseOutput', (send) => send({})),
  };
}

export function useSanitizeHistory() {
  return useChannelQuery('sanitize.history', {});
}

export function useStoredRun(id: string | null) {
  return useChannelQuery(
    'sanitize.get',
    { id: id ?? '' },
    {
      enabled: id !== null,
      // A stored run never changes: it is kept whole, as it was judged.
      staleTime: Infinity,
    },
  );
}

export function useStartSanitization(job: Job) {
  const client = useQueryClient();
  return useChannelMutation('sanitize.start', (send) => job.run((jobId) => send({ jobId })), {
    // The run just judged is the stored run the page shows next: no need to read it back.
    onSuccess: ({ result }) => client.setQueryData(queryKey('sanitize.get', { id: result.id }), result),
  });
}

export function useSignOff() {
  return useChannelMutation('sanitize.signOff', (send, request: RequestOf<'sanitize.signOff'>) => send(request));
}

export function useSanitizePolicy() {
  return useChannelQuery('sanitize.policy', {});
}

export function useSetAllowedTypes() {
  return useChannelMutation('sanitize.setAllowedTypes', (send, allowedTypes: string[]) => send({ allowedTypes }));
}

export function useSetRebuildBlockTypes() {
  return useChannelMutation('sanitize.setRebuildBlockTypes', (send, rebuildBlockTypes: string[]) => send({ rebuildBlockTypes }));
}

export function useImportReleaseList() {
  return useChannelMutation('sanitize.importReleaseList', (send) => send({}));
}

export function useCheckReceived() {
  return useChannelMutation('sanitize.checkReceived', (send) => send({}));
}
