/** Where a view sits on the Visits screen — the list, then a run or the start of one — with a link back. */
import { useTranslation } from 'react-i18next';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs';

export function VisitsBreadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return <Breadcrumbs label={t('visits.breadcrumb')} crumbs={crumbs} testId="visits-breadcrumb" />;
}
