/**
 * Every schema migration on its own, on a real SQLCipher file: a vault an engineer upgrades may
 * stand at any older version, with data in every table it had. For each migration N the database
 * is built at N-1 — each earlier migration applied in turn and followed by representative rows
 * for the tables it made, so later ones (table rebuilds in 0009 and 0012) meet real rows and real
 * references — then N alone is applied. It must reach user_version N with an intact file, no
 * broken reference and every row that was there before. A database written by a newer schema is
 * refused untouched. The list itself must be numbered 1..N without gaps, one file per migration.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations/index';
import type { VaultDatabase } from '../../electron/db/open-vault-database';
import { errorCodeOf } from '../support/error-code';
import { scratchVaultDatabase, type ScratchDatabase } from '../support/scratch-database';

const T = '2026-04-01T09:00:00.000Z';
const ENGINEER = 'a'.repeat(64);
const PDF = randomBytes(2048);
const bytes = (n: number) => randomBytes(n);

type Row = Readonly<Record<string, string | number | Buffer | null>>;

function insert(db: VaultDatabase, table: string, row: Row): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
}

/**
 * Rows written right after migration `version`, in the columns that version's schema has:
 * what a vault of that age would hold. A new migration that makes a table adds its rows here
 * (the coverage test below fails until it does).
 */
const rowsAfter: Readonly<Record<number, (db: VaultDatabase) => void>> = {
  1: (db) => {
    insert(db, 'vault_meta', { key: 'format', value: '1' });
    insert(db, 'profile', { id: 1, name: '山田 太郎', company: '東都メディカル', employee_id: 'E-20417', title: '' });
    insert(db, 'settings', { key: 'auto-lock-minutes', value: '5' });
    insert(db, 'wrapped_keys', {
      name: 'engineer-signing-key',
      algorithm: 'RSA-3072',
      public_key: bytes(64),
      wrapped: bytes(96),
      created_at: T,
    });
    insert(db, 'vault_items', {
      id: 'i1',
      collection: 'visit-P-1',
      name: '装置ログ.txt',
      relative_path: 'logs/装置ログ.txt',
      origin: 'import',
      size: 12,
      sha256: 'e'.repeat(64),
      modified_at: null,
      imported_at: T,
      wrapped_key: bytes(60),
      state: 'stored',
    });
  },
  2: (db) => {
    insert(db, 'audit_log', {
      seq: 1,
      time: T,
      type: 'vault.created',
      actor: '山田 太郎 (E-20417)',
      details: '{}',
      prev_hash: Buffer.alloc(32),
      hash: bytes(32),
      mac: bytes(32),
    });
  },
  3: (db) => {
    insert(db, 'engineer_certificates', {
      fingerprint: ENGINEER,
      public_key_sha256: 'b'.repeat(64),
      der: bytes(800),
      name: '山田 太郎',
      company: '東都メディカル',
      employee_id: 'E-20417',
      not_before: T,
      not_after: T,
      created_at: T,
    });
    insert(db, 'certificate_sequences', { employee_id: 'E-20417', kind: 'erasure', year: 2026, last: 1 });
    insert(db, 'certificates', {
      id: 'c1',
      number: 'E-20417-ER-2026-000001',
      kind: 'erasure',
      issued_at: T,
      title_ja: 'データ消去証明書',
      title_en: 'Data erasure certificate',
      signer_fingerprint: ENGINEER,
      evidence_sha256: 'c'.repeat(64),
      evidence_json: '{"x":1}',
      pdf: PDF,
      stored_at: T,
    });
  },
  4: (db) => {
    insert(db, 'erasure_jobs', {
      id: 'j1',
      created_at: T,
      method: 'random-verify',
      scope: 'files',
      state: 'completed',
      targets: '[]',
      site_reference: 'P-1',
      started_at: T,
      finished_at: T,
      runs: 1,
    });
    const item = {
      job_id: 'j1',
      target_index: 0,
      kind: 'file',
      size: 1024,
      file_id: '2049:131',
      sha256_before: 'd'.repeat(64),
      passes_done: 1,
      bytes_written: 1024,
      bytes_verified: 1024,
      read_back: 'direct',
      renamed_to: 'q7x2',
      observations: '[]',
      started_at: T,
      finished_at: T,
    };
    insert(db, 'erasure_items', { ...item, seq: 1, path: '/media/usb/a.dcm', state: 'removed', exception_code: null });
    insert(db, 'erasure_items', { ...item, seq: 2, path: '/media/usb/b.dcm', state: 'exception', exception_code: 'ERASE_FILE_LOCKED' });
  },
  5: (db) => {
    insert(db, 'self_check_runs', { id: 'sc1', finished_at: T, overall: 'fail', run: '{"checks":[]}', certificate_id: null });
    insert(db, 'readiness_overrides', { id: 'o1', created_at: T, reason: '定義ファイルは現地で更新', context: 'visit', run_id: 'sc1' });
  },
  6: (db) => {
    insert(db, 'sanitization_runs', { id: 'sr1', finished_at: T, result: '{"files":[]}', certificate_id: 'c1' });
  },
  7: (db) => {
    insert(db, 'sites', {
      id: 's1',
      name: '東都病院',
      department: '放射線科',
      address: '東京都',
      administrator: '{"name":"佐藤"}',
      other_contacts: '[]',
      notes: '',
      created_at: T,
      updated_at: T,
    });
    insert(db, 'systems', {
      id: 'sys1',
      site_id: 's1',
      product: 'CT-9000',
      version: '3.2',
      serial: 'SN-1',
      host_name: 'ct-console',
      ports: '[]',
      data_locations: '[]',
      created_at: T,
      updated_at: T,
    });
    insert(db, 'maintenance_accounts', {
      id: 'ma1',
      system_id: 'sys1',
      user_name: 'svc-maint',
      secret: bytes(44),
      vendor_default: 0,
      disabled: 0,
      last_changed_at: T,
      next_review_at: T,
      created_at: T,
      updated_at: T,
    });
    insert(db, 'account_reviews', { id: 'ar1', reviewed_at: T, reviewer: '山田 太郎', decisions: '[]' });
  },
  8: (db) => {
    const run = { template_id: 'maintenance-visit', template_version: 1, site_id: 's1', system_id: 'sys1', started_at: T };
    insert(db, 'procedure_runs', { ...run, id: 'r1', reference: 'P-1', status: 'in-progress' });
    insert(db, 'procedure_steps', {
      run_id: 'r1',
      step_id: 'permission',
      status: 'done',
      field_values: '{}',
      attachments: '[]',
      signer: '{"name":"佐藤"}',
      signature: bytes(100),
      check_outcome: null,
      reason: null,
      override_id: 'o1',
      closed_at: T,
      closed_by: '山田 太郎',
    });
    insert(db, 'procedure_checks', { run_id: 'r1', step_id: 'readiness', outcome: '{"ok":true}' });
    // A closed run whose report is a certificate: 0009 rebuilds the certificates table under it.
    insert(db, 'procedure_runs', { ...run, id: 'r2', reference: 'P-2', status: 'completed', closed_at: T, report_id: 'c1' });
  },
  9: (db) => {
    insert(db, 'certificates', {
      id: 'c2',
      number: 'E-20417-LG-2026-000001',
      kind: 'ledger',
      issued_at: T,
      title_ja: '棚卸報告書',
      title_en: 'Inventory report',
      signer_fingerprint: ENGINEER,
      evidence_sha256: 'f'.repeat(64),
      evidence_json: '{"y":2}',
      pdf: PDF,
      stored_at: T,
    });
    const item = {
      type: 'usb-memory',
      make: 'Acme',
      model: 'U3',
      capacity_bytes: 32e9,
      encryption: 'hardware',
      owner: '保守課',
      storage_location: '金庫',
      notes: '',
      created_at: T,
      updated_at: T,
    };
    insert(db, 'ledger_items', {
      ...item,
      id: 'li1',
      label: 'USB-001',
      serial: 'U-1',
      status: 'erased',
      erasure_certificate_id: 'c1',
      erasure_linked_at: T,
    });
    insert(db, 'ledger_items', { ...item, id: 'li2', label: 'USB-002', serial: 'U-2', status: 'disposed' });
    insert(db, 'ledger_checkouts', {
      id: 'co1',
      item_id: 'li1',
      checked_out_at: T,
      custodian: '山田 太郎',
      purpose: '保守',
      visit_id: 'r1',
      visit_reference: 'P-1',
      carries_site_data: 1,
      permission_administrator: '佐藤',
      permission_granted_at: T,
      expected_return_date: '2026-04-02',
      returned_at: T,
      returned_by: '山田 太郎',
      return_state: 'holds-data',
    });
    insert(db, 'ledger_disposals', {
      item_id: 'li2',
      disposed_at: T,
      disposed_by: '山田 太郎',
      method: 'shredded',
      no_readable_data_confirmed: 1,
      note: '',
    });
    insert(db, 'ledger_inventories', {
      id: 'inv1',
      started_at: T,
      started_by: '山田 太郎',
      completed_at: T,
      unregistered: '[]',
      report_certificate_id: 'c2',
    });
    insert(db, 'ledger_inventory_entries', {
      inventory_id: 'inv1',
      item_id: 'li1',
      status_at_start: 'erased',
      custodian_at_start: '保守課',
      result: 'present',
      method: 'serial',
      checked_at: T,
    });
  },
  10: (db) => {
    insert(db, 'enrollment_requests', {
      id: 'er1',
      key_name: 'engineer-signing-key-2',
      public_key_sha256: '1'.repeat(64),
      created_at: T,
      imported_at: T,
    });
    insert(db, 'engineer_certificates', {
      fingerprint: '2'.repeat(64),
      public_key_sha256: '1'.repeat(64),
      der: bytes(900),
      name: '山田 太郎',
      company: '東都メディカル',
      employee_id: 'E-20417',
      not_before: T,
      not_after: T,
      created_at: T,
      key_name: 'engineer-signing-key-2',
      chain: bytes(1500),
    });
    insert(db, 'trusted_roots', { fingerprint: '3'.repeat(64), der: bytes(700), label: '東都メディカル ルート', added_at: T });
    insert(db, 'revocation_lists', {
      sha256: '4'.repeat(64),
      issuer_fingerprint: '3'.repeat(64),
      this_update: T,
      der: bytes(300),
      imported_at: T,
    });
    insert(db, 'timestamp_queue', { certificate_id: 'c1', queued_at: T, attempts: 2, last_error: 'TSA_UNREACHABLE' });
  },
  11: (db) => {
    insert(db, 'erasure_items', {
      job_id: 'j1',
      seq: 3,
      target_index: 0,
      path: '/media/usb/link.dcm',
      kind: 'link',
      size: 0,
      state: 'removed',
      link_count: 2,
      link_target: 'a.dcm',
    });
  },
  12: (db) => {
    insert(db, 'erasure_jobs', {
      id: 'j2',
      created_at: T,
      method: 'zeros-verify',
      scope: 'whole-medium',
      state: 'abandoned',
      targets: '[]',
      runs: 1,
      abandon_reason: '媒体が外された',
      media: '[{"serial":"U-1"}]',
    });
    insert(db, 'erasure_items', {
      job_id: 'j2',
      seq: 1,
      target_index: 0,
      path: '/dev/sdb',
      kind: 'device',
      size: 32e9,
      state: 'pending',
      bad_sectors: 0,
    });
    insert(db, 'erasure_runs', { job_id: 'j1', run: 1, runner: 'app', pid: 4242, started_at: T, ended_at: T, outcome: 'completed' });
    insert(db, 'erasure_runs', { job_id: 'j2', run: 1, runner: 'cli', pid: 4343, started_at: T, outcome: 'interrupted', last_step_at: T });
  },
  13: (db) => {
    insert(db, 'erasure_items', {
      job_id: 'j2',
      seq: 2,
      target_index: 0,
      path: '/dev/sdb',
      kind: 'device',
      size: 32e9,
      state: 'pending',
      sanitize: '{"method":"crypto"}',
    });
  },
  // archive_records is filled by 0015 itself: every certificate issued before it is queued.
  15: (db) => {
    insert(db, 'archive_settings', {
      id: 1,
      endpoint: 'https://s3.ap-northeast-1.amazonaws.com',
      region: 'ap-northeast-1',
      bucket: 'toto-evidence',
      prefix: 'fieldguard',
      company: 'toto-medical',
      retention_mode: 'COMPLIANCE',
      retention_days: 1827,
      access_key_id: 'AKIAEXAMPLE',
      secret_access_key: 'secret',
      updated_at: T,
    });
    insert(db, 'archive_anchors', {
      id: 1,
      audit_seq: 1,
      audit_hash: 'd'.repeat(64),
      object_key: 'fieldguard/toto-medical/E-20417/anchors/a.json',
      version_id: 'v1',
      synced_at: T,
    });
    insert(db, 'archive_incidents', { id: 1, detected_at: T, problem: 'older', archive_seq: 9, local_seq: 4 });
  },
  16: (db) => {
    const plan = { template_id: 'maintenance-visit', site_id: 's1', system_id: 'sys1', visit_date: '2026-04-08', work_order: 'WO-1' };
    insert(db, 'planned_visits', {
      ...plan,
      id: 'pv1',
      purpose: '定期点検',
      data_to_carry: '装置ログ',
      status: 'started',
      run_id: 'r1',
      created_at: T,
      updated_at: T,
    });
    insert(db, 'planned_visits', {
      ...plan,
      id: 'pv2',
      purpose: '部品交換',
      data_to_carry: '',
      status: 'planned',
      created_at: T,
      updated_at: T,
    });
    db.prepare("UPDATE ledger_checkouts SET planned_visit_id = 'pv2' WHERE id = 'co1'").run();
  },
  17: (db) => {
    // One result issued with its certificate, one still waiting for it.
    const summary = (erasureJobId: string) =>
      JSON.stringify({
        erasureJobId,
        state: 'completed',
        status: 'erased',
        filesErased: 2,
        exceptions: 0,
        notErased: 0,
        bytesWritten: 9,
        bytesVerified: 9,
      });
    const site = JSON.stringify({ hospital: '東都病院', department: '', administrator: '佐藤 一郎', reference: 'WO-1' });
    insert(db, 'erasure_results', {
      erasure_job_id: 'j-issued',
      finished_at: T,
      summary: summary('j-issued'),
      site,
      certificate_id: 'c1',
      issued_at: T,
    });
    insert(db, 'erasure_results', {
      erasure_job_id: 'j-pending',
      finished_at: T,
      summary: summary('j-pending'),
      site,
      certificate_id: null,
      issued_at: null,
    });
  },
};

/** Every table and its rows, all columns, in a stable order. */
function snapshot(db: VaultDatabase): Map<string, { columns: string[]; rows: unknown[] }> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((table) => {
      const columns = (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
      return [table, { columns, rows: selectRows(db, table, columns) }];
    }),
  );
}

function selectRows(db: VaultDatabase, table: string, columns: readonly string[]): unknown[] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return db.prepare(`SELECT ${list} FROM ${table} ORDER BY ${list}`).all();
}

/** A scratch database at `version`, with the rows each migration up to it would have met. */
async function databaseAt(version: number): Promise<ScratchDatabase> {
  const scratch = await scratchVaultDatabase('fieldguard-migrations-each-', { migrations: [] });
  for (const migration of migrations.filter((m) => m.version <= version)) {
    migrate(scratch.db, [migration]);
    rowsAfter[migration.version]?.(scratch.db);
  }
  return scratch;
}

const opened: ScratchDatabase[] = [];
afterEach(async () => {
  for (const scratch of opened.splice(0)) await scratch.close();
});

describe('the migration list', () => {
  it('is numbered 1..N without gaps, in order, with unique names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('has one file per migration, NNNN-name.ts, listed in the index', () => {
    const files = readdirSync(path.resolve(import.meta.dirname, '../../electron/db/migrations'))
      .filter((f) => /^\d{4}-/.test(f))
      .sort();
    const expected = migrations.map((m: Migration) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`);
    expect(files).toEqual(expected);
  });
});

describe.each(migrations.map((m) => [m.version, m.name, m] as const))('migration %i (%s) on its own', (version, _name, migration) => {
  it(`takes a vault at ${version - 1} with data to ${version}, intact, keeping every row`, async () => {
    const scratch = await databaseAt(version - 1);
    opened.push(scratch);
    const { db } = scratch;
    const before = snapshot(db);
    // Each table the vault already had holds rows, so the migration really meets data.
    expect([...before].filter(([, t]) => t.rows.length === 0).map(([table]) => table)).toEqual([]);

    expect(migrate(db, [migration])).toBe(version);

    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const after = snapshot(db);
    for (const [table, { columns, rows }] of before) {
      expect(after.get(table)?.columns, `${table} keeps its columns`).toEqual(expect.arrayContaining(columns));
      expect(selectRows(db, table, columns), `${table} keeps its rows`).toEqual(rows);
    }
  });
});

describe('the newest schema', () => {
  it('has representative rows for every table, so the next migration meets data everywhere', async () => {
    const scratch = await databaseAt(migrations.length);
    opened.push(scratch);
    const empty = [...snapshot(scratch.db)].filter(([, t]) => t.rows.length === 0).map(([table]) => table);
    expect(empty).toEqual([]);
    expect(scratch.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a database written by a newer schema with VAULT_SCHEMA_NEWER, and leaves it untouched', async () => {
    const scratch = await scratchVaultDatabase('fieldguard-migrations-newer-', { migrations: [] });
    opened.push(scratch);
    const newer = migrations.length + 1;
    scratch.db.pragma(`user_version = ${newer}`);

    expect(await errorCodeOf(() => migrate(scratch.db))).toBe('VAULT_SCHEMA_NEWER');
    expect(scratch.db.pragma('user_version', { simple: true })).toBe(newer);
    expect(scratch.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
  });
});
