/** The settings feature's mutations: auto-lock, password change, master-key rotation (with its new recovery key). */
import { useChannelMutation } from '../../lib/use-channel';
import type { Job } from '../../lib/use-job';

export function useSetAutoLock() {
  return useChannelMutation('vault.setAutoLock', (send, minutes: number) => send({ minutes }));
}

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly newPasswordConfirmation: string;
}

export function useChangePassword() {
  return useChannelMutation('vault.changePassword', (send, change: PasswordChange) => send({ ...change }));
}

/** The rotation's new recovery key, drawn when the dialog opens and shown before anything changes. */
export function usePrepareRotation() {
  return useChannelMutation('vault.prepareRotation', (send) => send({}));
}

export interface Rotation {
  readonly password: string;
  /** Two groups of the new recovery key, typed back. */
  readonly answers: Array<{ group: number; digits: string }>;
}

export function useRotateMasterKey(job: Job) {
  return useChannelMutation('vault.rotateMasterKey', (send, { password, answers }: Rotation) =>
    job.run((jobId) => send({ password, answers, jobId })),
  );
}
