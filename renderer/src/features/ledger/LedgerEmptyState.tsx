/** What the Ledger screen shows before the first item: what the ledger holds, and how to add one. */
import { UsbStick24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateText } from '../../components/EmptyState';

export function LedgerEmptyState() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={UsbStick24Regular} title={t('ledger.empty.title')} headingLevel="h3" testId="ledger-empty">
      <EmptyStateText>{t('ledger.empty.body')}</EmptyStateText>
      <EmptyStateText>{t('ledger.empty.start')}</EmptyStateText>
    </EmptyState>
  );
}
