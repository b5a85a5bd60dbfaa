/**
 * The erasure journal's schema (migration 0004): it exists after migrating a real SQLCipher
 * database, refuses states the runner never writes, and has no column for the stream key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultDatabase } from '../../electron/db/open-vault-database';
import { scratchVaultDatabase, type ScratchDatabase } from '../support/scratch-database';
import { createJob, getJob, listJobItems, updateItem } from '../../electron/core/erasure/erasure-journal';

let scratch: ScratchDatabase;
let db: VaultDatabase;
beforeAll(async () => {
  scratch = await scratchVaultDatabase('fieldguard-erasure-journal-');
  ({ db } = scratch);
});
afterAll(() => scratch.close());

describe('migration 0004 (erasure journal)', () => {
  it('creates erasure_jobs and erasure_items, with no column that could hold a key', () => {
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns('erasure_jobs')).toEqual(expect.arrayContaining(['id', 'created_at', 'method', 'state', 'targets', 'site_reference']));
    expect(columns('erasure_items')).toEqual(
      expect.arrayContaining([
        'job_id',
        'seq',
        'path',
        'kind',
        'size',
        'sha256_before',
        'state',
        'exception_code',
        'passes_done',
        'bytes_written',
        'bytes_verified',
        'started_at',
        'finished_at',
      ]),
    );
    expect([...columns('erasure_jobs'), ...columns('erasure_items')].filter((c) => /key/i.test(c))).toEqual([]);
  });

  it('round-trips a job and its items, and refuses an exception without a code or an unknown state', () => {
    createJob(db, { id: 'job-1', method: 'three-pass', scope: 'files', targets: ['/x'], siteReference: '東都病院 2024-05' }, [
      { targetIndex: 0, path: '/x/a', kind: 'file', size: 3, fileId: '1:2', sha256Before: 'ab', observations: [], exceptionCode: null },
      {
        targetIndex: 0,
        path: '/x',
        kind: 'folder',
        size: 0,
        fileId: '1:1',
        sha256Before: null,
        observations: [],
        exceptionCode: 'OTHER_FILE_SYSTEM',
      },
    ]);
    expect(getJob(db, 'job-1')).toMatchObject({
      state: 'planned',
      method: 'three-pass',
      targets: ['/x'],
      siteReference: '東都病院 2024-05',
      runs: 0,
    });
    expect(listJobItems(db, 'job-1').map((i) => [i.seq, i.state, i.exceptionCode])).toEqual([
      [1, 'pending', null],
      [2, 'exception', 'OTHER_FILE_SYSTEM'],
    ]);
    updateItem(db, 'job-1', 1, { state: 'overwritten', passesDone: 3, bytesWritten: 12288, observations: ['made-writable'] });
    expect(listJobItems(db, 'job-1')[0]).toMatchObject({
      state: 'overwritten',
      passesDone: 3,
      bytesWritten: 12288,
      observations: ['made-writable'],
    });
    expect(() => updateItem(db, 'job-1', 1, { state: 'exception' })).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE erasure_items SET state = 'erased' WHERE job_id = 'job-1'").run()).toThrow(/CHECK/);
  });
});
