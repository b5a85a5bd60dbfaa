/**
 * Planned visits (issue 19): a visit exists before the trip, like a work order, so that media
 * can be checked out for it and the dashboard can say what to prepare. One row per plan: the
 * site, the system, the procedure, the day (a Japan calendar day), the purpose, the work-order
 * number and the data the site agreed may be carried away. A plan becomes a record once started
 * (it names its run) or cancelled (it keeps the reason); a trigger refuses any change after that,
 * so what was planned for a visit stays as it was when the visit began.
 *
 * A check-out of the media ledger may now name the plan it was for (`planned_visit_id`); the
 * free-text visit reference stays for check-outs made without one and for those made before.
 */
import type { Migration } from '../migrate';

export const migration0016PlannedVisits: Migration = {
  version: 16,
  name: 'planned-visits',
  up(db) {
    db.exec(`
      CREATE TABLE planned_visits (
        id            TEXT PRIMARY KEY,
        template_id   TEXT NOT NULL,
        site_id       TEXT NOT NULL REFERENCES sites (id),
        system_id     TEXT REFERENCES systems (id),
        visit_date    TEXT NOT NULL CHECK (visit_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        purpose       TEXT NOT NULL CHECK (length(purpose) > 0),
        work_order    TEXT NOT NULL,
        data_to_carry TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('planned', 'started', 'cancelled')),
        run_id        TEXT UNIQUE REFERENCES procedure_runs (id),
        cancel_reason TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        CHECK ((status = 'started') = (run_id IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL AND length(cancel_reason) > 0))
      ) STRICT;
      CREATE INDEX planned_visits_next ON planned_visits (status, visit_date);

      CREATE TRIGGER planned_visits_closed BEFORE UPDATE ON planned_visits
        WHEN OLD.status <> 'planned'
        BEGIN SELECT RAISE(ABORT, 'a started or cancelled planned visit cannot change'); END;
      CREATE TRIGGER planned_visits_kept BEFORE DELETE ON planned_visits
        WHEN OLD.status <> 'planned'
        BEGIN SELECT RAISE(ABORT, 'a started or cancelled planned visit is a record'); END;

      ALTER TABLE ledger_checkouts ADD COLUMN planned_visit_id TEXT REFERENCES planned_visits (id);
      CREATE INDEX ledger_checkouts_planned_visit ON ledger_checkouts (planned_visit_id) WHERE planned_visit_id IS NOT NULL;
    `);
  },
};
