/**
 * Where a view sits on the Sites screen — the list, a site, one of its systems — with a link
 * back to each level. The last entry is the view itself, marked as the current page.
 */
import { useTranslation } from 'react-i18next';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs';

export function SitesBreadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return <Breadcrumbs label={t('sites.breadcrumb')} crumbs={crumbs} testId="sites-breadcrumb" />;
}
