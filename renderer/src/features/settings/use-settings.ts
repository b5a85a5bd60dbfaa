/** The settings feature's mutations: auto-lock, password change, master-key rotation (with its new recovery key). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VaultStatus } from '@shared/vault';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';
import { vaultStatusKey } from '../vault/use-vault';
import type { Job } from '../../lib/use-job';

export function useSetAutoLock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (minutes: number) => invoke('vault.setAutoLock', { minutes }),
    onSuccess: (status: VaultStatus) => client.setQueryData(vaultStatusKey, status),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly newPasswordConfirmation: string;
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) => invoke('vault.changePassword', { ...change }),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

/** The rotation's new recovery key, drawn when the dialog opens and shown before anything changes. */
export function usePrepareRotation() {
  return useMutation({ mutationFn: () => invoke('vault.prepareRotation', {}) });
}

export interface Rotation {
  readonly password: string;
  /** Two groups of the new recovery key, typed back. */
  readonly answers: Array<{ group: number; digits: string }>;
}

export function useRotateMasterKey(job: Job) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ password, answers }: Rotation) => job.run((jobId) => invoke('vault.rotateMasterKey', { password, answers, jobId })),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}
