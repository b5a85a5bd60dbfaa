/**
 * The inventory (棚卸, 7-7): a count of every item not disposed. Items whose serial is
 * attached are confirmed at once (and again at each scan); the engineer confirms the rest as
 * present or records them missing with a note. Completing it compares the count with the
 * ledger — missing items, lost items found again, attached media not in the ledger — and
 * issues the signed inventory report. Each step is audited; an inventory's entries are fixed
 * once it is complete.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { Inventory, InventoryDiscrepancy, InventoryEntry, MediumStatus } from '../../shared/ledger';
import { bothNames, mediumStatusNames } from '../../shared/ledger-texts';
import { AppError } from '../app-error';
import type { VaultSession } from '../vault/vault-session';
import { certificateReference } from '../certificates/certificate-store';
import { detectMedia, type DetectionPorts } from './detect-media';
import { issueInventoryReport } from './inventory-report';
import { listItems, serialKey } from './ledger-store';

interface InventoryRow {
  readonly id: string;
  readonly started_at: string;
  readonly started_by: string;
  readonly completed_at: string | null;
  readonly unregistered: string;
  readonly report_certificate_id: string | null;
}

interface EntryRow {
  readonly item_id: string;
  readonly label: string;
  readonly type: InventoryEntry['type'];
  readonly serial: string;
  readonly status_at_start: MediumStatus;
  readonly custodian_at_start: string;
  readonly result: InventoryEntry['result'];
  readonly method: InventoryEntry['method'];
  readonly note: string;
  readonly checked_at: string | null;
}

type Unregistered = Inventory['unregistered'];

/** Where the count and the ledger disagree. A lost item counted missing agrees; counted present, it was found. */
export function inventoryDiscrepancies(entries: readonly InventoryEntry[], unregistered: Unregistered): InventoryDiscrepancy[] {
  const found: InventoryDiscrepancy[] = [];
  for (const entry of entries) {
    if (entry.result === 'missing' && entry.statusAtStart !== 'lost') {
      found.push({
        kind: 'missing',
        itemId: entry.itemId,
        label: entry.label,
        detail: `台帳: ${bothNames(mediumStatusNames, entry.statusAtStart)}（${entry.custodianAtStart}）${entry.note ? ` — ${entry.note}` : ''}`,
      });
    } else if (entry.result === 'present' && entry.statusAtStart === 'lost') {
      found.push({
        kind: 'found',
        itemId: entry.itemId,
        label: entry.label,
        detail: `台帳: ${bothNames(mediumStatusNames, 'lost')}${entry.note ? ` — ${entry.note}` : ''}`,
      });
    }
  }
  for (const medium of unregistered) {
    found.push({
      kind: 'unregistered',
      itemId: null,
      label: medium.mount,
      detail: [medium.model, medium.serial ? `S/N ${medium.serial}` : null].filter(Boolean).join(' '),
    });
  }
  return found;
}

function inventoryOf(db: VaultDatabase, row: InventoryRow): Inventory {
  const entries = (
    db
      .prepare(
        `SELECT e.*, i.label, i.type, i.serial FROM ledger_inventory_entries e JOIN ledger_items i ON i.id = e.item_id WHERE e.inventory_id = ?`,
      )
      .all(row.id) as EntryRow[]
  )
    .map((e): InventoryEntry => ({
      itemId: e.item_id,
      label: e.label,
      type: e.type,
      serial: e.serial,
      statusAtStart: e.status_at_start,
      custodianAtStart: e.custodian_at_start,
      result: e.result,
      method: e.method,
      note: e.note,
      checkedAt: e.checked_at,
    }))
    .sort((a, b) => new Intl.Collator('ja', { numeric: true }).compare(a.label, b.label));
  const unregistered = JSON.parse(row.unregistered) as Unregistered;
  return {
    id: row.id,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    startedBy: row.started_by,
    entries,
    unregistered,
    discrepancies: inventoryDiscrepancies(entries, unregistered),
    report: certificateReference(db, row.report_certificate_id),
  };
}

const INVENTORY_SELECT = `SELECT v.* FROM ledger_inventories v`;

export function getInventory(db: VaultDatabase, id: string): Inventory | null {
  const row = db.prepare(`${INVENTORY_SELECT} WHERE v.id = ?`).get(id) as InventoryRow | undefined;
  return row ? inventoryOf(db, row) : null;
}

export function currentInventory(db: VaultDatabase): Inventory | null {
  const row = db.prepare(`${INVENTORY_SELECT} WHERE v.completed_at IS NULL`).get() as InventoryRow | undefined;
  return row ? inventoryOf(db, row) : null;
}

/** Newest first. */
export function listInventories(db: VaultDatabase): Inventory[] {
  return (db.prepare(`${INVENTORY_SELECT} ORDER BY v.started_at DESC, v.id`).all() as InventoryRow[]).map((row) => inventoryOf(db, row));
}

function requireInventory(db: VaultDatabase, id: string): Inventory {
  const inventory = getInventory(db, id);
  if (!inventory) throw new AppError('LEDGER_INVENTORY_NOT_FOUND');
  return inventory;
}

function requireOpenInventory(db: VaultDatabase, id: string): Inventory {
  const inventory = requireInventory(db, id);
  if (inventory.completedAt !== null) throw new AppError('LEDGER_INVENTORY_CLOSED');
  return inventory;
}

/** Confirms, by serial, the entries whose medium is attached; records attached media no item has. Inside the caller's transaction. */
function applyScan(db: VaultDatabase, inventoryId: string, scan: Awaited<ReturnType<typeof detectMedia>>, now: Date): number {
  const attached = new Set(scan.media.flatMap((m) => (m.serial ? [serialKey(m.serial)] : [])));
  const entries = db
    .prepare(
      "SELECT e.item_id AS itemId, i.serial FROM ledger_inventory_entries e JOIN ledger_items i ON i.id = e.item_id WHERE e.inventory_id = ? AND (e.result IS NULL OR e.result <> 'present')",
    )
    .all(inventoryId) as Array<{ itemId: string; serial: string }>;
  const confirm = db.prepare(
    "UPDATE ledger_inventory_entries SET result = 'present', method = 'serial', checked_at = ? WHERE inventory_id = ? AND item_id = ?",
  );
  let confirmed = 0;
  for (const entry of entries) {
    if (entry.serial.trim() && attached.has(serialKey(entry.serial))) {
      confirm.run(now.toISOString(), inventoryId, entry.itemId);
      confirmed += 1;
    }
  }
  const previous = JSON.parse(
    (db.prepare('SELECT unregistered FROM ledger_inventories WHERE id = ?').pluck().get(inventoryId) as string | undefined) ?? '[]',
  ) as Unregistered;
  const unregistered = new Map(previous.map((m) => [`${m.mount}|${m.serial ?? ''}`, m]));
  for (const medium of scan.media) {
    if (medium.registeredItemId === null)
      unregistered.set(`${medium.mount}|${medium.serial ?? ''}`, { mount: medium.mount, serial: medium.serial, model: medium.model });
  }
  db.prepare('UPDATE ledger_inventories SET unregistered = ? WHERE id = ?').run(JSON.stringify([...unregistered.values()]), inventoryId);
  return confirmed;
}

export async function startInventory(session: VaultSession, ports: DetectionPorts, now: Date): Promise<Inventory> {
  const { db } = session;
  if (currentInventory(db)) throw new AppError('LEDGER_INVENTORY_OPEN');
  const scan = await detectMedia(db, ports, now);
  const id = randomUUID();
  db.transaction(() => {
    if (currentInventory(db)) throw new AppError('LEDGER_INVENTORY_OPEN');
    const items = listItems(db).filter((item) => item.status !== 'disposed');
    if (items.length === 0) throw new AppError('LEDGER_INVENTORY_EMPTY');
    db.prepare("INSERT INTO ledger_inventories (id, started_at, started_by, unregistered) VALUES (?, ?, ?, '[]')").run(
      id,
      now.toISOString(),
      session.profile().name,
    );
    const insert = db.prepare(
      'INSERT INTO ledger_inventory_entries (inventory_id, item_id, status_at_start, custodian_at_start) VALUES (?, ?, ?, ?)',
    );
    for (const item of items) insert.run(id, item.id, item.status, item.custodian);
    const bySerial = applyScan(db, id, scan, now);
    session.audit.append('ledger.inventory-started', session.actor(), {
      inventoryId: id,
      items: items.length,
      confirmedBySerial: bySerial,
    });
  })();
  return requireInventory(db, id);
}

export function confirmInventoryItem(
  session: VaultSession,
  request: { inventoryId: string; itemId: string; result: 'present' | 'missing'; note: string },
  now: Date,
): Inventory {
  const { db } = session;
  db.transaction(() => {
    requireOpenInventory(db, request.inventoryId);
    const changed = db
      .prepare(
        "UPDATE ledger_inventory_entries SET result = ?, method = 'manual', note = ?, checked_at = ? WHERE inventory_id = ? AND item_id = ?",
      )
      .run(request.result, request.note, now.toISOString(), request.inventoryId, request.itemId).changes;
    if (changed === 0) throw new AppError('LEDGER_ITEM_NOT_IN_INVENTORY');
    const label = db.prepare('SELECT label FROM ledger_items WHERE id = ?').pluck().get(request.itemId) as string;
    session.audit.append('ledger.inventory-confirmed', session.actor(), {
      inventoryId: request.inventoryId,
      itemId: request.itemId,
      label,
      result: request.result,
      method: 'manual',
    });
  })();
  return requireInventory(db, request.inventoryId);
}

export async function scanInventory(session: VaultSession, inventoryId: string, ports: DetectionPorts, now: Date): Promise<Inventory> {
  const { db } = session;
  requireOpenInventory(db, inventoryId);
  const scan = await detectMedia(db, ports, now);
  db.transaction(() => {
    requireOpenInventory(db, inventoryId);
    const confirmed = applyScan(db, inventoryId, scan, now);
    session.audit.append('ledger.inventory-confirmed', session.actor(), {
      inventoryId,
      method: 'serial',
      confirmedBySerial: confirmed,
      attached: scan.media.length,
    });
  })();
  return requireInventory(db, inventoryId);
}

/** Closes the count and issues the signed inventory report; LEDGER_INVENTORY_INCOMPLETE while an item has no result. */
export async function completeInventory(session: VaultSession, inventoryId: string, now: Date, fontPath?: string): Promise<Inventory> {
  const { db } = session;
  const open = requireOpenInventory(db, inventoryId);
  if (open.entries.some((entry) => entry.result === null)) throw new AppError('LEDGER_INVENTORY_INCOMPLETE');
  const completed: Inventory = { ...open, completedAt: now.toISOString() };
  const report = await issueInventoryReport(session, completed, now, fontPath);
  db.transaction(() => {
    requireOpenInventory(db, inventoryId);
    db.prepare('UPDATE ledger_inventories SET completed_at = ?, report_certificate_id = ? WHERE id = ?').run(
      completed.completedAt,
      report.id,
      inventoryId,
    );
    session.audit.append('ledger.inventory-completed', session.actor(), {
      inventoryId,
      items: completed.entries.length,
      missing: completed.entries.filter((e) => e.result === 'missing').length,
      discrepancies: completed.discrepancies.length,
      number: report.number,
    });
  })();
  return requireInventory(db, inventoryId);
}
