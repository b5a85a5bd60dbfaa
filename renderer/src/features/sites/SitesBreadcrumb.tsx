/**
 * Where a view sits on the Sites screen — the list, a site, one of its systems — with a link
 * back to each level. The last entry is the view itself, marked as the current page.
 */
import { Fragment } from 'react';
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  readonly label: string;
  /** Null for the view on screen. */
  readonly href: string | null;
}

export function SitesBreadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb aria-label={t('sites.breadcrumb')} size="small" data-testid="sites-breadcrumb">
      {crumbs.map((crumb, index) => (
        <Fragment key={`${index}-${crumb.label}`}>
          {index > 0 && <BreadcrumbDivider />}
          <BreadcrumbItem>
            {crumb.href === null ? (
              <BreadcrumbButton current>{crumb.label}</BreadcrumbButton>
            ) : (
              <BreadcrumbButton as="a" href={crumb.href}>{crumb.label}</BreadcrumbButton>
            )}
          </BreadcrumbItem>
        </Fragment>
      ))}
    </Breadcrumb>
  );
}
