/** Where a view sits on the Visits screen — the list, then a run or the start of one — with a link back. */
import { Fragment } from 'react';
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  readonly label: string;
  /** Null for the view on screen. */
  readonly href: string | null;
}

export function VisitsBreadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb aria-label={t('visits.breadcrumb')} size="small" data-testid="visits-breadcrumb">
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
