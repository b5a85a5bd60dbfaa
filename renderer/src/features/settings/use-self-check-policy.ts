/**
 * The self-check policy in Settings: read it, save an edit, import a company file, go back
 * to the defaults. The readiness gate depends on the policy and each change is audited: the
 * channels declare both as changed (`@shared/ipc/cache-effects`), so both are read again.
 */
import type { DeviceOwnership, SelfCheckPolicy } from '@shared/self-check';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export function useSelfCheckPolicy() {
  return useChannelQuery('selfCheck.policy', {});
}

export function useSavePolicy() {
  return useChannelMutation('selfCheck.setPolicy', (send, change: { policy: SelfCheckPolicy; ownership: DeviceOwnership }) => send(change));
}

export function useImportPolicy() {
  return useChannelMutation('selfCheck.importPolicy', (send) => send({}));
}

export function useResetPolicy() {
  return useChannelMutation('selfCheck.resetPolicy', (send) => send({}));
}
