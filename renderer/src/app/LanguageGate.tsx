/**
 * Applies the remembered language before the first screen renders, and follows changes
 * pushed by the main process (`prefs.changed`), so every window and the CLI agree.
 */
import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Spinner } from '@fluentui/react-components';
import { i18n } from '../i18n';
import { on } from '../lib/bridge';
import { queryKey } from '../lib/query-keys';
import { usePreferences } from './use-preferences';

export function LanguageGate({ children }: { children: ReactNode }) {
  const preferences = usePreferences();
  const client = useQueryClient();
  const language = preferences.data?.language;

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);

  useEffect(() => on('prefs.changed', (next) => client.setQueryData(queryKey('prefs.get', {}), next)), [client]);

  // Until the preference is read, show a neutral spinner rather than flashing the wrong language.
  if (preferences.isPending) return <Spinner label={i18n.t('app.loading')} style={{ marginTop: '30vh' }} />;
  return <>{children}</>;
}
