/**
 * The ledger feature's data (7-7, 7-1, 7-2, 7-10, 12-5): the items with their custody, one
 * item with its check-outs, the media attached now, the reminders, the inventory, and the
 * erasure certificates an item can be linked to. Every step writes to the audit log and may
 * change the reminders, so a step reads all of the ledger again, the audit log too.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelName, RequestOf, ResponseOf } from '@shared/contract';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';

export type LedgerItem = ResponseOf<'ledger.list'>['items'][number];
export type Checkout = ResponseOf<'ledger.get'>['checkouts'][number];
export type DetectedMedium = ResponseOf<'ledger.detect'>['media'][number];
export type LedgerWarnings = ResponseOf<'ledger.warnings'>;
export type Inventory = ResponseOf<'ledger.startInventory'>;
export type InventoryEntry = Inventory['entries'][number];
export type ItemDraft = RequestOf<'ledger.save'>['item'];
export type MediumStatus = LedgerItem['status'];
export type MediumType = LedgerItem['type'];

/** Every ledger query key starts with 'ledger.'; a step invalidates them all. */
const isLedgerKey = (key: readonly unknown[]) => typeof key[0] === 'string' && key[0].startsWith('ledger.');
export const warningsKey = ['ledger.warnings'] as const;
const itemsKey = ['ledger.list'] as const;
const itemKey = (id: string) => ['ledger.get', id] as const;
const detectKey = ['ledger.detect'] as const;
const currentInventoryKey = ['ledger.currentInventory'] as const;
const inventoriesKey = ['ledger.inventories'] as const;
const erasureCertificatesKey = ['certificates.list', 'erasure'] as const;

export function refreshLedger(client: QueryClient): void {
  void client.invalidateQueries({ predicate: (query) => isLedgerKey(query.queryKey) });
  void client.invalidateQueries({ queryKey: ['certificates.list'] });
  void client.invalidateQueries({ queryKey: auditListKey });
}

export function useLedgerItems() {
  return useQuery({ queryKey: itemsKey, queryFn: () => invoke('ledger.list', {}) });
}

export function useLedgerItem(id: string) {
  return useQuery({ queryKey: itemKey(id), queryFn: () => invoke('ledger.get', { id }) });
}

/** The media attached now: read again whenever a view showing them opens. */
export function useDetectedMedia() {
  return useQuery({ queryKey: detectKey, queryFn: () => invoke('ledger.detect', {}), staleTime: 0 });
}

/** Overdue returns, the inventory's due date and migration reminders depend on the clock. */
export function useLedgerWarnings() {
  return useQuery({ queryKey: warningsKey, queryFn: () => invoke('ledger.warnings', {}), staleTime: 0 });
}

export function useCurrentInventory() {
  return useQuery({ queryKey: currentInventoryKey, queryFn: () => invoke('ledger.currentInventory', {}) });
}

export function useInventories() {
  return useQuery({ queryKey: inventoriesKey, queryFn: () => invoke('ledger.inventories', {}) });
}

/** The visits in progress, that a check-out can belong to (issue 7's procedure runs). */
export function useVisitsInProgress() {
  return useQuery({ queryKey: ['procedures.list', 'in-progress'], queryFn: () => invoke('procedures.list', { status: 'in-progress' }) });
}

export function useErasureCertificates() {
  return useQuery({ queryKey: erasureCertificatesKey, queryFn: () => invoke('certificates.list', { kind: 'erasure' }) });
}

/** One ledger step (save, check-out, check-in, …) as a mutation that refreshes the ledger when it settles. */
export function useLedgerStep<C extends ChannelName & `ledger.${string}`>(channel: C) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<C>) => invoke(channel, request),
    onSettled: () => refreshLedger(client),
  });
}

/** Saves a signed certificate's PDF (the inventory report) where the engineer picks. */
export function useExportCertificate() {
  return useMutation({ mutationFn: (id: string) => invoke('certificates.export', { id }) });
}

/** Which step each status allows: the main process's own rule book, so the screen offers only what would be accepted. */
export { canTakeLedgerStep as canTake, type LedgerStep as LedgerStepName } from '@shared/ledger';
