/** Where a view sits on the Ledger screen, with a link back to the list; the last entry is the view itself. */
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { hrefOf } from './ledger-route';

export function LedgerBreadcrumb({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs
      label={t('ledger.breadcrumb')}
      crumbs={[
        { label: t('ledger.title'), href: hrefOf({ view: 'list' }) },
        { label: current, href: null },
      ]}
    />
  );
}
