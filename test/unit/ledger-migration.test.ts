/**
 * Migration 0009 on a vault that already has certificates — one of them referenced by a
 * procedure run (0008) — in a real SQLCipher file: every certificate is kept byte for byte,
 * the reference still holds, issued certificates stay immutable, and the new kind 'ledger'
 * is accepted. A certificate that did not survive the rebuild would fail the migration.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations/index';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';

let dir: string;
let db: VaultDatabase;
const PDF = randomBytes(4096);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-migration-'));
  db = openVaultDatabase(path.join(dir, 'vault.db'), randomBytes(32), { create: true });
  migrate(
    db,
    migrations.filter((m) => m.version < 9),
  );
  db.exec(`
    INSERT INTO engineer_certificates VALUES ('${'a'.repeat(64)}', '${'b'.repeat(64)}', x'00', '山田 太郎', '東都メディカル', 'E-20417', 't', 't', 't');
    INSERT INTO sites (id, name, department, address, administrator, other_contacts, notes, created_at, updated_at) VALUES ('s1', '東都病院', '', '', '{}', '[]', '', 't', 't');
  `);
  const insert = db.prepare('INSERT INTO certificates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  insert.run(
    'c1',
    'E-20417-ER-2026-000001',
    'erasure',
    '2026-04-01T00:00:00.000Z',
    '消去',
    'Erasure',
    'a'.repeat(64),
    'c'.repeat(64),
    '{"x":1}',
    PDF,
    't',
  );
  insert.run(
    'c2',
    'E-20417-VR-2026-000001',
    'visit',
    '2026-04-02T00:00:00.000Z',
    '訪問',
    'Visit',
    'a'.repeat(64),
    'd'.repeat(64),
    '{"y":2}',
    PDF,
    't',
  );
  db.prepare(
    "INSERT INTO procedure_runs (id, reference, template_id, template_version, site_id, status, started_at, report_id) VALUES ('r1', 'P-1', 'visit', 1, 's1', 'in-progress', 't', 'c2')",
  ).run();
  expect(db.pragma('user_version', { simple: true })).toBe(8);
  migrate(
    db,
    migrations.filter((m) => m.version <= 9),
  );
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migration 0009 (ledger)', () => {
  it('keeps every certificate as it was, and the procedure run’s reference to its report', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    const rows = db.prepare('SELECT id, kind, pdf FROM certificates ORDER BY id').all() as Array<{ id: string; kind: string; pdf: Buffer }>;
    expect(rows.map((r) => [r.id, r.kind])).toEqual([
      ['c1', 'erasure'],
      ['c2', 'visit'],
    ]);
    expect(rows.every((r) => r.pdf.equals(PDF))).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare("DELETE FROM certificates WHERE id = 'c2'").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'certificates_before_ledger'").pluck().get()).toBe(0);
  });

  it('still refuses to edit an issued certificate, and now accepts the kind "ledger" but no unknown kind', () => {
    expect(() => db.prepare("UPDATE certificates SET title_en = 'x' WHERE id = 'c1'").run()).toThrow(/immutable/);
    const insert = db.prepare("INSERT INTO certificates VALUES (?, ?, ?, 't', 'j', 'e', ?, ?, '{}', x'00', 't')");
    expect(() => insert.run('c3', 'E-20417-LG-2026-000001', 'ledger', 'a'.repeat(64), 'e'.repeat(64))).not.toThrow();
    expect(() => insert.run('c4', 'E-20417-XX-2026-000001', 'invoice', 'a'.repeat(64), 'f'.repeat(64))).toThrow(/CHECK/);
  });
});
