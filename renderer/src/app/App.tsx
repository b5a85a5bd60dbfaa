/** The root: theme, data layer, translations, the remembered language, and the routes. */
import { FluentProvider, makeStaticStyles } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { HashRouter, Route, Routes } from 'react-router';
import { i18n } from '../i18n';
import { AppShell } from './AppShell';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LanguageGate } from './LanguageGate';
import { queryClient } from './query-client';
import { screens } from './screens';
import { fieldGuardTheme } from './theme';
import { VaultGate } from '../features/vault/VaultGate';
import { strictLineBreaking } from '../components/table-cells';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, height: '100%' },
  // Japanese lines break as Japanese typesetting does: between phrases, never inside a word, before
  // closing punctuation or small kana (table-cells.tsx says how); every screen inherits it.
  body: { ...strictLineBreaking },
  // Fluent's badge has a fixed one-line height: a longer status (English runs longer than
  // Japanese) overflowed it and was cut or overlapped. Let it grow a line instead.
  '.fui-Badge': { height: 'auto', minHeight: '20px', paddingTop: '1px', paddingBottom: '1px' },
});

export function App() {
  useGlobalStyles();
  return (
    <FluentProvider theme={fieldGuardTheme} style={{ height: '100%' }}>
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <ErrorBoundary>
            <LanguageGate>
              <HashRouter>
                <VaultGate>
                  <Routes>
                    <Route element={<AppShell />}>
                      {screens.map((screen) =>
                        screen.path === '' ? (
                          <Route key="index" index element={screen.element} />
                        ) : (
                          <Route key={screen.path} path={screen.path} element={screen.element} />
                        ),
                      )}
                    </Route>
                  </Routes>
                </VaultGate>
              </HashRouter>
            </LanguageGate>
          </ErrorBoundary>
        </I18nextProvider>
      </QueryClientProvider>
    </FluentProvider>
  );
}
