/**
 * The three states every piece of fetched data has on a screen: loading (a labelled
 * spinner), error (the translated message and a retry), and the data itself.
 */
import type { ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TextKey } from '../i18n/text-key';
import { ErrorState } from './ErrorState';

export function QueryView<T>({
  query,
  loadingLabelKey = 'app.loading',
  children,
}: {
  query: UseQueryResult<T>;
  loadingLabelKey?: TextKey;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Spinner size="small" label={t(loadingLabelKey)} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
