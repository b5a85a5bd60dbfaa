/**
 * The vault's tamper-evident audit log (14-2, 14-6; threat model: "the audit log … must not be
 * silently edited"). Append-only and hash-chained: hash_n = SHA-256(prev_hash_n ‖ canonical
 * JSON of seq, time, type, actor and details), prev_hash_1 = 32 zero bytes, and
 * mac_n = HMAC-SHA256(key, hash_n) with a key from the vault. An edited, deleted or reordered
 * entry is found by `verify()`; the chain head (last seq and hash, MACed) kept in `vault_meta`
 * and written in the same transaction as each entry catches the deletion of the last entries.
 * Details are flat primitives chosen by the caller: never a secret or a file's content.
 */
import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { auditEventTypes, type AuditEventType } from '../../shared/audit';
import { AppError } from '../app-error';
import { csvDocument, jstTimestamp } from '../files/spreadsheet-csv';
import { vaultMetaEntry } from '../vault/vault-meta';

// The event types are declared with the IPC contract, so that screens can filter and translate them.
export { auditEventTypes, type AuditEventType };

/** Flat primitive fields chosen by the caller; never secrets or file contents. */
export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditEntry {
  readonly seq: number;
  /** ISO-8601 UTC with milliseconds, e.g. 2025-04-01T03:04:05.678Z. */
  readonly time: string;
  readonly type: AuditEventType;
  readonly actor: string;
  readonly details: AuditDetails;
}

export interface AuditFilter {
  /** Absent or empty: every type. */
  readonly types?: readonly AuditEventType[];
  /** Inclusive lower bound; any ISO-8601 date or time (an offset such as +09:00 is honoured). */
  readonly from?: string;
  /** Exclusive upper bound, so a day is [from, next day). */
  readonly to?: string;
  /** Substring of the actor or of a details value; ASCII letters match either case. */
  readonly text?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export type AuditVerification =
  | { readonly intact: true; readonly entries: number }
  | {
      readonly intact: false;
      /** Entries present in the log. */
      readonly entries: number;
      /** Seq of the first bad entry, or of the first missing one. */
      readonly brokenAt: number;
      readonly problem: 'AUDIT_ENTRY_EDITED' | 'AUDIT_ENTRY_MISSING';
    };

export interface AuditLog {
  /** Appends one entry and moves the head, in one transaction (a savepoint inside the caller's). */
  append(type: AuditEventType, actor: string, details?: AuditDetails): AuditEntry;
  /** Newest first; `total` counts every entry that matches, ignoring limit and offset. */
  list(filter?: AuditFilter): { readonly entries: readonly AuditEntry[]; readonly total: number };
  /** Walks every entry in seq order (streamed) and the head. */
  verify(): AuditVerification;
  /**
   * The entries `list` would return, as CSV for Excel in Japan: UTF-8 with BOM, CRLF, RFC 4180
   * quoting, time in JST and in UTC, and cells that a spreadsheet would run as a formula
   * prefixed with '.
   */
  toCsv(filter?: AuditFilter): string;
  /**
   * Master-key rotation: checks the log under the current key, then re-MACs every entry and the
   * head under the new one, in one transaction. A broken log is refused (AppError with the
   * problem's code) rather than re-MACed, which would make the tampering verify. Inside a
   * caller's transaction it runs as a savepoint; this object uses the new key as soon as remac
   * returns, so if the caller's transaction then rolls back, discard it and create a new one
   * with the old key.
   */
  remac(newMacKey: Buffer): void;
  /** The last entry's sequence and hash (hex), or null for an empty log: what the keychain anchors (rollback-anchor.ts). */
  head(): { seq: number; hash: string } | null;
  /** The hash (hex) of the entry at `seq`, or null when there is none. */
  hashAt(seq: number): string | null;
}

const HEAD_KEY = 'audit_head';
const ZERO_HASH = Buffer.alloc(32);

interface Head {
  readonly seq: number;
  readonly hash: Buffer;
  /** The head's MAC checks out under the current key. */
  readonly genuine: boolean;
}

interface Problem {
  readonly problem: 'AUDIT_ENTRY_EDITED' | 'AUDIT_ENTRY_MISSING';
  readonly brokenAt: number;
}

interface SeqHash {
  readonly seq: number;
  readonly hash: Buffer;
}

type Row = [seq: number, time: string, type: string, actor: string, details: string, prevHash: Buffer, hash: Buffer, mac: Buffer];

export function createAuditLog(db: VaultDatabase, macKey: Buffer, now: () => Date = () => new Date()): AuditLog {
  let key = macKeyObject(macKey);

  const lastEntry = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const headEntry = vaultMetaEntry(db, HEAD_KEY);
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, time, type, actor, details, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const walkAll = db.prepare('SELECT seq, time, type, actor, details, prev_hash, hash, mac FROM audit_log ORDER BY seq').raw();
  const countAll = db.prepare('SELECT count(*) FROM audit_log').pluck();
  const hashesAfter = db.prepare('SELECT seq, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000');
  const setMac = db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?');
  const hashOf = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();

  function readHead(): Head | undefined {
    const value = headEntry.read();
    if (value === undefined) return undefined;
    try {
      const parsed = JSON.parse(value) as { seq?: unknown; hash?: unknown; mac?: unknown };
      const { seq, hash, mac } = parsed;
      if (!Number.isSafeInteger(seq) || typeof hash !== 'string' || typeof mac !== 'string')
        return { seq: 0, hash: ZERO_HASH, genuine: false };
      const hashBytes = Buffer.from(hash, 'hex');
      const genuine = hashBytes.length === 32 && sameBytes(headMac(key, seq as number, hashBytes), Buffer.from(mac, 'hex'));
      return { seq: seq as number, hash: hashBytes, genuine };
    } catch {
      return { seq: 0, hash: ZERO_HASH, genuine: false };
    }
  }

  function headValue(macKeyObject: KeyObject, seq: number, hash: Buffer): string {
    return JSON.stringify({ seq, hash: hash.toString('hex'), mac: headMac(macKeyObject, seq, hash).toString('hex') });
  }

  const appendInTransaction = db.transaction((type: AuditEventType, actor: string, details: string, time: string) => {
    const last = lastEntry.get() as SeqHash | undefined;
    const head = readHead();
    let seq: number;
    let prevHash: Buffer;
    if (head === undefined && last === undefined) {
      [seq, prevHash] = [1, ZERO_HASH];
    } else if (head?.genuine && (last === undefined || head.seq > last.seq)) {
      // The last entries were deleted: continue after the head, so the gap stays visible.
      [seq, prevHash] = [head.seq + 1, head.hash];
    } else if (head?.genuine && last !== undefined) {
      [seq, prevHash] = [last.seq + 1, last.hash];
    } else {
      // The head is gone or not genuine, so the end of the log cannot be confirmed: leave one
      // seq out on purpose, so that writing a new head does not make the loss verify.
      [seq, prevHash] = [(last?.seq ?? 0) + 2, last?.hash ?? ZERO_HASH];
    }
    const hash = chainHash(prevHash, seq, time, type, actor, details);
    insert.run(seq, time, type, actor, details, prevHash, hash, entryMac(key, hash));
    headEntry.write(headValue(key, seq, hash));
    return seq;
  });

  /** Streams the entries in seq order; the first problem, or how many and the last hash. */
  function walkEntries(): Problem | { readonly entries: number; readonly lastHash: Buffer } {
    let expected = 1;
    let previous: Buffer = ZERO_HASH;
    let problem: Problem | undefined;
    for (const [seq, time, type, actor, details, prevHash, hash, mac] of walkAll.iterate() as IterableIterator<Row>) {
      if (seq !== expected) problem = { problem: 'AUDIT_ENTRY_MISSING', brokenAt: expected };
      else if (!Buffer.isBuffer(prevHash) || !Buffer.isBuffer(hash) || !Buffer.isBuffer(mac))
        problem = { problem: 'AUDIT_ENTRY_EDITED', brokenAt: seq };
      else if (!sameBytes(chainHash(prevHash, seq, time, type, actor, details), hash))
        problem = { problem: 'AUDIT_ENTRY_EDITED', brokenAt: seq };
      else if (!sameBytes(entryMac(key, hash), mac)) problem = { problem: 'AUDIT_ENTRY_EDITED', brokenAt: seq };
      // A genuine entry that does not follow the previous one: what it followed is missing.
      else if (!sameBytes(prevHash, previous)) problem = { problem: 'AUDIT_ENTRY_MISSING', brokenAt: seq };
      // Leaving the loop ends the iteration and resets the statement.
      if (problem !== undefined) return problem;
      previous = hash;
      expected = seq + 1;
    }
    return { entries: expected - 1, lastHash: previous };
  }

  /** Must run inside a transaction, so that the rows and the head are one snapshot. */
  function walk(): AuditVerification {
    const walked = walkEntries();
    const broken = ({ problem, brokenAt }: Problem): AuditVerification => ({
      intact: false,
      entries: countAll.get() as number,
      brokenAt,
      problem,
    });
    if ('problem' in walked) return broken(walked);
    const { entries, lastHash } = walked;
    const head = readHead();
    if (head === undefined && entries === 0) return { intact: true, entries: 0 };
    // No genuine head, or one naming later entries: the end of the log is missing.
    if (head === undefined || !head.genuine || head.seq > entries) return broken({ problem: 'AUDIT_ENTRY_MISSING', brokenAt: entries + 1 });
    // A genuine head older than the log, or naming another hash: it was replaced.
    if (head.seq < entries || !sameBytes(head.hash, lastHash)) return broken({ problem: 'AUDIT_ENTRY_EDITED', brokenAt: entries });
    return { intact: true, entries };
  }

  function select(filter: AuditFilter, columns: string): { sql: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.types !== undefined && filter.types.length > 0) {
      where.push(`type IN (${filter.types.map(() => '?').join(', ')})`);
      params.push(...filter.types);
    }
    if (filter.from !== undefined) {
      where.push('time >= ?');
      params.push(isoBound(filter.from));
    }
    if (filter.to !== undefined) {
      where.push('time < ?');
      params.push(isoBound(filter.to));
    }
    if (filter.text !== undefined && filter.text !== '') {
      const needle = asciiLower(filter.text);
      where.push(
        '(instr(lower(actor), ?) > 0 OR EXISTS (SELECT 1 FROM json_each(audit_log.details) AS d WHERE instr(lower(d.value), ?) > 0))',
      );
      params.push(needle, needle);
    }
    const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    return { sql: `SELECT ${columns} FROM audit_log${clause}`, params };
  }

  function page(filter: AuditFilter, columns: string): { sql: string; params: unknown[] } {
    const { sql, params } = select(filter, columns);
    return { sql: `${sql} ORDER BY seq DESC LIMIT ? OFFSET ?`, params: [...params, count(filter.limit, -1), count(filter.offset, 0)] };
  }

  return {
    head() {
      const last = lastEntry.get() as { seq: number; hash: Buffer } | undefined;
      return last ? { seq: last.seq, hash: last.hash.toString('hex') } : null;
    },
    hashAt(seq) {
      const hash = hashOf.get(seq) as Buffer | undefined;
      return hash ? hash.toString('hex') : null;
    },
    append(type, actor, details = {}) {
      if (!(auditEventTypes as readonly string[]).includes(type)) throw new Error('unknown audit event type');
      if (typeof actor !== 'string' || actor === '') throw new Error('an audit entry needs an actor');
      // A lone UTF-16 surrogate would be stored as U+FFFD and no longer match its hash.
      const storedActor = actor.replace(/\p{Cs}/gu, '\uFFFD');
      const detailsJson = canonicalDetails(details);
      const time = now().toISOString();
      const seq = appendInTransaction(type, storedActor, detailsJson, time);
      return freezeEntry(seq, time, type, storedActor, detailsJson);
    },

    list(filter = {}) {
      const { sql, params } = page(filter, 'seq, time, type, actor, details');
      const rows = db
        .prepare(sql)
        .raw()
        .all(...params) as Array<[number, string, string, string, string]>;
      const counted = select(filter, 'count(*)');
      const total = db
        .prepare(counted.sql)
        .pluck()
        .get(...counted.params) as number;
      return { entries: rows.map((row) => freezeEntry(...row)), total };
    },

    verify() {
      return db.transaction(walk)();
    },

    toCsv(filter = {}) {
      const { sql, params } = page(filter, 'seq, time, type, actor, details, hash');
      const rows = db
        .prepare(sql)
        .raw()
        .all(...params) as Array<[number, string, string, string, string, Buffer]>;
      return csvDocument(
        ['seq', 'time_jst', 'time_utc', 'type', 'actor', 'details', 'hash'],
        rows.map(([seq, time, type, actor, details, hash]) => [
          String(seq),
          jstTimestamp(time),
          time,
          type,
          actor,
          details,
          hash.toString('hex'),
        ]),
      );
    },

    remac(newMacKey) {
      const next = macKeyObject(newMacKey);
      db.transaction(() => {
        const result = walk();
        if (!result.intact) throw new AppError(result.problem);
        let after = 0;
        for (let batch = hashesAfter.all(after) as SeqHash[]; batch.length > 0; batch = hashesAfter.all(after) as SeqHash[]) {
          for (const { seq, hash } of batch) {
            setMac.run(entryMac(next, hash), seq);
            after = seq;
          }
        }
        const last = lastEntry.get() as SeqHash | undefined;
        if (last !== undefined) headEntry.write(headValue(next, last.seq, last.hash));
      })();
      key = next;
    },
  };
}

function macKeyObject(macKey: Buffer): KeyObject {
  if (!Buffer.isBuffer(macKey) || macKey.length < 32) throw new Error('the audit MAC key must be at least 256 bits');
  return createSecretKey(macKey);
}

/**
 * One detail of the entries of a type whose detail `where.field` equals `where.equals`, in log
 * order: how a feature asks the log what happened (e.g. every item ever imported into a
 * folder, erased since or not) without naming the table.
 */
export function auditDetailValues(
  db: VaultDatabase,
  type: AuditEventType,
  field: string,
  where: { readonly field: string; readonly equals: string },
): unknown[] {
  return db
    .prepare('SELECT json_extract(details, ?) FROM audit_log WHERE type = ? AND json_extract(details, ?) = ? ORDER BY seq')
    .pluck()
    .all(`$.${field}`, type, `$.${where.field}`, where.equals);
}

/**
 * Canonical JSON (RFC 8785 for these flat objects): keys sorted by UTF-16 code units, no
 * whitespace, ECMAScript string and number serialisation. Non-finite numbers and nested values
 * are refused: they would not survive the round trip through JSON.
 */
export function canonicalDetails(details: AuditDetails): string {
  const given: unknown = details; // JavaScript callers and parsed JSON are not held to the type
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new Error('audit details must be a flat object');
  const parts: string[] = [];
  for (const name of Object.keys(details).sort()) {
    const value: unknown = details[name];
    const primitive =
      value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!primitive) throw new Error('audit details hold only strings, finite numbers, booleans and null');
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

/** The hashed content of an entry: canonical JSON with keys actor, details, seq, time, type. */
function chainHash(prevHash: Buffer, seq: number, time: string, type: string, actor: string, details: string): Buffer {
  const content = `{"actor":${JSON.stringify(actor)},"details":${details},"seq":${seq},"time":${JSON.stringify(time)},"type":${JSON.stringify(type)}}`;
  return createHash('sha256').update(prevHash).update(content, 'utf8').digest();
}

function entryMac(key: KeyObject, hash: Buffer): Buffer {
  return createHmac('sha256', key).update(hash).digest();
}

/** The head's MAC binds its seq as well as its hash, so an entry's own MAC cannot stand in for it. */
function headMac(key: KeyObject, seq: number, hash: Buffer): Buffer {
  return createHmac('sha256', key)
    .update(`{"hash":"${hash.toString('hex')}","purpose":"fieldguard.audit-head","seq":${seq}}`)
    .digest();
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function freezeEntry(seq: number, time: string, type: string, actor: string, details: string): AuditEntry {
  return Object.freeze({ seq, time, type: type as AuditEventType, actor, details: Object.freeze(JSON.parse(details) as AuditDetails) });
}

function isoBound(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error('an audit filter date must be ISO-8601');
  return new Date(ms).toISOString();
}

function count(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error('limit and offset must be non-negative integers');
  return value;
}

/** SQLite's lower() folds ASCII only; fold the needle the same way. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
