/** The vault's own tables: the engineer's profile, settings, keys, and files in the vault. */
import type { Migration } from '../migrate';

export const migration0001Vault: Migration = {
  version: 1,
  name: 'vault',
  up(db) {
    db.exec(`
      CREATE TABLE vault_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE profile (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        name        TEXT NOT NULL,
        company     TEXT NOT NULL,
        employee_id TEXT NOT NULL,
        title       TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Wrapped (encrypted) private keys, e.g. the engineer's signing key; never plaintext.
      CREATE TABLE wrapped_keys (
        name        TEXT PRIMARY KEY,
        algorithm   TEXT NOT NULL,
        public_key  BLOB NOT NULL,
        wrapped     BLOB NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      -- One row per file in the vault. The content lives encrypted in files/<id>.fgv under its
      -- own key, wrapped here: deleting the row (secure_delete) is the cryptographic erase.
      CREATE TABLE vault_items (
        id           TEXT PRIMARY KEY,
        collection   TEXT NOT NULL,
        name         TEXT NOT NULL,
        relative_path TEXT NOT NULL,
        origin       TEXT NOT NULL,
        size         INTEGER NOT NULL,
        sha256       TEXT NOT NULL,
        modified_at  TEXT,
        imported_at  TEXT NOT NULL,
        wrapped_key  BLOB NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('importing', 'stored', 'erasing'))
      ) STRICT;
      CREATE INDEX vault_items_collection ON vault_items (collection);
    `);
  },
};
