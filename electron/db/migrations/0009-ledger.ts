/**
 * The media and device ledger (7-7, 7-1, 7-2, 7-10, 12-3, 12-5): the items, their check-outs
 * and returns, disposals, and the inventories (棚卸) with one entry per item counted.
 *
 * Rows are the history: a check-out is never deleted, a return fills in its return columns,
 * a disposal is one row per item. A partial unique index keeps one open check-out per item, so
 * a second check-out is refused by the database even if the service's status check were
 * bypassed. The certificates table is rebuilt once here so that its kind check admits the
 * signed ledger report ('ledger'); rows, index and immutability trigger are carried over
 * (SQLite cannot alter a CHECK, and defensive mode rightly forbids editing the schema text).
 */
import type { Migration } from '../migrate';

export const migration0009Ledger: Migration = {
  version: 9,
  name: 'ledger',
  up(db) {
    // Other tables (procedure reports) reference certificates: dropping it counts their rows as
    // violations, deferred to the commit; putting every row back clears them again, and a row
    // that did not come back fails the whole migration instead of leaving a dangling reference.
    // The copy is an ordinary table, inside the encrypted database, never a TEMP one on disk.
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TABLE certificates_before_ledger AS SELECT * FROM certificates;
      DROP TABLE certificates;
      CREATE TABLE certificates (
        id                 TEXT PRIMARY KEY,
        number             TEXT NOT NULL UNIQUE,
        kind               TEXT NOT NULL CHECK (kind IN ('erasure', 'self-check', 'sanitization', 'visit', 'inventory', 'ledger')),
        issued_at          TEXT NOT NULL,
        title_ja           TEXT NOT NULL,
        title_en           TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL REFERENCES engineer_certificates (fingerprint),
        evidence_sha256    TEXT NOT NULL CHECK (length(evidence_sha256) = 64),
        evidence_json      TEXT NOT NULL CHECK (json_valid(evidence_json)),
        pdf                BLOB NOT NULL,
        stored_at          TEXT NOT NULL
      ) STRICT;
      INSERT INTO certificates (id, number, kind, issued_at, title_ja, title_en, signer_fingerprint, evidence_sha256, evidence_json, pdf, stored_at)
        SELECT id, number, kind, issued_at, title_ja, title_en, signer_fingerprint, evidence_sha256, evidence_json, pdf, stored_at FROM certificates_before_ledger;
      DROP TABLE certificates_before_ledger;
      CREATE INDEX certificates_kind_issued ON certificates (kind, issued_at);
      CREATE TRIGGER certificates_immutable BEFORE UPDATE ON certificates
        BEGIN SELECT RAISE(ABORT, 'issued certificates are immutable'); END;

      CREATE TABLE ledger_items (
        id                       TEXT PRIMARY KEY,
        label                    TEXT NOT NULL UNIQUE CHECK (length(label) > 0),
        type                     TEXT NOT NULL CHECK (type IN ('laptop', 'usb-memory', 'external-hdd', 'external-ssd', 'sd-card', 'optical-disc', 'other')),
        make                     TEXT NOT NULL,
        model                    TEXT NOT NULL,
        serial                   TEXT NOT NULL,
        capacity_bytes           INTEGER CHECK (capacity_bytes IS NULL OR capacity_bytes >= 0),
        encryption               TEXT NOT NULL CHECK (encryption IN ('hardware', 'software', 'none', 'unknown')),
        owner                    TEXT NOT NULL,
        storage_location         TEXT NOT NULL,
        purchase_date            TEXT,
        warranty_end             TEXT,
        notes                    TEXT NOT NULL,
        status                   TEXT NOT NULL CHECK (status IN ('in-store', 'checked-out', 'at-site', 'lost', 'erased', 'disposed')),
        erasure_certificate_id   TEXT REFERENCES certificates (id),
        erasure_linked_at        TEXT,
        created_at               TEXT NOT NULL,
        updated_at               TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_items_serial ON ledger_items (serial);

      CREATE TABLE ledger_checkouts (
        id                      TEXT PRIMARY KEY,
        item_id                 TEXT NOT NULL REFERENCES ledger_items (id),
        checked_out_at          TEXT NOT NULL,
        custodian               TEXT NOT NULL,
        purpose                 TEXT NOT NULL,
        visit_id                TEXT,
        visit_reference         TEXT NOT NULL,
        carries_site_data       INTEGER NOT NULL CHECK (carries_site_data IN (0, 1)),
        permission_administrator TEXT,
        permission_granted_at   TEXT,
        expected_return_date    TEXT NOT NULL,
        at_site_since           TEXT,
        returned_at             TEXT,
        returned_by             TEXT,
        return_state            TEXT CHECK (return_state IS NULL OR return_state IN ('good', 'damaged', 'holds-data')),
        return_note             TEXT NOT NULL DEFAULT '',
        -- 7-1, 7-2: data carried out of a site always has the administrator's permission.
        CHECK (carries_site_data = 0 OR (permission_administrator IS NOT NULL AND permission_granted_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX ledger_checkouts_one_open ON ledger_checkouts (item_id) WHERE returned_at IS NULL;
      CREATE INDEX ledger_checkouts_item ON ledger_checkouts (item_id, checked_out_at);

      CREATE TABLE ledger_disposals (
        item_id       TEXT PRIMARY KEY REFERENCES ledger_items (id),
        disposed_at   TEXT NOT NULL,
        disposed_by   TEXT NOT NULL,
        method        TEXT NOT NULL,
        -- 7-10: recorded only once someone confirmed that nothing readable remains.
        no_readable_data_confirmed INTEGER NOT NULL CHECK (no_readable_data_confirmed = 1),
        note          TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ledger_inventories (
        id                    TEXT PRIMARY KEY,
        started_at            TEXT NOT NULL,
        started_by            TEXT NOT NULL,
        completed_at          TEXT,
        unregistered          TEXT NOT NULL CHECK (json_valid(unregistered)),
        report_certificate_id TEXT REFERENCES certificates (id)
      ) STRICT;
      CREATE UNIQUE INDEX ledger_inventories_one_open ON ledger_inventories (completed_at IS NULL) WHERE completed_at IS NULL;

      CREATE TABLE ledger_inventory_entries (
        inventory_id       TEXT NOT NULL REFERENCES ledger_inventories (id),
        item_id            TEXT NOT NULL REFERENCES ledger_items (id),
        status_at_start    TEXT NOT NULL,
        custodian_at_start TEXT NOT NULL,
        result             TEXT CHECK (result IS NULL OR result IN ('present', 'missing')),
        method             TEXT CHECK (method IS NULL OR method IN ('manual', 'serial')),
        note               TEXT NOT NULL DEFAULT '',
        checked_at         TEXT,
        PRIMARY KEY (inventory_id, item_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
