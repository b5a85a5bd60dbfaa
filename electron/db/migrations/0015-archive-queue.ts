/**
 * The company evidence archive (issue 20), in the vault database:
 *
 * - `archive_settings`: the one archive the company policy names — S3 endpoint, region,
 *   bucket, key prefix, the company's id in the keys, retention (mode, days) and the
 *   engineer's access key. The secret is kept here, inside the encrypted database, never in
 *   a plain file.
 * - `archive_records`: one row per issued document, queued when it is issued and kept after
 *   it is archived: where its PDF and evidence JSON went (key, SHA-256, the version id the
 *   store returned), its state, the attempts and the last error code. Documents issued
 *   before this migration are queued by it, so nothing issued is left out.
 * - `archive_anchors`: every signed anchor sent (the audit log's head and the last number of
 *   each kind at that sync), with where it went.
 * - `archive_incidents`: a rolled-back data folder caught by the archive's anchors.
 */
import type { Migration } from '../migrate';

export const migration0015ArchiveQueue: Migration = {
  version: 15,
  name: 'archive-queue',
  up(db) {
    db.exec(`
      CREATE TABLE archive_settings (
        id                INTEGER PRIMARY KEY CHECK (id = 1),
        endpoint          TEXT NOT NULL,
        region            TEXT NOT NULL,
        bucket            TEXT NOT NULL,
        prefix            TEXT NOT NULL,
        company           TEXT NOT NULL,
        retention_mode    TEXT NOT NULL DEFAULT 'COMPLIANCE' CHECK (retention_mode IN ('COMPLIANCE', 'GOVERNANCE')),
        retention_days    INTEGER NOT NULL DEFAULT 1827 CHECK (retention_days BETWEEN 1 AND 36500),
        access_key_id     TEXT NOT NULL,
        secret_access_key TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE archive_records (
        certificate_id  TEXT PRIMARY KEY REFERENCES certificates (id),
        number          TEXT NOT NULL,
        kind            TEXT NOT NULL,
        state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'archived', 'refused', 'failed')),
        pdf_key         TEXT,
        pdf_sha256      TEXT CHECK (pdf_sha256 IS NULL OR length(pdf_sha256) = 64),
        pdf_version_id  TEXT,
        json_key        TEXT,
        json_sha256     TEXT CHECK (json_sha256 IS NULL OR length(json_sha256) = 64),
        json_version_id TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        queued_at       TEXT NOT NULL,
        archived_at     TEXT
      ) STRICT;
      CREATE INDEX archive_records_state ON archive_records (state, queued_at);

      INSERT INTO archive_records (certificate_id, number, kind, queued_at)
        SELECT id, number, kind, stored_at FROM certificates;

      CREATE TABLE archive_anchors (
        id           INTEGER PRIMARY KEY,
        audit_seq    INTEGER NOT NULL,
        audit_hash   TEXT NOT NULL,
        object_key   TEXT NOT NULL,
        version_id   TEXT NOT NULL,
        synced_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE archive_incidents (
        id           INTEGER PRIMARY KEY,
        detected_at  TEXT NOT NULL,
        problem      TEXT NOT NULL CHECK (problem IN ('older', 'replaced', 'numbers')),
        archive_seq  INTEGER NOT NULL,
        local_seq    INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
