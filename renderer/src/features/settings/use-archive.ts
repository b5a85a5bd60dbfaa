/**
 * The company archive (issue 20) as Settings and the dashboard use it: its state, its settings
 * and 「会社へ保管」. Saving the settings carries the secret access key, so it goes straight
 * through the bridge and never through react-query's caches (as a maintenance account's password
 * does, account-secrets.ts); the sync runs as a job with progress and cancel.
 */
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { invoke } from '../../lib/bridge';
import { refreshAfter, useChannelMutation, useChannelQuery } from '../../lib/use-channel';
import type { Job } from '../../lib/use-job';

export type ArchiveSettingsChange = RequestOf<'archive.saveSettings'>;

export function useArchiveStatus() {
  return useChannelQuery('archive.status', {});
}

/** Saves the settings (with a new secret, or without one to keep the stored one), then reads the state again. */
export function useSaveArchiveSettings(): (change: ArchiveSettingsChange) => Promise<ResponseOf<'archive.saveSettings'>> {
  const client = useQueryClient();
  return useCallback(
    async (change) => {
      try {
        return await invoke('archive.saveSettings', change);
      } finally {
        void refreshAfter(client, 'archive.saveSettings');
      }
    },
    [client],
  );
}

export function useArchiveSync(job: Job) {
  return useChannelMutation('archive.sync', (send) => job.run((jobId) => send({ jobId })));
}
