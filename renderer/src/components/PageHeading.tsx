/** A screen's <h1>: focusable so navigation can move focus to it, and it sets the window title. */
import { useEffect } from 'react';
import { Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} — ${t('app.title')}`;
  }, [children, t]);
  return (
    <Title2 as="h1" tabIndex={-1} style={{ outline: 'none', display: 'block', marginBottom: 16 }}>
      {children}
    </Title2>
  );
}
