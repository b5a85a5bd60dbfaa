/** The vault-files feature's data: the item list, and import, export and erase over IPC. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';
import type { Job } from '../../lib/use-job';

export const vaultItemsKey = ['vault.items.list'] as const;

export function useVaultItems() {
  return useQuery({ queryKey: vaultItemsKey, queryFn: () => invoke('vault.items.list', {}) });
}

/** Each import, export and erase is audited, so the audit log's queries are refreshed too. */
function refreshAfterChange(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: vaultItemsKey }),
    client.invalidateQueries({ queryKey: auditListKey }),
  ]);
}

export function useImportItems(job: Job) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ collection, pick }: { collection: string; pick: 'files' | 'folder' }) =>
      job.run((jobId) => invoke('vault.items.import', { jobId, collection, pick })),
    // A cancelled or failed import may have stored some files already.
    onSettled: () => refreshAfterChange(client),
  });
}

export function useExportItems(job: Job) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (itemIds: readonly string[]) => job.run((jobId) => invoke('vault.items.export', { jobId, itemIds: [...itemIds] })),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useEraseItems() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (itemIds: readonly string[]) => invoke('vault.items.erase', { itemIds: [...itemIds] }),
    onSettled: () => refreshAfterChange(client),
  });
}
