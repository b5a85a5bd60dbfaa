/** The vault's state for every screen: status, and the events that change it. */
import { useEffect } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { VaultStatus } from '@shared/vault';
import { invoke, on } from '../../lib/bridge';

export const vaultStatusKey = ['vault.status'] as const;

export function useVaultStatus() {
  return useQuery({ queryKey: vaultStatusKey, queryFn: () => invoke('vault.status', {}), staleTime: Infinity });
}

/** Once the vault is locked, nothing read from it may stay in the renderer's cache. */
function forgetVaultData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== vaultStatusKey[0] && q.queryKey[0] !== 'prefs' });
}

/** Applies a status the main process returned. */
export function useApplyVaultStatus() {
  const client = useQueryClient();
  return (status: VaultStatus) => {
    if (status.state !== 'unlocked') forgetVaultData(client);
    client.setQueryData(vaultStatusKey, status);
  };
}

/** When the main process locks the vault (idle, OS lock, suspend), the gate shows the unlock screen at once. */
export function useVaultLockedEvent() {
  const client = useQueryClient();
  useEffect(
    () =>
      on('vault.locked', () => {
        forgetVaultData(client);
        void client.invalidateQueries({ queryKey: vaultStatusKey });
      }),
    [client],
  );
}
