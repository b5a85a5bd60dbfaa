/**
 * The vault-files feature's data: the item list, and import, export and erase over IPC. Each
 * is audited; what each makes stale is declared with its channel in `@shared/ipc/cache-effects`.
 */
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';
import type { Job } from '../../lib/use-job';

/** Every item, or one collection's (a visit's folder). */
export function useVaultItems(collection?: string) {
  return useChannelQuery('vault.items.list', collection === undefined ? {} : { collection });
}

export function useImportItems(job: Job) {
  return useChannelMutation('vault.items.import', (send, { collection, pick }: { collection: string; pick: 'files' | 'folder' }) =>
    job.run((jobId) => send({ jobId, collection, pick })),
  );
}

export function useExportItems(job: Job) {
  return useChannelMutation('vault.items.export', (send, itemIds: readonly string[]) =>
    job.run((jobId) => send({ jobId, itemIds: [...itemIds] })),
  );
}

export function useEraseItems() {
  return useChannelMutation('vault.items.erase', (send, itemIds: readonly string[]) => send({ itemIds: [...itemIds] }));
}
