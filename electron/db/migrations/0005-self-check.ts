/**
 * The self-check's history and the readiness overrides (7-4, 8-2, 8-3, 7-3, 13-13): every
 * run is kept whole (results, evidence, the policy that judged it) so that it can be shown,
 * reported and signed later exactly as it was; an override of the readiness gate keeps the
 * engineer's reason for the visit report and the audit log.
 */
import type { Migration } from '../migrate';

export const migration0005SelfCheck: Migration = {
  version: 5,
  name: 'self-check',
  up(db) {
    db.exec(`
      CREATE TABLE self_check_runs (
        id             TEXT PRIMARY KEY,
        finished_at    TEXT NOT NULL,
        overall        TEXT NOT NULL CHECK (overall IN ('pass', 'fail')),
        run            TEXT NOT NULL CHECK (json_valid(run)),
        certificate_id TEXT
      ) STRICT;
      CREATE INDEX self_check_runs_finished ON self_check_runs (finished_at);

      CREATE TABLE readiness_overrides (
        id         TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        reason     TEXT NOT NULL CHECK (length(reason) > 0),
        context    TEXT NOT NULL,
        -- The latest self-check at the time, if there was one.
        run_id     TEXT
      ) STRICT;
    `);
  },
};
