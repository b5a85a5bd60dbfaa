/**
 * Who holds a medium (7-7, 12-3): check-out with its purpose, visit and expected return,
 * the site administrator's permission whenever it carries data out of a site (7-1, 7-2),
 * "at the site", the return with the state it came back in, and loss — a step of its own,
 * audited as `ledger.item-lost`, because the incident-response procedure starts from it.
 * Each step checks the status first (`item-transitions.ts`), changes the rows and appends its
 * audit entry in one transaction: a step the audit log cannot record does not happen.
 */
import { randomUUID } from 'node:crypto';
import { CheckInRequest, CheckOutRequest, Permission, type LedgerItem } from '../../shared/ledger';
import { AppError } from '../app-error';
import { parseDraft } from '../sites/parse-draft';
import type { VaultSession } from '../vault/vault-session';
import { requireStep } from './item-transitions';
import { daysBetween, japanDate } from '../japan-calendar';
import { openCheckout, requireItem, setStatus } from './ledger-store';
import { requireOpenPlannedVisit } from '../visits/planned-visits';

function permissionValues(permission: Permission | undefined): [string | null, string | null] {
  return permission ? [permission.administrator, new Date(permission.grantedAt).toISOString()] : [null, null];
}

export function checkOut(session: VaultSession, input: CheckOutRequest, now: Date): LedgerItem {
  const request = parseDraft(CheckOutRequest, input);
  if (request.carriesSiteData && !request.permission) throw new AppError('LEDGER_PERMISSION_REQUIRED');
  if (request.expectedReturnDate < japanDate(now)) throw new AppError('LEDGER_RETURN_DATE_PAST');
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, request.itemId);
    requireStep('checkOut', item.status);
    // A check-out names a plan that is there and not cancelled: media are not prepared for a visit that will not happen.
    if (request.plannedVisitId !== undefined) requireOpenPlannedVisit(db, request.plannedVisitId);
    const [administrator, grantedAt] = permissionValues(request.permission);
    db.prepare(
      `INSERT INTO ledger_checkouts (id, item_id, checked_out_at, custodian, purpose, visit_id, visit_reference, carries_site_data,
         permission_administrator, permission_granted_at, expected_return_date, planned_visit_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      randomUUID(),
      item.id,
      now.toISOString(),
      request.custodian,
      request.purpose,
      request.visitId ?? null,
      request.visitReference,
      request.carriesSiteData ? 1 : 0,
      administrator,
      grantedAt,
      request.expectedReturnDate,
      request.plannedVisitId ?? null,
    );
    setStatus(db, item.id, 'checked-out', now);
    session.audit.append('ledger.checked-out', session.actor(), {
      itemId: item.id,
      label: item.label,
      from: item.status,
      expectedReturnDate: request.expectedReturnDate,
      carriesSiteData: request.carriesSiteData,
      permissionRecorded: request.permission !== undefined,
      visitId: request.visitId ?? null,
      plannedVisitId: request.plannedVisitId ?? null,
    });
  })();
  return requireItem(db, request.itemId);
}

export function markAtSite(session: VaultSession, itemId: string, now: Date): LedgerItem {
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, itemId);
    requireStep('markAtSite', item.status);
    db.prepare('UPDATE ledger_checkouts SET at_site_since = ? WHERE item_id = ? AND returned_at IS NULL').run(now.toISOString(), itemId);
    setStatus(db, itemId, 'at-site', now);
    session.audit.append('ledger.at-site', session.actor(), { itemId, label: item.label });
  })();
  return requireItem(db, itemId);
}

/** Records (or corrects) the permission on the open check-out: from now on it carries site data. */
export function recordPermission(session: VaultSession, itemId: string, input: Permission, now: Date): LedgerItem {
  const permission = parseDraft(Permission, input);
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, itemId);
    requireStep('recordPermission', item.status);
    const [administrator, grantedAt] = permissionValues(permission);
    db.prepare(
      'UPDATE ledger_checkouts SET carries_site_data = 1, permission_administrator = ?, permission_granted_at = ? WHERE item_id = ? AND returned_at IS NULL',
    ).run(administrator, grantedAt, itemId);
    db.prepare('UPDATE ledger_items SET updated_at = ? WHERE id = ?').run(now.toISOString(), itemId);
    session.audit.append('ledger.permission-recorded', session.actor(), { itemId, label: item.label, grantedAt });
  })();
  return requireItem(db, itemId);
}

export function checkIn(session: VaultSession, input: CheckInRequest, now: Date): LedgerItem {
  const request = parseDraft(CheckInRequest, input);
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, request.itemId);
    requireStep('checkIn', item.status);
    const checkout = openCheckout(db, item.id);
    db.prepare(
      'UPDATE ledger_checkouts SET returned_at = ?, returned_by = ?, return_state = ?, return_note = ? WHERE item_id = ? AND returned_at IS NULL',
    ).run(now.toISOString(), request.returnedBy, request.state, request.note, item.id);
    setStatus(db, item.id, 'in-store', now);
    const daysLate = checkout ? Math.max(0, daysBetween(checkout.expectedReturnDate, japanDate(now))) : 0;
    session.audit.append('ledger.checked-in', session.actor(), {
      itemId: item.id,
      label: item.label,
      from: item.status,
      state: request.state,
      daysLate,
    });
  })();
  return requireItem(db, request.itemId);
}

/**
 * Loss: its own audited transition (`ledger.item-lost`). An open check-out stays open — the
 * medium was lost while someone held it, which the incident report needs to say.
 */
export function markLost(session: VaultSession, itemId: string, note: string, now: Date): LedgerItem {
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, itemId);
    requireStep('markLost', item.status);
    if (note) {
      const line = lostNote(note, now);
      db.prepare("UPDATE ledger_items SET notes = CASE WHEN notes = '' THEN ? ELSE notes || char(10) || ? END WHERE id = ?").run(
        line,
        line,
        itemId,
      );
    }
    setStatus(db, itemId, 'lost', now);
    session.audit.append('ledger.item-lost', session.actor(), {
      itemId,
      label: item.label,
      from: item.status,
      custodian: item.currentCheckout ? 'checked-out' : 'store',
    });
  })();
  return requireItem(db, itemId);
}

/** Found again: back in store; a check-out still open from before the loss is closed as returned now. */
export function markFound(session: VaultSession, itemId: string, note: string, now: Date): LedgerItem {
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, itemId);
    requireStep('markFound', item.status);
    db.prepare(
      'UPDATE ledger_checkouts SET returned_at = ?, returned_by = ?, return_note = ? WHERE item_id = ? AND returned_at IS NULL',
    ).run(now.toISOString(), session.profile().name, note, itemId);
    setStatus(db, itemId, 'in-store', now);
    session.audit.append('ledger.item-found', session.actor(), { itemId, label: item.label });
  })();
  return requireItem(db, itemId);
}

function lostNote(note: string, now: Date): string {
  return `[${japanDate(now)} 紛失 / lost] ${note}`;
}
