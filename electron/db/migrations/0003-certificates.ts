/**
 * Certificates and reports (10-1, 10-5; threat model: "the audit log and certificates …
 * must not be silently edited"), kept inside the encrypted vault database:
 *
 * - `engineer_certificates`: the self-signed X.509 certificate made once for the engineer's
 *   signing key and profile, so every certificate they issue names the same fingerprint;
 * - `certificate_sequences`: the last number used per engineer, kind and year (JST), taken
 *   in one statement so that two certificates never share a number;
 * - `certificates`: each issued certificate, its signed PDF and evidence JSON as issued.
 *   Issued certificates are evidence: a trigger refuses any UPDATE (a guard against
 *   mistakes; the PDF and JSON signatures are the protection).
 */
import type { Migration } from '../migrate';

export const migration0003Certificates: Migration = {
  version: 3,
  name: 'certificates',
  up(db) {
    db.exec(`
      CREATE TABLE engineer_certificates (
        fingerprint       TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        public_key_sha256 TEXT NOT NULL CHECK (length(public_key_sha256) = 64),
        der               BLOB NOT NULL,
        name              TEXT NOT NULL,
        company           TEXT NOT NULL,
        employee_id       TEXT NOT NULL,
        not_before        TEXT NOT NULL,
        not_after         TEXT NOT NULL,
        created_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX engineer_certificates_key ON engineer_certificates (public_key_sha256, created_at);

      CREATE TABLE certificate_sequences (
        employee_id TEXT NOT NULL,
        kind        TEXT NOT NULL,
        year        INTEGER NOT NULL,
        last        INTEGER NOT NULL CHECK (last >= 1),
        PRIMARY KEY (employee_id, kind, year)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE certificates (
        id                 TEXT PRIMARY KEY,
        number             TEXT NOT NULL UNIQUE,
        kind               TEXT NOT NULL CHECK (kind IN ('erasure', 'self-check', 'sanitization', 'visit', 'inventory')),
        issued_at          TEXT NOT NULL,
        title_ja           TEXT NOT NULL,
        title_en           TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL REFERENCES engineer_certificates (fingerprint),
        evidence_sha256    TEXT NOT NULL CHECK (length(evidence_sha256) = 64),
        evidence_json      TEXT NOT NULL CHECK (json_valid(evidence_json)),
        pdf                BLOB NOT NULL,
        stored_at          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX certificates_kind_issued ON certificates (kind, issued_at);

      CREATE TRIGGER certificates_immutable BEFORE UPDATE ON certificates
        BEGIN SELECT RAISE(ABORT, 'issued certificates are immutable'); END;
    `);
  },
};
