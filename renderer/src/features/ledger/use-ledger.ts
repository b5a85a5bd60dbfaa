/**
 * The ledger feature's data (7-7, 7-1, 7-2, 7-10, 12-5): the items with their custody, one
 * item with its check-outs, the media attached now, the reminders, the inventory, and the
 * erasure certificates an item can be linked to. Every step writes to the audit log and may
 * change the reminders, so each ledger channel declares all of the ledger's views (and the
 * audit log) as changed, in `@shared/ipc/cache-effects`.
 */
import type { RequestOf, ResponseOf } from '@shared/contract';
import type { MutatingChannel } from '@shared/ipc/cache-effects';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export type LedgerItem = ResponseOf<'ledger.list'>['items'][number];
export type Checkout = ResponseOf<'ledger.get'>['checkouts'][number];
export type DetectedMedium = ResponseOf<'ledger.detect'>['media'][number];
export type LedgerWarnings = ResponseOf<'ledger.warnings'>;
export type Inventory = ResponseOf<'ledger.startInventory'>;
export type InventoryEntry = Inventory['entries'][number];
export type ItemDraft = RequestOf<'ledger.save'>['item'];
export type MediumStatus = LedgerItem['status'];
export type MediumType = LedgerItem['type'];

export function useLedgerItems() {
  return useChannelQuery('ledger.list', {});
}

export function useLedgerItem(id: string) {
  return useChannelQuery('ledger.get', { id });
}

/** The media attached now: read again whenever a view showing them opens. */
export function useDetectedMedia() {
  return useChannelQuery('ledger.detect', {}, { staleTime: 0 });
}

/** Overdue returns, the inventory's due date and migration reminders depend on the clock. */
export function useLedgerWarnings() {
  return useChannelQuery('ledger.warnings', {}, { staleTime: 0 });
}

export function useLedgerSettings() {
  return useChannelQuery('ledger.settings', {});
}

export function useCurrentInventory() {
  return useChannelQuery('ledger.currentInventory', {});
}

export function useInventories() {
  return useChannelQuery('ledger.inventories', {});
}

/** The visits in progress, that a check-out can belong to (issue 7's procedure runs). */
export function useVisitsInProgress() {
  return useChannelQuery('visits.list', { status: 'in-progress' });
}

/** The visits still planned, that a medium can be checked out for (issue 19). */
export function usePlannedVisitsToCheckOutFor() {
  return useChannelQuery('plannedVisits.list', { status: 'planned' });
}

export function useErasureCertificates() {
  return useChannelQuery('certificates.list', { kind: 'erasure' });
}

/** One ledger step (save, check-out, check-in, …) as a mutation; the ledger is read again when it settles. */
export function useLedgerStep<C extends MutatingChannel & `ledger.${string}`>(channel: C) {
  return useChannelMutation(channel, (send, request: RequestOf<C>) => send(request));
}

/** The ledger as a spreadsheet, and as the signed ledger report; both are audited. */
export function useLedgerExports() {
  return {
    exportCsv: useChannelMutation('ledger.exportCsv', (send) => send({})),
    exportReport: useChannelMutation('ledger.exportReport', (send) => send({})),
  };
}

/** Which step each status allows: the main process's own rule book, so the screen offers only what would be accepted. */
export { canTakeLedgerStep as canTake, type LedgerStep as LedgerStepName } from '@shared/ledger';
