/** The non-secret preferences (the UI language), read and changed over IPC. */
import type { Language } from '@shared/locale';
import { useChannelMutation, useChannelQuery } from '../lib/use-channel';

export function usePreferences() {
  return useChannelQuery('prefs.get', {}, { staleTime: Infinity });
}

export function useSetLanguage() {
  return useChannelMutation('prefs.setLanguage', (send, language: Language) => send({ language }));
}
