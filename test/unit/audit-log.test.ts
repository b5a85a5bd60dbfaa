/**
 * The audit log as an auditor would check it (14-2, 14-6), on real SQLCipher files: what was
 * recorded comes back, an edited, deleted, reordered or truncated log is caught and the place
 * named, the MAC key matters, key rotation re-MACs, and the CSV export opens safely in Excel.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditDetails, type AuditEventType, type AuditLog } from '../../electron/core/audit/audit-log';
import { AppError } from '../../electron/core/app-error';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';

let dir: string;
const open: VaultDatabase[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-audit-'));
});
afterAll(async () => {
  for (const db of open) if (db.open) db.close();
  await rm(dir, { recursive: true, force: true });
});

interface Vault {
  readonly file: string;
  readonly dbKey: Buffer;
  readonly db: VaultDatabase;
  readonly macKey: Buffer;
  readonly log: AuditLog;
}

/** A clock that hands out the given instants, then one second later each time. */
function clock(...times: string[]): () => Date {
  let last = Date.parse(times[0] ?? '2025-04-01T00:00:00.000Z') - 1000;
  return () => {
    const next = times.shift();
    last = next === undefined ? last + 1000 : Date.parse(next);
    return new Date(last);
  };
}

function newVault(now?: () => Date): Vault {
  const file = path.join(dir, `vault-${randomBytes(6).toString('hex')}.db`);
  const dbKey = randomBytes(32);
  const db = openVaultDatabase(file, dbKey, { create: true });
  open.push(db);
  migrate(db);
  const macKey = randomBytes(32);
  return { file, dbKey, db, macKey, log: createAuditLog(db, macKey, now) };
}

/** A vault with n entries, appended inside one outer transaction (each append a savepoint). */
function vaultWith(n: number): Vault {
  const vault = newVault(clock());
  vault.db.transaction(() => {
    for (let i = 1; i <= n; i += 1) vault.log.append('vault.item-imported', 'engineer:yamada', { name: `file-${i}.dcm`, size: i * 100 });
  })();
  return vault;
}

function dropTriggers(db: VaultDatabase): void {
  for (const name of ['audit_log_append_only_insert', 'audit_log_append_only_update', 'audit_log_append_only_delete']) {
    db.exec(`DROP TRIGGER ${name}`);
  }
}

const columns = ['time', 'type', 'actor', 'details', 'prev_hash', 'hash', 'mac'] as const;

describe('what was recorded comes back', () => {
  it('lists entries newest first, with their time, type, actor and details', () => {
    const { log } = newVault(clock('2025-04-01T00:00:00.000Z', '2025-04-01T00:05:00.250Z', '2025-04-01T00:06:00.000Z'));
    const first = log.append('vault.created', 'engineer:yamada');
    log.append('vault.unlocked', 'engineer:yamada', { method: 'password' });
    log.append('vault.item-imported', 'engineer:yamada', { name: 'CT_画像_0001.dcm', size: 1234, encrypted: true, note: null });

    expect(first).toEqual({ seq: 1, time: '2025-04-01T00:00:00.000Z', type: 'vault.created', actor: 'engineer:yamada', details: {} });
    const { entries, total } = log.list();
    expect(total).toBe(3);
    expect(entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(entries[0]).toEqual({
      seq: 3,
      time: '2025-04-01T00:06:00.000Z',
      type: 'vault.item-imported',
      actor: 'engineer:yamada',
      details: { name: 'CT_画像_0001.dcm', size: 1234, encrypted: true, note: null },
    });
    expect(entries[1]!.time).toBe('2025-04-01T00:05:00.250Z');
  });

  it('survives closing and reopening the vault file, and still verifies', () => {
    const vault = vaultWith(3);
    vault.db.close();
    const db = openVaultDatabase(vault.file, vault.dbKey, { create: false });
    open.push(db);
    const log = createAuditLog(db, vault.macKey);
    expect(log.verify()).toEqual({ intact: true, entries: 3 });
    expect(log.append('vault.locked', 'system').seq).toBe(4);
    expect(log.verify()).toEqual({ intact: true, entries: 4 });
  });

  describe('filters', () => {
    let log: AuditLog;
    beforeAll(() => {
      ({ log } = newVault(
        clock(
          '2025-03-31T14:59:59.999Z', // 2025-03-31 23:59:59 JST
          '2025-03-31T15:00:00.000Z', // 2025-04-01 00:00:00 JST
          '2025-04-01T02:00:00.000Z',
          '2025-04-01T05:00:00.000Z',
          '2025-04-01T14:59:59.999Z', // 2025-04-01 23:59:59 JST
          '2025-04-01T15:00:00.000Z', // 2025-04-02 00:00:00 JST
        ),
      ));
      log.append('vault.created', 'system');
      log.append('vault.unlocked', 'engineer:yamada', { method: 'password' });
      log.append('vault.item-imported', 'engineer:yamada', { name: 'CT_画像_0001.dcm', size: 1234 });
      log.append('vault.unlock-failed', 'engineer:Suzuki', { reason: 'wrong-password', attempt: 2 });
      log.append('settings.changed', 'engineer:yamada', { key: 'autoLockMinutes', from: 5, to: 10 });
      log.append('vault.locked', 'system', { reason: null });
    });
    const seqs = (filter: Parameters<AuditLog['list']>[0]) => log.list(filter).entries.map((e) => e.seq);

    it('by type', () => {
      expect(seqs({ types: ['vault.unlocked', 'vault.unlock-failed'] })).toEqual([4, 2]);
      expect(seqs({ types: [] })).toEqual([6, 5, 4, 3, 2, 1]);
    });

    it('by date: one JST day, from inclusive and to exclusive', () => {
      const april1 = { from: '2025-04-01T00:00:00+09:00', to: '2025-04-02T00:00:00+09:00' };
      expect(seqs(april1)).toEqual([5, 4, 3, 2]);
      expect(seqs({ from: '2025-04-01T05:00:00Z' })).toEqual([6, 5, 4]);
      expect(seqs({ to: '2025-04-01T05:00:00Z' })).toEqual([3, 2, 1]);
      expect(() => log.list({ from: 'yesterday' })).toThrow();
    });

    it('by text in the actor or a details value, ASCII case-insensitive, Japanese too', () => {
      expect(seqs({ text: 'suzuki' })).toEqual([4]);
      expect(seqs({ text: 'WRONG' })).toEqual([4]);
      expect(seqs({ text: '画像' })).toEqual([3]);
      expect(seqs({ text: '1234' })).toEqual([3]);
      expect(seqs({ text: 'nothing-like-this' })).toEqual([]);
    });

    it('combined, with a page of limit and offset and the total of all matches', () => {
      const filter = { types: ['vault.unlocked', 'vault.item-imported', 'settings.changed'] as AuditEventType[], text: 'yamada' };
      expect(log.list({ ...filter, limit: 2 })).toMatchObject({ total: 3, entries: [{ seq: 5 }, { seq: 3 }] });
      expect(log.list({ ...filter, limit: 2, offset: 2 })).toMatchObject({ total: 3, entries: [{ seq: 2 }] });
      expect(() => log.list({ limit: -1 })).toThrow();
    });
  });

  it('accepts only flat primitive details', () => {
    const { log } = newVault();
    // @ts-expect-error nested objects are not audit details
    expect(() => log.append('settings.changed', 'system', { nested: { a: 1 } })).toThrow();
    // @ts-expect-error nor are arrays
    expect(() => log.append('settings.changed', 'system', { list: [1, 2] })).toThrow();
    expect(() => log.append('settings.changed', 'system', { ratio: Number.NaN })).toThrow();
    // @ts-expect-error an unknown event type
    expect(() => log.append('vault.hacked', 'system')).toThrow();
    expect(log.list().total).toBe(0);
  });
});

describe('the chain', () => {
  it('is exactly the documented one: SHA-256(prev_hash ‖ canonical JSON), HMAC-SHA256 of the hash, a MACed head', () => {
    const { db, log, macKey } = newVault(clock('2025-04-01T00:00:00.000Z'));
    log.append('vault.item-imported', 'engineer:山田', { size: 1, name: 'a"b', ok: true, none: null });
    log.append('vault.locked', 'system');
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, unknown>>;
    let prev = Buffer.alloc(32);
    for (const row of rows) {
      const content = JSON.stringify({
        actor: row.actor,
        details: JSON.parse(row.details as string),
        seq: row.seq,
        time: row.time,
        type: row.type,
      });
      expect(row.details).toBe(JSON.stringify(sortKeys(JSON.parse(row.details as string) as Record<string, unknown>)));
      const hash = createHash('sha256').update(prev).update(content).digest();
      expect(row.prev_hash).toEqual(prev);
      expect(row.hash).toEqual(hash);
      expect(row.mac).toEqual(createHmac('sha256', macKey).update(hash).digest());
      prev = hash;
    }
    expect(rows[0]!.details).toBe('{"name":"a\\"b","none":null,"ok":true,"size":1}');
    const head = JSON.parse(db.prepare(`SELECT value FROM vault_meta WHERE key = 'audit_head'`).pluck().get() as string) as Record<
      string,
      unknown
    >;
    expect(head).toMatchObject({ seq: 2, hash: prev.toString('hex') });
  });

  it('an untouched log verifies, and so does an empty one', () => {
    expect(newVault().log.verify()).toEqual({ intact: true, entries: 0 });
    expect(vaultWith(5).log.verify()).toEqual({ intact: true, entries: 5 });
  });
});

describe('tampering is detected and located', () => {
  it('an edited entry is AUDIT_ENTRY_EDITED at its seq', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    db.prepare(`UPDATE audit_log SET details = '{"name":"other.dcm","size":300}' WHERE seq = 3`).run();
    expect(log.verify()).toEqual({ intact: false, entries: 5, brokenAt: 3, problem: 'AUDIT_ENTRY_EDITED' });
  });

  it('an edit is caught even when the editor recomputes every hash after it (the MACs need the key)', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    const rows = db.prepare('SELECT seq, time, type, actor, details, prev_hash AS prev FROM audit_log ORDER BY seq').all() as Array<{
      seq: number;
      time: string;
      type: string;
      actor: string;
      details: string;
      prev: Buffer;
    }>;
    let prev = rows[1]!.prev;
    for (const row of rows.slice(1)) {
      const details = row.seq === 2 ? '{"name":"innocent.dcm","size":200}' : row.details;
      const content = `{"actor":${JSON.stringify(row.actor)},"details":${details},"seq":${row.seq},"time":${JSON.stringify(row.time)},"type":${JSON.stringify(row.type)}}`;
      const hash = createHash('sha256').update(prev).update(content).digest();
      db.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(details, prev, hash, row.seq);
      prev = hash;
    }
    expect(log.verify()).toMatchObject({ intact: false, brokenAt: 2, problem: 'AUDIT_ENTRY_EDITED' });
  });

  it('a deleted entry in the middle is AUDIT_ENTRY_MISSING at its seq', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(log.verify()).toEqual({ intact: false, entries: 4, brokenAt: 3, problem: 'AUDIT_ENTRY_MISSING' });
  });

  it('a deleted middle entry with the later ones renumbered is still caught', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 3').run();
    expect(log.verify()).toMatchObject({ intact: false, brokenAt: 3 });
  });

  it('the last entry deleted, with the head left alone, is AUDIT_ENTRY_MISSING at its seq', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    expect(log.verify()).toEqual({ intact: false, entries: 4, brokenAt: 5, problem: 'AUDIT_ENTRY_MISSING' });
  });

  it('the last entries deleted together with the head are AUDIT_ENTRY_MISSING after the last one left', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    db.prepare(`DELETE FROM vault_meta WHERE key = 'audit_head'`).run();
    expect(log.verify()).toEqual({ intact: false, entries: 3, brokenAt: 4, problem: 'AUDIT_ENTRY_MISSING' });
  });

  it('the last entry deleted and the head rewritten with that entry’s own MAC is caught', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    const four = db.prepare('SELECT hash, mac FROM audit_log WHERE seq = 4').get() as { hash: Buffer; mac: Buffer };
    const forged = JSON.stringify({ seq: 4, hash: four.hash.toString('hex'), mac: four.mac.toString('hex') });
    db.prepare(`UPDATE vault_meta SET value = ? WHERE key = 'audit_head'`).run(forged);
    expect(log.verify()).toMatchObject({ intact: false, brokenAt: 5, problem: 'AUDIT_ENTRY_MISSING' });
  });

  it('every entry deleted, head left alone, is AUDIT_ENTRY_MISSING from seq 1', () => {
    const { db, log } = vaultWith(3);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log').run();
    expect(log.verify()).toEqual({ intact: false, entries: 0, brokenAt: 1, problem: 'AUDIT_ENTRY_MISSING' });
  });

  it('two swapped entries are AUDIT_ENTRY_EDITED at the first', () => {
    const { db, log } = vaultWith(5);
    dropTriggers(db);
    const read = db.prepare(`SELECT ${columns.join(', ')} FROM audit_log WHERE seq = ?`);
    const write = db.prepare(`UPDATE audit_log SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`);
    const two = read.get(2) as Record<string, unknown>;
    const four = read.get(4) as Record<string, unknown>;
    db.transaction(() => {
      write.run({ ...four, seq: 2 });
      write.run({ ...two, seq: 4 });
    })();
    expect(log.verify()).toEqual({ intact: false, entries: 5, brokenAt: 2, problem: 'AUDIT_ENTRY_EDITED' });
  });

  it('a log does not verify under another MAC key', () => {
    const { db } = vaultWith(3);
    expect(createAuditLog(db, randomBytes(32)).verify()).toMatchObject({ intact: false, brokenAt: 1, problem: 'AUDIT_ENTRY_EDITED' });
  });

  it('appending after a truncation keeps the evidence: the gap still shows', () => {
    const truncated = vaultWith(5);
    dropTriggers(truncated.db);
    truncated.db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    expect(truncated.log.append('vault.unlocked', 'engineer:yamada').seq).toBe(6);
    expect(truncated.log.verify()).toMatchObject({ intact: false, brokenAt: 4, problem: 'AUDIT_ENTRY_MISSING' });

    const headless = vaultWith(5);
    dropTriggers(headless.db);
    headless.db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    headless.db.prepare(`DELETE FROM vault_meta WHERE key = 'audit_head'`).run();
    expect(headless.log.append('vault.unlocked', 'engineer:yamada').seq).toBe(5);
    expect(headless.log.verify()).toMatchObject({ intact: false, brokenAt: 4, problem: 'AUDIT_ENTRY_MISSING' });
  });
});

describe('append-only by construction (the MACs, not the triggers, are the protection)', () => {
  it('plain UPDATE, DELETE and INSERT OR REPLACE of an entry are refused', () => {
    const { db, log } = vaultWith(3);
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_log SET seq = 10 WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          'INSERT OR REPLACE INTO audit_log SELECT seq, time, type, actor, details, prev_hash, hash, mac FROM audit_log WHERE seq = 1 ',
        )
        .run(),
    ).toThrow(/append-only/);
    expect(log.verify()).toEqual({ intact: true, entries: 3 });
  });

  it('only the mac column may be updated (for key rotation), and a changed MAC is caught', () => {
    const { db, log } = vaultWith(3);
    db.prepare('UPDATE audit_log SET mac = ? WHERE seq = 2').run(randomBytes(32));
    expect(log.verify()).toMatchObject({ intact: false, brokenAt: 2, problem: 'AUDIT_ENTRY_EDITED' });
  });
});

describe('master-key rotation', () => {
  it('after remac(newKey) the log verifies under the new key and not under the old one', () => {
    const { db, log, macKey } = vaultWith(2500);
    const newKey = randomBytes(32);
    log.remac(newKey);
    expect(createAuditLog(db, newKey).verify()).toEqual({ intact: true, entries: 2500 });
    expect(createAuditLog(db, macKey).verify()).toMatchObject({ intact: false, brokenAt: 1, problem: 'AUDIT_ENTRY_EDITED' });
    log.append('vault.master-key-rotated', 'engineer:yamada');
    expect(createAuditLog(db, newKey).verify()).toEqual({ intact: true, entries: 2501 });
  });

  it('a broken log is refused, not re-MACed into one that verifies', () => {
    const { db, log, macKey } = vaultWith(3);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    const macs = db.prepare('SELECT mac FROM audit_log ORDER BY seq').pluck().all();
    expect(() => log.remac(randomBytes(32))).toThrow(new AppError('AUDIT_ENTRY_MISSING'));
    expect(db.prepare('SELECT mac FROM audit_log ORDER BY seq').pluck().all()).toEqual(macs);
    expect(createAuditLog(db, macKey).verify()).toMatchObject({ brokenAt: 2, problem: 'AUDIT_ENTRY_MISSING' });
  });
});

describe('CSV export', () => {
  it('is UTF-8 with BOM, has a header, JST and UTC times, RFC 4180 quoting, and neutralises formulas', () => {
    const { log } = newVault(clock('2025-03-31T15:00:00.000Z', '2025-04-01T03:04:05.678Z'));
    log.append('vault.item-exported', 'engineer:山田', { name: 'CT_画像, "最終".dcm', size: 10 });
    const hostile: AuditDetails = { note: '=1+2' };
    log.append('settings.changed', '=HYPERLINK("http://evil.example","開く")', hostile);
    log.append('settings.changed', '+81-90', {});
    log.append('settings.changed', '-2+3', {});
    log.append('settings.changed', '@SUM(A1)', {});

    const csv = log.toCsv();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('seq,time_jst,time_utc,type,actor,details,hash');
    const [, five, four, three, two, one] = lines;
    expect(one).toMatch(
      /^1,2025-04-01 00:00:00 JST,2025-03-31T15:00:00\.000Z,vault\.item-exported,engineer:山田,"\{""name"":""CT_画像, \\""最終\\"".dcm"",""size"":10\}",[0-9a-f]{64}$/,
    );
    expect(two).toMatch(
      /^2,2025-04-01 12:04:05 JST,2025-04-01T03:04:05\.678Z,settings\.changed,"'=HYPERLINK\(""http:\/\/evil\.example"",""開く""\)",/,
    );
    expect(three).toContain(",'+81-90,");
    expect(four).toContain(",'-2+3,");
    expect(five).toContain(",'@SUM(A1),");
    expect(csv).toContain('"{""note"":""=1+2""}"');
  });

  it('exports what list shows for the same filter', () => {
    const { log } = vaultWith(4);
    log.append('vault.locked', 'system');
    const csv = log.toCsv({ types: ['vault.item-imported'], limit: 2 });
    expect(
      csv
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => Number(line.split(',')[0])),
    ).toEqual([4, 3]);
  });
});

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
