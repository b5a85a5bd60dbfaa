/**
 * After a whole-medium erasure (issue 14), the ledger item of the erased device — found by the
 * serial the device reported — is linked to the certificate, as the engineer would do by hand
 * with "record erasure" (lifecycle.ts, which this goes through: same checks, same audit entry).
 * Only a certificate that says the device was erased is linked: a "not erased" certificate must
 * never move an item to 'erased'. Nothing is linked when no item, or more than one, carries that
 * serial, or when the item's status does not allow the step (a disposed or lost medium).
 */
import { canTakeLedgerStep, type LedgerItem } from '../../shared/ledger';
import type { VaultSession } from '../vault/vault-session';
import { listItems, serialKey } from './ledger-store';
import { recordErasure } from './lifecycle';

export type DeviceLedgerLink =
  | { readonly linked: true; readonly item: LedgerItem }
  | { readonly linked: false; readonly reason: 'not-erased' | 'no-serial' | 'no-item' | 'several-items' | 'step-not-allowed' };

/** Links the ledger item whose serial is the device's to the erasure certificate, if the device was erased. */
export function linkDeviceErasureToLedger(
  session: VaultSession,
  device: { readonly serial: string | null },
  certificate: { readonly id: string; readonly erased: boolean },
  now: Date,
): DeviceLedgerLink {
  if (!certificate.erased) return { linked: false, reason: 'not-erased' };
  if (!device.serial) return { linked: false, reason: 'no-serial' };
  // Compared as the ledger compares serials read from hardware with typed ones: case and spaces do not count.
  const key = serialKey(device.serial);
  const matching = key === '' ? [] : listItems(session.db).filter((item) => serialKey(item.serial) === key);
  if (matching.length === 0) return { linked: false, reason: 'no-item' };
  if (matching.length > 1) return { linked: false, reason: 'several-items' };
  const [item] = matching as [LedgerItem];
  if (!canTakeLedgerStep('recordErasure', item.status)) return { linked: false, reason: 'step-not-allowed' };
  return { linked: true, item: recordErasure(session, item.id, certificate.id, now) };
}
