/** The non-secret preferences (the UI language), read and changed over IPC. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language } from '@shared/locale';
import type { Preferences } from '@shared/preferences';
import { invoke } from '../lib/bridge';

export const preferencesKey = ['prefs'] as const;

export function usePreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => invoke('prefs.get', {}), staleTime: Infinity });
}

export function useSetLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => invoke('prefs.setLanguage', { language }),
    onSuccess: (next: Preferences) => client.setQueryData(preferencesKey, next),
  });
}
