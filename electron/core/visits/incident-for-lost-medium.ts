/**
 * A medium reported lost while it was out for a visit is a possible leak of the site's data:
 * the incident-response procedure (18-1) starts at once, at the visit's site, so the engineer
 * is led through reporting and containment instead of remembering to. A medium lost from the
 * store, or out for work not tied to a visit, starts nothing: there is no site to respond with.
 */
import type { Checkout } from '../../shared/ledger';
import type { VaultSession } from '../vault/vault-session';
import { startRun } from './visit-service';
import { findRunByReference, getRunRow } from './run-store';

export function startIncidentForLostMedium(
  session: VaultSession,
  item: { readonly id: string; readonly currentCheckout: Checkout | null },
  now: Date,
): string | null {
  const checkout = item.currentCheckout;
  if (!checkout) return null;
  const visit =
    (checkout.visitId ? getRunRow(session.db, checkout.visitId) : null) ?? findRunByReference(session.db, checkout.visitReference.trim());
  if (!visit) return null;
  const incident = startRun(session, { templateId: 'incident-response', siteId: visit.siteId, systemId: visit.systemId }, now, {
    cause: 'medium-lost',
    ledgerItemId: item.id,
    visitReference: visit.reference,
  });
  return incident.id;
}
