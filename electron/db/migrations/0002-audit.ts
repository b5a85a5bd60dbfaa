/**
 * The audit log (14-2, 14-6; threat model: "the audit log … must not be silently edited"):
 * one row per event, hash-chained and MACed by `core/audit/audit-log.ts`; the chain head
 * (last seq and hash, MACed) lives in `vault_meta` under 'audit_head', written in the same
 * transaction as each entry, so that deleting the last entries is detected too.
 *
 * The triggers make the table append-only for ordinary SQL: no DELETE, no UPDATE of an
 * entry's content, no INSERT at or before the last seq (which also stops INSERT OR REPLACE,
 * whose implicit delete fires no trigger). Only `mac` may be updated: master-key rotation
 * re-MACs every entry, and a changed MAC without the key can only make verification fail,
 * never hide an edit. The triggers are a guard against mistakes, not against an attacker
 * who has the database key (who can drop them): the MACs are the protection.
 */
import type { Migration } from '../migrate';

export const migration0002Audit: Migration = {
  version: 2,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
        time      TEXT NOT NULL CHECK (time GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
        type      TEXT NOT NULL,
        actor     TEXT NOT NULL,
        details   TEXT NOT NULL CHECK (json_valid(details)),
        prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
        hash      BLOB NOT NULL CHECK (length(hash) = 32),
        mac       BLOB NOT NULL CHECK (length(mac) = 32)
      ) STRICT;
      CREATE INDEX audit_log_type_time ON audit_log (type, time);

      CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log
        WHEN NEW.seq <= (SELECT coalesce(max(seq), 0) FROM audit_log)
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE OF seq, time, type, actor, details, prev_hash, hash ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
