/** The vault's state for every screen: status, and the events that change it. */
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { QueryChannel } from '@shared/ipc/cache-effects';
import type { VaultStatus } from '@shared/vault';
import { on } from '../../lib/bridge';
import { queryKey } from '../../lib/query-keys';
import { refreshLists, useChannelQuery } from '../../lib/use-channel';

export function useVaultStatus() {
  return useChannelQuery('vault.status', {}, { staleTime: Infinity });
}

/** What the renderer may keep while the vault is locked: nothing read from inside it. */
const keptWhileLocked: readonly unknown[] = ['vault.status', 'prefs.get'] satisfies readonly QueryChannel[];

/** Once the vault is locked, nothing read from it may stay in the renderer's cache. */
function forgetVaultData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => !keptWhileLocked.includes(q.queryKey[0]) });
}

/** Applies a status the main process returned. */
export function useApplyVaultStatus() {
  const client = useQueryClient();
  return (status: VaultStatus) => {
    if (status.state !== 'unlocked') forgetVaultData(client);
    client.setQueryData(queryKey('vault.status', {}), status);
  };
}

/** When the main process locks the vault (idle, OS lock, suspend), the gate shows the unlock screen at once. */
export function useVaultLockedEvent() {
  const client = useQueryClient();
  useEffect(
    () =>
      on('vault.locked', () => {
        forgetVaultData(client);
        void refreshLists(client, ['vault.status']);
      }),
    [client],
  );
}
