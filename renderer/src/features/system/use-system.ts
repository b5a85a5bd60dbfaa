/** The System feature's queries: app information and the mounted volumes. */
import { useQuery } from '@tanstack/react-query';
import { invoke } from '../../lib/bridge';

export function useAppInfo() {
  return useQuery({ queryKey: ['app.info'], queryFn: () => invoke('app.info', {}), staleTime: Infinity });
}

export function useVolumes() {
  return useQuery({ queryKey: ['disks.list'], queryFn: () => invoke('disks.list', {}) });
}
