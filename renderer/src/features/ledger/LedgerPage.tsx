/**
 * The Ledger screen (7-7, 7-1, 7-2, 7-10, 12-5): every portable medium and device that may
 * hold medical information, who holds it now, its check-outs and returns, the inventory (棚卸)
 * with its signed report, and its end (erasure, disposal, loss). The view is read from the
 * address; moving between views puts focus on the new view's heading, as moving between
 * screens does.
 */
import { useFocusHeadingOnViewChange } from '../../lib/use-focus-heading-on-view-change';
import { InventoryView } from './InventoryView';
import { ItemView } from './ItemView';
import { LedgerListView } from './LedgerListView';
import { NewItemView } from './NewItemView';
import { useLedgerRoute } from './ledger-route';

export function LedgerPage() {
  const { route } = useLedgerRoute();
  useFocusHeadingOnViewChange();

  switch (route.view) {
    case 'list':
      return <LedgerListView />;
    case 'new':
      return <NewItemView key={route.mount ?? ''} mount={route.mount} />;
    case 'item':
      return <ItemView key={route.itemId} itemId={route.itemId} />;
    case 'inventory':
      return <InventoryView />;
  }
}
