/**
 * Certificates a hospital can trust without us (issue 13; threat model "what each answer
 * proves"): the engineer's signing certificates may now come from the company signing
 * authority, documents may gain RFC 3161 timestamps after they were issued, and trust is
 * given to company roots rather than to single engineers.
 *
 * - `engineer_certificates` learns which wrapped key it certifies (`key_name`: the vault's
 *   first key, or a key made for an enrollment request) and, for a company certificate, the
 *   chain up to the root (`chain`, DER certificates concatenated). Self-signed rows keep a
 *   NULL chain: documents signed with them stay readable but are never "genuine".
 * - `enrollment_requests`: each request the engineer exported, with the key it is for, so
 *   that an imported reply is matched to its key and a reply for no request is refused.
 * - `trusted_roots`: company roots this vault trusts, each confirmed by its fingerprint.
 * - `revocation_lists`: CRLs imported from the company, newest per issuer is used.
 * - `timestamp_queue`: documents signed offline, waiting for a document timestamp.
 * - `certificates` may now have its PDF replaced only by a longer PDF that starts with the
 *   old one: an incremental update (a document timestamp) never rewrites what was signed.
 */
import type { Migration } from '../migrate';

export const migration0010CompanyAuthority: Migration = {
  version: 10,
  name: 'company-authority',
  up(db) {
    db.exec(`
      ALTER TABLE engineer_certificates ADD COLUMN key_name TEXT NOT NULL DEFAULT 'engineer-signing-key';
      ALTER TABLE engineer_certificates ADD COLUMN chain BLOB;

      CREATE TABLE enrollment_requests (
        id                TEXT PRIMARY KEY,
        key_name          TEXT NOT NULL UNIQUE,
        public_key_sha256 TEXT NOT NULL CHECK (length(public_key_sha256) = 64),
        created_at        TEXT NOT NULL,
        imported_at       TEXT
      ) STRICT;

      CREATE TABLE trusted_roots (
        fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        der         BLOB NOT NULL,
        label       TEXT NOT NULL,
        added_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE revocation_lists (
        sha256             TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        issuer_fingerprint TEXT NOT NULL CHECK (length(issuer_fingerprint) = 64),
        this_update        TEXT NOT NULL,
        der                BLOB NOT NULL,
        imported_at        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE timestamp_queue (
        certificate_id TEXT PRIMARY KEY REFERENCES certificates (id),
        queued_at      TEXT NOT NULL,
        attempts       INTEGER NOT NULL DEFAULT 0,
        last_error     TEXT
      ) STRICT;

      DROP TRIGGER certificates_immutable;
      CREATE TRIGGER certificates_immutable BEFORE UPDATE ON certificates
        WHEN NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number OR NEW.kind IS NOT OLD.kind OR NEW.issued_at IS NOT OLD.issued_at
          OR NEW.title_ja IS NOT OLD.title_ja OR NEW.title_en IS NOT OLD.title_en OR NEW.signer_fingerprint IS NOT OLD.signer_fingerprint
          OR NEW.evidence_sha256 IS NOT OLD.evidence_sha256 OR NEW.evidence_json IS NOT OLD.evidence_json OR NEW.stored_at IS NOT OLD.stored_at
          OR length(NEW.pdf) <= length(OLD.pdf) OR substr(NEW.pdf, 1, length(OLD.pdf)) IS NOT OLD.pdf
        BEGIN SELECT RAISE(ABORT, 'issued certificates are immutable; a PDF may only be extended by an incremental update'); END;
    `);
  },
};
