/**
 * Where the engineer is on the Ledger screen, kept in the address (`#/ledger?item=…`) so the
 * back button, the dashboard's links and a reload land on the same view: the list, a new item
 * (from an attached medium when `mount` names it), an item, or the inventory.
 */
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

export type LedgerRoute =
  | { readonly view: 'list' }
  | { readonly view: 'new'; readonly mount: string | null }
  | { readonly view: 'item'; readonly itemId: string }
  | { readonly view: 'inventory' };

const NEW = 'new';

export function routeOf(params: URLSearchParams): LedgerRoute {
  if (params.get('view') === 'inventory') return { view: 'inventory' };
  const item = params.get('item');
  if (item === null || item === '') return { view: 'list' };
  if (item === NEW) return { view: 'new', mount: params.get('mount') || null };
  return { view: 'item', itemId: item };
}

export function searchOf(route: LedgerRoute): string {
  const params = new URLSearchParams();
  switch (route.view) {
    case 'list':
      break;
    case 'inventory':
      params.set('view', 'inventory');
      break;
    case 'new':
      params.set('item', NEW);
      if (route.mount !== null) params.set('mount', route.mount);
      break;
    case 'item':
      params.set('item', route.itemId);
      break;
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/** A link's address for a view of the Ledger screen (the app runs under a hash router). */
export function hrefOf(route: LedgerRoute): string {
  return `#/ledger${searchOf(route)}`;
}

export function useLedgerRoute(): { route: LedgerRoute; go: (route: LedgerRoute, options?: { replace?: boolean }) => void } {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const go = useCallback(
    (route: LedgerRoute, options?: { replace?: boolean }) =>
      void navigate({ pathname: '/ledger', search: searchOf(route) }, { replace: options?.replace ?? false }),
    [navigate],
  );
  return { route: routeOf(params), go };
}
