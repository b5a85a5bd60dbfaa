/** The vault's state for every screen: status, and the events that change it. */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { VaultStatus } from '@shared/vault';
import { invoke, on } from '../../lib/bridge';

export const vaultStatusKey = ['vault.status'] as const;

export function useVaultStatus() {
  return useQuery({ queryKey: vaultStatusKey, queryFn: () => invoke('vault.status', {}), staleTime: Infinity });
}

/** Applies a status the main process returned, and on lock forgets every cached vault query. */
export function useApplyVaultStatus() {
  const client = useQueryClient();
  return (status: VaultStatus) => {
    if (status.state !== 'unlocked') client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'vault.status' && q.queryKey[0] !== 'prefs' });
    client.setQueryData(vaultStatusKey, status);
  };
}

/** When the main process locks the vault (idle, OS lock, suspend), the gate shows the unlock screen at once. */
export function useVaultLockedEvent() {
  const client = useQueryClient();
  useEffect(
    () =>
      on('vault.locked', () => {
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'prefs' });
        void client.invalidateQueries({ queryKey: vaultStatusKey });
      }),
    [client],
  );
}
