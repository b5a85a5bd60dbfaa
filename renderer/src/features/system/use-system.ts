/** The System feature's queries: app information and the mounted volumes. */
import { useChannelQuery } from '../../lib/use-channel';

export function useAppInfo() {
  return useChannelQuery('app.info', {}, { staleTime: Infinity });
}

export function useVolumes() {
  return useChannelQuery('disks.list', {});
}
