/**
 * Where a view sits within a screen (Sites, Ledger, Visits): a link back to each level above
 * it, and last the view itself, marked as the current page. Each screen passes its own
 * landmark label and levels.
 */
import { Fragment } from 'react';
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';

export interface Crumb {
  readonly label: string;
  /** Null for the view on screen. */
  readonly href: string | null;
}

export function Breadcrumbs({ label, crumbs, testId }: { label: string; crumbs: readonly Crumb[]; testId?: string }) {
  return (
    <Breadcrumb aria-label={label} size="small" data-testid={testId}>
      {crumbs.map((crumb, index) => (
        <Fragment key={`${index}-${crumb.label}`}>
          {index > 0 && <BreadcrumbDivider />}
          <BreadcrumbItem>
            {crumb.href === null ? (
              <BreadcrumbButton current>{crumb.label}</BreadcrumbButton>
            ) : (
              <BreadcrumbButton as="a" href={crumb.href}>
                {crumb.label}
              </BreadcrumbButton>
            )}
          </BreadcrumbItem>
        </Fragment>
      ))}
    </Breadcrumb>
  );
}
