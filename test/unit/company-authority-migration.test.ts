/**
 * Migration 0010 (company authority, issue 13) on a vault made before it, in a real SQLCipher
 * file: the self-signed engineer certificate and the certificates it signed are kept as they
 * were and listed as 「会社の認証なし」, and an issued PDF can from now on only be extended (a
 * document timestamp), never rewritten.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate, listCertificates } from '../../electron/core/certificates/certificate-store';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations/index';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';

let dir: string;
let db: VaultDatabase;
const PDF = randomBytes(4096);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-migration-0010-'));
  db = openVaultDatabase(path.join(dir, 'vault.db'), randomBytes(32), { create: true });
  migrate(
    db,
    migrations.filter((m) => m.version < 10),
  );
  db.exec(
    `INSERT INTO engineer_certificates VALUES ('${'a'.repeat(64)}', '${'b'.repeat(64)}', x'00', '山田 太郎', '東都メディカル', 'E-20417', 't', 't', 't');`,
  );
  db.prepare('INSERT INTO certificates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
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
  migrate(
    db,
    migrations.filter((m) => m.version <= 10),
  );
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migration 0010 (company authority)', () => {
  it('keeps the old engineer certificate as a self-signed one for the vault’s first key, and its documents as 会社の認証なし', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT key_name AS keyName, chain FROM engineer_certificates').get()).toEqual({
      keyName: 'engineer-signing-key',
      chain: null,
    });
    // Read as stored at version 10: today's store reads columns later migrations add.
    expect(pdfOf('c1').equals(PDF)).toBe(true);
  });

  it('lets an issued PDF be extended by an incremental update, and refuses any other change', () => {
    const update = db.prepare('UPDATE certificates SET pdf = ? WHERE id = ?');
    expect(() => update.run(randomBytes(4096), 'c1')).toThrow(/immutable/);
    expect(() => update.run(PDF.subarray(0, 100), 'c1')).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE certificates SET number = 'X' WHERE id = 'c1'").run()).toThrow(/immutable/);
    const extended = Buffer.concat([PDF, Buffer.from('\n% document timestamp\n')]);
    update.run(extended, 'c1');
    expect(pdfOf('c1').equals(extended)).toBe(true);
  });

  it('gives documents that today’s store, after every later migration, lists as 会社の認証なし', () => {
    migrate(db);
    expect(listCertificates(db)).toMatchObject([{ id: 'c1', number: 'E-20417-ER-2026-000001', companyCertified: false }]);
    expect(getCertificate(db, 'c1')?.pdf.equals(pdfOf('c1'))).toBe(true);
  });
});

function pdfOf(id: string): Buffer {
  return (db.prepare('SELECT pdf FROM certificates WHERE id = ?').get(id) as { pdf: Buffer }).pdf;
}
