/**
 * Where the engineer is on the Visits screen, kept in the address (`#/visits?run=…`) so that
 * the back button, the dashboard's links and a reload all land on the same view: the list of
 * runs, the start of a new one, or one run with its steps.
 */
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

export type VisitsRoute = { readonly view: 'list' } | { readonly view: 'start' } | { readonly view: 'run'; readonly runId: string };

export function routeOf(params: URLSearchParams): VisitsRoute {
  const runId = params.get('run');
  if (runId !== null && runId !== '') return { view: 'run', runId };
  if (params.get('view') === 'new') return { view: 'start' };
  return { view: 'list' };
}

export function searchOf(route: VisitsRoute): string {
  switch (route.view) {
    case 'list':
      return '';
    case 'start':
      return '?view=new';
    case 'run':
      return `?${new URLSearchParams({ run: route.runId }).toString()}`;
  }
}

/** A link's address for a view of the Visits screen (the app runs under a hash router). */
export function hrefOf(route: VisitsRoute): string {
  return `#/visits${searchOf(route)}`;
}

export function useVisitsRoute(): { route: VisitsRoute; go: (route: VisitsRoute, options?: { replace?: boolean }) => void } {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const go = useCallback(
    (route: VisitsRoute, options?: { replace?: boolean }) =>
      void navigate({ pathname: '/visits', search: searchOf(route) }, { replace: options?.replace ?? false }),
    [navigate],
  );
  return { route: routeOf(params), go };
}
