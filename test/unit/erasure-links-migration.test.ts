/**
 * Migration 0011 (erasure links, issue 14) on a vault made before it, in a real SQLCipher
 * file: jobs journaled by the earlier version keep every row as it was, gain an unknown
 * (NULL) link count and link target, and their evidence is now true — a completed job in which
 * the earlier version recorded a hard link's second name as "erased, 40 bytes, 0 bytes
 * written" with the SHA-256 of the emptied file now lists that name as the same file, with the
 * file's own hash — and a job that was interrupted before the upgrade resumes and finishes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations/index';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { erasureCertificateDocument } from '../../electron/core/erasure/erasure-certificate';
import { erasureEvidence } from '../../electron/core/erasure/erasure-evidence';
import { listJobItems } from '../../electron/core/erasure/erasure-journal';
import { findInterruptedJobs, resumeJob } from '../../electron/core/erasure/run-erasure-job';

const EMPTY_SHA256 = createHash('sha256').digest('hex');
const CONTENT_SHA256 = 'c'.repeat(64);
let dir: string;
let db: VaultDatabase;
let leftover: string;
let leftoverBody: Buffer;

const insertItem = (values: Record<string, string | number | null>) => {
  const columns = Object.keys(values);
  db.prepare(`INSERT INTO erasure_items (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    ...Object.values(values),
  );
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-migration-0011-'));
  db = openVaultDatabase(path.join(dir, 'vault.db'), randomBytes(32), { create: true });
  migrate(
    db,
    migrations.filter((m) => m.version <= 10),
  );
  // A job the earlier version finished: a hard-linked file's second name hashed after the first had emptied it.
  db.prepare(
    "INSERT INTO erasure_jobs (id, created_at, method, scope, state, targets, site_reference, started_at, finished_at, runs) VALUES ('old', '2026-04-01T00:00:00.000Z', 'random-verify', 'files', 'completed', ?, NULL, '2026-04-01T00:01:00.000Z', '2026-04-01T00:02:00.000Z', 1)",
  ).run(JSON.stringify(['/v']));
  const done = { job_id: 'old', target_index: 0, state: 'removed', read_back: 'direct', passes_done: 1 };
  insertItem({
    ...done,
    seq: 1,
    path: '/v/山田_1.dcm',
    kind: 'file',
    size: 40,
    file_id: '9:100',
    sha256_before: CONTENT_SHA256,
    bytes_written: 4096,
    bytes_verified: 4096,
    observations: '["hard-links-in-job"]',
  });
  insertItem({
    ...done,
    seq: 2,
    path: '/v/山田_2.dcm',
    kind: 'file',
    size: 40,
    file_id: '9:100',
    sha256_before: EMPTY_SHA256,
    bytes_written: 0,
    bytes_verified: 0,
    observations: '["hard-links-in-job"]',
  });
  insertItem({ ...done, seq: 3, path: '/v/link', kind: 'link', size: 7, file_id: '9:101', read_back: null, passes_done: 0 });
  insertItem({ ...done, seq: 4, path: '/v', kind: 'folder', size: 4096, file_id: '9:102', read_back: null, passes_done: 0 });
  // A job the earlier version was running when the laptop was upgraded: a real file, still to erase.
  leftover = path.join(dir, 'target', '山田_3.dcm');
  leftoverBody = randomBytes(20_000);
  await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(leftover)));
  await writeFile(leftover, leftoverBody);
  const info = await stat(leftover, { bigint: true });
  db.prepare(
    "INSERT INTO erasure_jobs (id, created_at, method, scope, state, targets, site_reference, started_at, runs) VALUES ('running', 't0', 'random-verify', 'files', 'running', ?, NULL, 't1', 1)",
  ).run(JSON.stringify([leftover]));
  insertItem({
    job_id: 'running',
    seq: 1,
    target_index: 0,
    path: leftover,
    kind: 'file',
    size: 20_000,
    file_id: `${info.dev}:${info.ino}`,
    sha256_before: null,
    state: 'pending',
    observations: '[]',
  });
  migrate(db);
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migration 0011 (erasure links)', () => {
  it('adds the link count, the link target and an index on device:inode, and keeps every row as it was', () => {
    // Migrated to the newest version: 0012 rebuilt both tables, and every row below must still be as it was.
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const columns = (db.prepare('PRAGMA table_info(erasure_items)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['link_count', 'link_target']));
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'erasure_items_file'").pluck().get()).toBe(1);
    expect(
      listJobItems(db, 'old').map((i) => [i.seq, i.state, i.sha256Before, i.bytesWritten, i.linkCount, i.linkTarget, i.otherNameOf]),
    ).toEqual([
      [1, 'removed', CONTENT_SHA256, 4096, null, null, null],
      [2, 'removed', EMPTY_SHA256, 0, null, null, 1],
      [3, 'removed', null, 0, null, null, null],
      [4, 'removed', null, 0, null, null, null],
    ]);
    expect(() => db.prepare("UPDATE erasure_items SET link_count = -1 WHERE job_id = 'old' AND seq = 1").run()).toThrow(/CHECK/);
  });

  it('gives an old job’s hard-linked names the file’s own hash — never the emptied file’s — and says what was not recorded', () => {
    const evidence = erasureEvidence(db, 'old', { toolVersion: 'test' });
    expect(evidence.items.some((i) => i.sha256Before === EMPTY_SHA256)).toBe(false);
    expect(evidence.items[1]).toMatchObject({
      path: '/v/山田_2.dcm',
      sha256Before: CONTENT_SHA256,
      sameFileAs: 1,
      outcome: 'erased',
      bytesWritten: 0,
      names: ['/v/山田_1.dcm', '/v/山田_2.dcm'],
    });
    expect(evidence.hardLinks).toEqual([
      expect.objectContaining({
        device: '9',
        inode: '100',
        names: ['/v/山田_1.dcm', '/v/山田_2.dcm'],
        linkCount: null,
        namesOutsideJob: null,
        bytesWritten: 4096,
        outcome: 'erased',
      }),
    ]);
    expect(evidence.totals).toMatchObject({ files: 1, filesErased: 1, bytesErased: 40, bytesWritten: 4096 });
    expect(evidence.items[2]).toMatchObject({ kind: 'link', linkTarget: null, outcome: 'removed' });
    const site = { hospital: '東都病院', department: '', administrator: '', reference: '' };
    const document = erasureCertificateDocument(
      { files: evidence, vault: [], toolVersion: 'test' },
      site,
      { name: '山田 太郎', company: '東都', employeeId: 'E-1', title: '' },
      'laptop',
      'N-1',
      new Date(),
      null,
    );
    const rows = document.sections.flatMap((s) => s.table?.rows ?? []).map((r) => r.join(' '));
    expect(rows.find((r) => r.includes('link'))).toContain('記録なし / not recorded');
    expect(rows.find((r) => r.includes('2 / '))).toContain('不明 unknown');
  });

  it('resumes a job interrupted before the upgrade, recording the new facts as it goes', async () => {
    expect(findInterruptedJobs(db).map((j) => j.id)).toEqual(['running']);
    const summary = await resumeJob(db, 'running');
    expect(summary).toMatchObject({ state: 'completed', filesErased: 1, exceptions: 0 });
    const evidence = erasureEvidence(db, 'running', { toolVersion: 'test' });
    expect(evidence.items[0]).toMatchObject({
      outcome: 'erased',
      sha256Before: createHash('sha256').update(leftoverBody).digest('hex'),
      size: 20_000,
    });
    await expect(stat(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
