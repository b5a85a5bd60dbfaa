/**
 * Guided procedures (visits, decommissionings, incident responses): one row per run and one
 * per closed step. A run names its template and the template's version, so a report written
 * years later still reads the steps it was run with. Step values, attachments (vault item ids
 * with their SHA-256) and automatic-check outcomes are JSON; a signature is the PNG as drawn.
 * A completed or abandoned run is frozen by a trigger: its evidence cannot be edited afterwards.
 */
import type { Migration } from '../migrate';

export const migration0008Procedures: Migration = {
  version: 8,
  name: 'procedures',
  up(db) {
    db.exec(`
      CREATE TABLE procedure_runs (
        id               TEXT PRIMARY KEY,
        reference        TEXT NOT NULL UNIQUE,
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        site_id          TEXT NOT NULL REFERENCES sites (id),
        system_id        TEXT REFERENCES systems (id),
        status           TEXT NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
        started_at       TEXT NOT NULL,
        closed_at        TEXT,
        report_id        TEXT REFERENCES certificates (id),
        abandon_reason   TEXT
      ) STRICT;
      CREATE INDEX procedure_runs_status ON procedure_runs (status, started_at);

      CREATE TABLE procedure_steps (
        run_id       TEXT NOT NULL REFERENCES procedure_runs (id),
        step_id      TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('done', 'not-applicable')),
        field_values TEXT NOT NULL CHECK (json_valid(field_values)),
        attachments  TEXT NOT NULL CHECK (json_valid(attachments)),
        signer       TEXT CHECK (signer IS NULL OR json_valid(signer)),
        signature    BLOB,
        check_outcome TEXT CHECK (check_outcome IS NULL OR json_valid(check_outcome)),
        reason       TEXT,
        override_id  TEXT REFERENCES readiness_overrides (id),
        closed_at    TEXT NOT NULL,
        closed_by    TEXT NOT NULL,
        PRIMARY KEY (run_id, step_id)
      ) STRICT, WITHOUT ROWID;

      -- The last outcome of each automatic check, also when it failed, so the screen can say why.
      CREATE TABLE procedure_checks (
        run_id   TEXT NOT NULL REFERENCES procedure_runs (id),
        step_id  TEXT NOT NULL,
        outcome  TEXT NOT NULL CHECK (json_valid(outcome)),
        PRIMARY KEY (run_id, step_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER procedure_steps_frozen_insert BEFORE INSERT ON procedure_steps
        WHEN (SELECT status FROM procedure_runs WHERE id = NEW.run_id) <> 'in-progress'
        BEGIN SELECT RAISE(ABORT, 'a closed run cannot change'); END;
      CREATE TRIGGER procedure_steps_frozen_update BEFORE UPDATE ON procedure_steps
        WHEN (SELECT status FROM procedure_runs WHERE id = OLD.run_id) <> 'in-progress'
        BEGIN SELECT RAISE(ABORT, 'a closed run cannot change'); END;
      CREATE TRIGGER procedure_steps_frozen_delete BEFORE DELETE ON procedure_steps
        WHEN (SELECT status FROM procedure_runs WHERE id = OLD.run_id) <> 'in-progress'
        BEGIN SELECT RAISE(ABORT, 'a closed run cannot change'); END;
      CREATE TRIGGER procedure_runs_frozen BEFORE UPDATE ON procedure_runs
        WHEN OLD.status <> 'in-progress'
        BEGIN SELECT RAISE(ABORT, 'a closed run cannot change'); END;
    `);
  },
};
