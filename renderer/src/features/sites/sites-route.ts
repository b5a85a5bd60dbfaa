/**
 * Where the engineer is on the Sites screen, kept in the address (`#/sites?site=…&system=…`)
 * so that the back button, the dashboard's links and a reload all land on the same view:
 * the list, a new site, a site, a new system of a site, a system, or the account review.
 */
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

export type SitesRoute =
  | { readonly view: 'list' }
  | { readonly view: 'new-site' }
  | { readonly view: 'site'; readonly siteId: string }
  | { readonly view: 'new-system'; readonly siteId: string }
  | { readonly view: 'system'; readonly siteId: string; readonly systemId: string }
  | { readonly view: 'review' };

const NEW = 'new';

export function routeOf(params: URLSearchParams): SitesRoute {
  if (params.get('view') === 'review') return { view: 'review' };
  const siteId = params.get('site');
  const systemId = params.get('system');
  if (siteId === null || siteId === '') return { view: 'list' };
  if (siteId === NEW) return { view: 'new-site' };
  if (systemId === NEW) return { view: 'new-system', siteId };
  if (systemId !== null && systemId !== '') return { view: 'system', siteId, systemId };
  return { view: 'site', siteId };
}

export function searchOf(route: SitesRoute): string {
  const params = new URLSearchParams();
  switch (route.view) {
    case 'list':
      break;
    case 'review':
      params.set('view', 'review');
      break;
    case 'new-site':
      params.set('site', NEW);
      break;
    case 'site':
      params.set('site', route.siteId);
      break;
    case 'new-system':
      params.set('site', route.siteId);
      params.set('system', NEW);
      break;
    case 'system':
      params.set('site', route.siteId);
      params.set('system', route.systemId);
      break;
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/** A link's address for a view of the Sites screen (the app runs under a hash router). */
export function hrefOf(route: SitesRoute): string {
  return `#/sites${searchOf(route)}`;
}

export function useSitesRoute(): { route: SitesRoute; go: (route: SitesRoute, options?: { replace?: boolean }) => void } {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const go = useCallback(
    (route: SitesRoute, options?: { replace?: boolean }) =>
      void navigate({ pathname: '/sites', search: searchOf(route) }, { replace: options?.replace ?? false }),
    [navigate],
  );
  return { route: routeOf(params), go };
}
