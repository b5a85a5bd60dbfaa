/** What the Sites screen shows before the first site: what a site holds, and how to add one. */
import { BuildingMultiple24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateText } from '../../components/EmptyState';

export function SitesEmptyState() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={BuildingMultiple24Regular} title={t('sites.empty.title')} headingLevel="h3" testId="sites-empty">
      <EmptyStateText>{t('sites.empty.body')}</EmptyStateText>
      <EmptyStateText>{t('sites.empty.start')}</EmptyStateText>
    </EmptyState>
  );
}
