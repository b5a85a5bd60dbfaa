/** Where a view sits on the Ledger screen, with a link back to the list; the last entry is the view itself. */
import { Fragment } from 'react';
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { hrefOf } from './ledger-route';

export function LedgerBreadcrumb({ current }: { current: string }) {
  const { t } = useTranslation();
  const crumbs = [
    { label: t('ledger.title'), href: hrefOf({ view: 'list' }) as string | null },
    { label: current, href: null },
  ];
  return (
    <Breadcrumb aria-label={t('ledger.breadcrumb')} size="small">
      {crumbs.map((crumb, index) => (
        <Fragment key={`${index}-${crumb.label}`}>
          {index > 0 && <BreadcrumbDivider />}
          <BreadcrumbItem>
            {crumb.href === null ? <BreadcrumbButton current>{crumb.label}</BreadcrumbButton> : <BreadcrumbButton as="a" href={crumb.href}>{crumb.label}</BreadcrumbButton>}
          </BreadcrumbItem>
        </Fragment>
      ))}
    </Breadcrumb>
  );
}
