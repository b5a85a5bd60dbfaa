/** The data folder's place and what may copy it (app.dataFolder), checked again each time Settings opens. */
import { useQuery } from '@tanstack/react-query';
import { invoke } from '../../lib/bridge';

export const dataFolderKey = ['app.dataFolder'] as const;

export function useDataFolder() {
  return useQuery({ queryKey: dataFolderKey, queryFn: () => invoke('app.dataFolder', {}), staleTime: 0 });
}
