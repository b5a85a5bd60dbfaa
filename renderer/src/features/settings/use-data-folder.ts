/** The data folder's place and what may copy it (app.dataFolder), checked again each time Settings opens. */
import { useChannelQuery } from '../../lib/use-channel';

export function useDataFolder() {
  return useChannelQuery('app.dataFolder', {}, { staleTime: 0 });
}
