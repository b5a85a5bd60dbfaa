/**
 * Migration 0016 (planned visits, issue 19) on a vault at schema 15 with a site, a system, a
 * visit run and a medium already checked out, in a real SQLCipher file: the check-out made
 * before keeps every column and names no plan; the new table takes a plan and refuses what a
 * plan cannot be — a day that is not a day, a blank purpose, "started" without its run,
 * "cancelled" without a reason — and a started or cancelled plan is a record the database
 * itself will not change or delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations/index';
import type { VaultDatabase } from '../../electron/db/open-vault-database';
import { scratchVaultDatabase, type ScratchDatabase } from '../support/scratch-database';

const T = '2026-12-07T01:00:00.000Z';

let scratch: ScratchDatabase;
let db: VaultDatabase;
let checkoutBefore: Record<string, unknown>;

function insert(table: string, row: Readonly<Record<string, string | number | null>>): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
}

const plan = (overrides: Readonly<Record<string, string | null>> = {}) => ({
  id: 'pv1',
  template_id: 'maintenance-visit',
  site_id: 's1',
  system_id: 'sys1',
  visit_date: '2026-12-10',
  purpose: '定期点検',
  work_order: 'WO-8812',
  data_to_carry: '装置ログ',
  status: 'planned',
  created_at: T,
  updated_at: T,
  ...overrides,
});

beforeAll(async () => {
  scratch = await scratchVaultDatabase('fieldguard-migration-0016-', { migrations: migrations.filter((m) => m.version <= 15) });
  db = scratch.db;
  const contact = JSON.stringify({ name: '佐藤 一郎', title: '', phone: '', mail: '' });
  insert('sites', {
    id: 's1',
    name: 'みなと台クリニック',
    department: '',
    address: '',
    administrator: contact,
    other_contacts: '[]',
    notes: '',
    created_at: T,
    updated_at: T,
  });
  insert('systems', {
    id: 'sys1',
    site_id: 's1',
    product: 'CT-9000',
    version: '',
    serial: '',
    host_name: '',
    ports: '[]',
    data_locations: '[]',
    created_at: T,
    updated_at: T,
  });
  insert('procedure_runs', {
    id: 'r1',
    reference: 'V-20261210-01',
    template_id: 'maintenance-visit',
    template_version: 1,
    site_id: 's1',
    system_id: 'sys1',
    status: 'in-progress',
    started_at: T,
  });
  insert('ledger_items', {
    id: 'li1',
    label: 'FG-USB-001',
    type: 'usb-memory',
    make: '',
    model: '',
    serial: 'S1',
    capacity_bytes: null,
    encryption: 'hardware',
    owner: '',
    storage_location: '',
    purchase_date: null,
    warranty_end: null,
    notes: '',
    status: 'checked-out',
    created_at: T,
    updated_at: T,
  });
  insert('ledger_checkouts', {
    id: 'co1',
    item_id: 'li1',
    checked_out_at: T,
    custodian: '山田 太郎',
    purpose: 'ログ回収',
    visit_reference: '2026-12-10 みなと台クリニック',
    carries_site_data: 0,
    expected_return_date: '2026-12-11',
  });
  checkoutBefore = db.prepare('SELECT * FROM ledger_checkouts').get() as Record<string, unknown>;
  expect(
    migrate(
      db,
      migrations.filter((m) => m.version <= 16),
    ),
  ).toBe(16);
});
afterAll(async () => {
  await scratch.close();
});

const refusal = (call: () => unknown): string => {
  try {
    call();
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('migration 0016 (planned visits)', () => {
  it('keeps a check-out made before as it was, naming no plan', () => {
    expect(db.prepare('SELECT * FROM ledger_checkouts').get()).toEqual({ ...checkoutBefore, planned_visit_id: null });
  });

  it('refuses a plan with a day that is not a day, a blank purpose, a start without its run or a cancel without a reason', () => {
    expect(refusal(() => insert('planned_visits', plan({ visit_date: '10/12/2026' })))).toMatch(/CHECK/);
    expect(refusal(() => insert('planned_visits', plan({ purpose: '' })))).toMatch(/CHECK/);
    expect(refusal(() => insert('planned_visits', plan({ status: 'started' })))).toMatch(/CHECK/);
    expect(refusal(() => insert('planned_visits', plan({ status: 'cancelled' })))).toMatch(/CHECK/);
    expect(refusal(() => insert('planned_visits', plan({ status: 'started', run_id: 'no-such-run' })))).toMatch(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) FROM planned_visits').pluck().get()).toBe(0);
  });

  it('lets a check-out name a plan, and a plan be edited while planned', () => {
    insert('planned_visits', plan());
    db.prepare("UPDATE ledger_checkouts SET planned_visit_id = 'pv1'").run();
    db.prepare("UPDATE planned_visits SET purpose = '部品交換' WHERE id = 'pv1'").run();
    expect(db.prepare('SELECT purpose FROM planned_visits').pluck().get()).toBe('部品交換');
  });

  it('freezes a started plan: no change, no deletion', () => {
    db.prepare("UPDATE planned_visits SET status = 'started', run_id = 'r1' WHERE id = 'pv1'").run();
    expect(refusal(() => db.prepare("UPDATE planned_visits SET purpose = '別' WHERE id = 'pv1'").run())).toMatch(/cannot change/);
    expect(refusal(() => db.prepare("UPDATE planned_visits SET status = 'planned', run_id = NULL WHERE id = 'pv1'").run())).toMatch(
      /cannot change/,
    );
    expect(refusal(() => db.prepare("DELETE FROM planned_visits WHERE id = 'pv1'").run())).toMatch(/is a record/);
  });

  it('freezes a cancelled plan too, with its reason', () => {
    insert('planned_visits', plan({ id: 'pv2', status: 'cancelled', cancel_reason: '延期' }));
    expect(refusal(() => db.prepare("UPDATE planned_visits SET cancel_reason = '別' WHERE id = 'pv2'").run())).toMatch(/cannot change/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
