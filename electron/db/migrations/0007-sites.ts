/**
 * Sites, their systems and the systems' dedicated maintenance accounts (10-3, 14-2, 8-5, 14-7),
 * and the periodic account reviews. A system's ports and data locations (GUIDELINE.md §5,
 * edited per site) are kept as JSON. An account's password is sealed with the vault's
 * account-secrets key (AES-256-GCM, the account id as AAD) before it reaches this table;
 * deleting the row under secure_delete destroys it. Children keep their parent: a site with
 * systems, or a system with accounts, cannot be deleted (the service says so first).
 */
import type { Migration } from '../migrate';

export const migration0007Sites: Migration = {
  version: 7,
  name: 'sites',
  up(db) {
    db.exec(`
      CREATE TABLE sites (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL CHECK (length(name) > 0),
        department     TEXT NOT NULL,
        address        TEXT NOT NULL,
        administrator  TEXT NOT NULL CHECK (json_valid(administrator)),
        other_contacts TEXT NOT NULL CHECK (json_valid(other_contacts)),
        notes          TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE systems (
        id             TEXT PRIMARY KEY,
        site_id        TEXT NOT NULL REFERENCES sites (id),
        product        TEXT NOT NULL CHECK (length(product) > 0),
        version        TEXT NOT NULL,
        serial         TEXT NOT NULL,
        host_name      TEXT NOT NULL,
        ports          TEXT NOT NULL CHECK (json_valid(ports)),
        data_locations TEXT NOT NULL CHECK (json_valid(data_locations)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX systems_site ON systems (site_id);

      CREATE TABLE maintenance_accounts (
        id              TEXT PRIMARY KEY,
        system_id       TEXT NOT NULL REFERENCES systems (id),
        user_name       TEXT NOT NULL CHECK (length(user_name) > 0),
        -- nonce ‖ AES-256-GCM ciphertext ‖ tag; NULL while no password is stored.
        secret          BLOB,
        vendor_default  INTEGER NOT NULL CHECK (vendor_default IN (0, 1)),
        disabled        INTEGER NOT NULL CHECK (disabled IN (0, 1)),
        last_changed_at TEXT,
        next_review_at  TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX maintenance_accounts_system ON maintenance_accounts (system_id);
      CREATE INDEX maintenance_accounts_review ON maintenance_accounts (next_review_at);

      -- Each review as decided: who, when, and per account its names and the decision. No secrets.
      CREATE TABLE account_reviews (
        id          TEXT PRIMARY KEY,
        reviewed_at TEXT NOT NULL,
        reviewer    TEXT NOT NULL,
        decisions   TEXT NOT NULL CHECK (json_valid(decisions))
      ) STRICT;
      CREATE INDEX account_reviews_time ON account_reviews (reviewed_at);
    `);
  },
};
