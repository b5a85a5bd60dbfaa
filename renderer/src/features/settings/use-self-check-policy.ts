/**
 * The self-check policy in Settings: read it, save an edit, import a company file, go back
 * to the defaults. Every answer is the stored setting; the readiness gate depends on the
 * policy and each change is audited, so both are read again.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@shared/contract';
import type { DeviceOwnership, PosturePolicy } from '@shared/posture';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';
import { readinessKey } from '../self-check/use-self-check';

export const policyKey = ['selfCheck.policy'] as const;

type PolicySetting = ResponseOf<'selfCheck.policy'>;

function applySetting(client: QueryClient, setting: PolicySetting): void {
  client.setQueryData(policyKey, { policy: setting.policy, source: setting.source, ownership: setting.ownership });
  void client.invalidateQueries({ queryKey: readinessKey });
}

export function useSelfCheckPolicy() {
  return useQuery({ queryKey: policyKey, queryFn: () => invoke('selfCheck.policy', {}) });
}

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { policy: PosturePolicy; ownership: DeviceOwnership }) => invoke('selfCheck.setPolicy', change),
    onSuccess: (setting) => applySetting(client, setting),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useImportPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('selfCheck.importPolicy', {}),
    onSuccess: (setting) => applySetting(client, setting),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}

export function useResetPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('selfCheck.resetPolicy', {}),
    onSuccess: (setting) => applySetting(client, setting),
    onSettled: () => client.invalidateQueries({ queryKey: auditListKey }),
  });
}
