/**
 * Where the engineer is on the Visits screen, kept in the address (`#/visits?run=…`) so that
 * the back button, the dashboard's links and a reload all land on the same view: the list of
 * runs, the start of a new one (from a planned visit, `?view=new&plan=…`), one run with its
 * steps, or a planned visit's form (`?plan=new` for a new one).
 */
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

export type VisitsRoute =
  | { readonly view: 'list' }
  | { readonly view: 'start'; readonly plannedVisitId?: string }
  | { readonly view: 'run'; readonly runId: string }
  /** `planId` null: a new plan. */
  | { readonly view: 'plan'; readonly planId: string | null };

export function routeOf(params: URLSearchParams): VisitsRoute {
  const runId = params.get('run');
  if (runId !== null && runId !== '') return { view: 'run', runId };
  const plan = params.get('plan');
  const hasPlan = plan !== null && plan !== '';
  if (params.get('view') === 'new') return hasPlan && plan !== 'new' ? { view: 'start', plannedVisitId: plan } : { view: 'start' };
  if (hasPlan) return { view: 'plan', planId: plan === 'new' ? null : plan };
  return { view: 'list' };
}

export function searchOf(route: VisitsRoute): string {
  switch (route.view) {
    case 'list':
      return '';
    case 'start':
      return route.plannedVisitId === undefined
        ? '?view=new'
        : `?${new URLSearchParams({ view: 'new', plan: route.plannedVisitId }).toString()}`;
    case 'plan':
      return `?${new URLSearchParams({ plan: route.planId ?? 'new' }).toString()}`;
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
