/**
 * Sanitization runs (10-5): each kept whole — every file with its hashes, true type, verdict
 * and reasons, the engine and its database — so that the sign-off can issue the signed report
 * later exactly as the run found things, and the history can show it.
 */
import type { Migration } from '../migrate';

export const migration0006Sanitization: Migration = {
  version: 6,
  name: 'sanitization',
  up(db) {
    db.exec(`
      CREATE TABLE sanitization_runs (
        id             TEXT PRIMARY KEY,
        finished_at    TEXT NOT NULL,
        result         TEXT NOT NULL CHECK (json_valid(result)),
        certificate_id TEXT
      ) STRICT;
      CREATE INDEX sanitization_runs_finished ON sanitization_runs (finished_at);
    `);
  },
};
