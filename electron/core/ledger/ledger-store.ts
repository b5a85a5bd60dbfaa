/**
 * The ledger's items as stored, and the one edit a person makes directly: an item's
 * description (label, make, model, serial, …). Status and custody are never edited here;
 * they move only through the audited steps in `custody.ts` and `lifecycle.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { LedgerItemDraft, type Checkout, type LedgerItem, type MediumStatus } from '../../shared/ledger';
import { AppError } from '../app-error';
import { requireStep } from './item-transitions';
import type { VaultSession } from '../vault/vault-session';
import { certificateNumber } from '../certificates/certificate-store';
import { parseDraft } from '../sites/parse-draft';

interface ItemRow {
  readonly id: string;
  readonly label: string;
  readonly type: LedgerItem['type'];
  readonly make: string;
  readonly model: string;
  readonly serial: string;
  readonly capacity_bytes: number | null;
  readonly encryption: LedgerItem['encryption'];
  readonly owner: string;
  readonly storage_location: string;
  readonly purchase_date: string | null;
  readonly warranty_end: string | null;
  readonly notes: string;
  readonly status: MediumStatus;
  readonly erasure_certificate_id: string | null;
  readonly erasure_linked_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly disposed_at: string | null;
  readonly disposed_by: string | null;
  readonly disposal_method: NonNullable<LedgerItem['disposal']>['method'] | null;
  readonly disposal_note: string | null;
}

interface CheckoutRow {
  readonly id: string;
  readonly item_id: string;
  readonly checked_out_at: string;
  readonly custodian: string;
  readonly purpose: string;
  readonly visit_id: string | null;
  readonly visit_reference: string;
  readonly planned_visit_id: string | null;
  readonly carries_site_data: number;
  readonly permission_administrator: string | null;
  readonly permission_granted_at: string | null;
  readonly expected_return_date: string;
  readonly at_site_since: string | null;
  readonly returned_at: string | null;
  readonly returned_by: string | null;
  readonly return_state: Checkout['returnState'];
  readonly return_note: string;
}

const ITEM_SELECT = `
  SELECT i.*, d.disposed_at, d.disposed_by, d.method AS disposal_method, d.note AS disposal_note
  FROM ledger_items i
  LEFT JOIN ledger_disposals d ON d.item_id = i.id`;

export function checkoutOf(row: CheckoutRow): Checkout {
  return {
    id: row.id,
    itemId: row.item_id,
    checkedOutAt: row.checked_out_at,
    custodian: row.custodian,
    purpose: row.purpose,
    visitId: row.visit_id,
    visitReference: row.visit_reference,
    plannedVisitId: row.planned_visit_id,
    carriesSiteData: row.carries_site_data === 1,
    permission:
      row.permission_administrator !== null && row.permission_granted_at !== null
        ? { administrator: row.permission_administrator, grantedAt: row.permission_granted_at }
        : null,
    expectedReturnDate: row.expected_return_date,
    atSiteSince: row.at_site_since,
    returnedAt: row.returned_at,
    returnedBy: row.returned_by,
    returnState: row.return_state,
    returnNote: row.return_note,
  };
}

export function openCheckout(db: VaultDatabase, itemId: string): Checkout | null {
  const row = db.prepare('SELECT * FROM ledger_checkouts WHERE item_id = ? AND returned_at IS NULL').get(itemId) as CheckoutRow | undefined;
  return row ? checkoutOf(row) : null;
}

/** The items out for a planned visit and not back yet, by label. */
export function itemsOutForPlannedVisit(db: VaultDatabase, plannedVisitId: string): LedgerItem[] {
  const ids = db
    .prepare('SELECT item_id FROM ledger_checkouts WHERE planned_visit_id = ? AND returned_at IS NULL')
    .pluck()
    .all(plannedVisitId) as string[];
  return ids.map((id) => requireItem(db, id)).sort((a, b) => a.label.localeCompare(b.label));
}

/** Every check-out of an item, newest first. */
export function checkoutsOf(db: VaultDatabase, itemId: string): Checkout[] {
  return (db.prepare('SELECT * FROM ledger_checkouts WHERE item_id = ? ORDER BY checked_out_at DESC, id').all(itemId) as CheckoutRow[]).map(
    checkoutOf,
  );
}

function itemOf(db: VaultDatabase, row: ItemRow): LedgerItem {
  const currentCheckout = openCheckout(db, row.id);
  return {
    id: row.id,
    label: row.label,
    type: row.type,
    make: row.make,
    model: row.model,
    serial: row.serial,
    capacityBytes: row.capacity_bytes,
    encryption: row.encryption,
    owner: row.owner,
    storageLocation: row.storage_location,
    purchaseDate: row.purchase_date,
    warrantyEnd: row.warranty_end,
    notes: row.notes,
    status: row.status,
    custodian: currentCheckout?.custodian ?? row.storage_location,
    currentCheckout,
    erasureCertificate:
      row.erasure_certificate_id !== null && row.erasure_linked_at !== null
        ? {
            id: row.erasure_certificate_id,
            number: certificateNumber(db, row.erasure_certificate_id) ?? '',
            linkedAt: row.erasure_linked_at,
          }
        : null,
    disposal:
      row.disposed_at !== null && row.disposed_by !== null && row.disposal_method !== null
        ? {
            disposedAt: row.disposed_at,
            disposedBy: row.disposed_by,
            method: row.disposal_method,
            noReadableDataConfirmed: true,
            note: row.disposal_note ?? '',
          }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Items by label (natural order: LG-2 before LG-10), optionally of one status. */
export function listItems(db: VaultDatabase, status?: MediumStatus): LedgerItem[] {
  const rows = (status ? db.prepare(`${ITEM_SELECT} WHERE i.status = ?`).all(status) : db.prepare(ITEM_SELECT).all()) as ItemRow[];
  const collator = new Intl.Collator('ja', { numeric: true });
  return rows.map((row) => itemOf(db, row)).sort((a, b) => collator.compare(a.label, b.label) || a.id.localeCompare(b.id));
}

export function getItem(db: VaultDatabase, id: string): LedgerItem | null {
  const row = db.prepare(`${ITEM_SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined;
  return row ? itemOf(db, row) : null;
}

export function requireItem(db: VaultDatabase, id: string): LedgerItem {
  const item = getItem(db, id);
  if (!item) throw new AppError('LEDGER_ITEM_NOT_FOUND');
  return item;
}

/** How serials are compared: a serial read from the hardware and one typed from the label must match despite case and spaces. */
export function serialKey(serial: string): string {
  return serial.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Creates (no id) or edits an item; LEDGER_LABEL_TAKEN when another item has its label. */
export function saveItem(session: VaultSession, input: LedgerItemDraft, now: Date): LedgerItem {
  const draft = parseDraft(LedgerItemDraft, input);
  const { db } = session;
  const created = draft.id === undefined;
  const id = draft.id ?? randomUUID();
  const time = now.toISOString();
  db.transaction(() => {
    // A disposed item's record is final: it is the evidence of what happened to the medium.
    const existing = created ? null : getItem(db, id);
    if (existing) requireStep('edit', existing.status);
    const clash = db.prepare('SELECT id FROM ledger_items WHERE label = ? AND id <> ?').get(draft.label, id);
    if (clash) throw new AppError('LEDGER_LABEL_TAKEN');
    const values = [
      draft.label,
      draft.type,
      draft.make,
      draft.model,
      draft.serial,
      draft.capacityBytes,
      draft.encryption,
      draft.owner,
      draft.storageLocation,
      draft.purchaseDate,
      draft.warrantyEnd,
      draft.notes,
      time,
    ];
    if (created) {
      db.prepare(
        `INSERT INTO ledger_items (label, type, make, model, serial, capacity_bytes, encryption, owner, storage_location, purchase_date, warranty_end, notes, updated_at, id, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in-store', ?)`,
      ).run(...values, id, time);
    } else {
      const changed = db
        .prepare(
          `UPDATE ledger_items SET label = ?, type = ?, make = ?, model = ?, serial = ?, capacity_bytes = ?, encryption = ?, owner = ?,
             storage_location = ?, purchase_date = ?, warranty_end = ?, notes = ?, updated_at = ? WHERE id = ?`,
        )
        .run(...values, id).changes;
      if (changed === 0) throw new AppError('LEDGER_ITEM_NOT_FOUND');
    }
    session.audit.append('ledger.item-saved', session.actor(), { itemId: id, label: draft.label, type: draft.type, created });
  })();
  return requireItem(db, id);
}

/** Moves an item to a new status inside the caller's transaction. */
export function setStatus(db: VaultDatabase, itemId: string, status: MediumStatus, now: Date): void {
  db.prepare('UPDATE ledger_items SET status = ?, updated_at = ? WHERE id = ?').run(status, now.toISOString(), itemId);
}
