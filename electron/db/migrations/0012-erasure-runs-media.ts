/**
 * Erasure evidence that is always true (issue 14, 10-1): interruptions, the medium under each
 * target, and whole-medium erasure.
 *
 * - `erasure_runs`: one row per run of a job — the first, and each resumption after a crash,
 *   a `kill -9` or a cancellation — with how it ended. A run found without an end when the next
 *   one starts was interrupted; its last journaled step is the last thing known of it. The
 *   certificate of a resumed job lists every run, so that the whole truth is on one page.
 * - Jobs gain the state 'abandoned' with the engineer's reason (`fieldguard erase --abandon`):
 *   an abandoned job still gets a certificate saying exactly what was and was not erased.
 * - Jobs gain `media`: what was read, at planning, of the volume and device under each target
 *   (file system, mount options, model, serial, transport, rotational…). The NIST SP 800-88
 *   Rev. 2 grade of the certificate is derived from it, and a medium that could not be read
 *   grades no better than partial.
 * - The scope 'whole-medium' and the item kind 'device': a removable device overwritten sector
 *   by sector (or sanitized by its own command), journaled like any job; `bad_sectors` counts
 *   the sectors the device refused to write or read back.
 *
 * SQLite cannot alter a CHECK: both tables are rebuilt, rows and indexes carried over, the
 * foreign key from items to jobs checked at commit (defer_foreign_keys), as 0009 did.
 */
import type { Migration } from '../migrate';

export const migration0012ErasureRunsMedia: Migration = {
  version: 12,
  name: 'erasure-runs-media',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TABLE erasure_items_before_runs AS SELECT * FROM erasure_items;
      CREATE TABLE erasure_jobs_before_runs AS SELECT * FROM erasure_jobs;
      DROP TABLE erasure_items;
      DROP TABLE erasure_jobs;

      CREATE TABLE erasure_jobs (
        id             TEXT PRIMARY KEY,
        created_at     TEXT NOT NULL,
        method         TEXT NOT NULL CHECK (method IN ('random-verify', 'zeros-verify', 'three-pass')),
        scope          TEXT NOT NULL CHECK (scope IN ('files', 'removable-volume', 'whole-medium')),
        state          TEXT NOT NULL CHECK (state IN ('planned', 'running', 'completed', 'aborted', 'abandoned')),
        targets        TEXT NOT NULL CHECK (json_valid(targets)),
        site_reference TEXT,
        started_at     TEXT,
        finished_at    TEXT,
        runs           INTEGER NOT NULL DEFAULT 0,
        abandon_reason TEXT,
        -- One medium per target, as read at planning; NULL for jobs planned before this migration.
        media          TEXT CHECK (media IS NULL OR json_valid(media)),
        CHECK ((state = 'abandoned') = (abandon_reason IS NOT NULL))
      ) STRICT;
      INSERT INTO erasure_jobs (id, created_at, method, scope, state, targets, site_reference, started_at, finished_at, runs)
        SELECT id, created_at, method, scope, state, targets, site_reference, started_at, finished_at, runs FROM erasure_jobs_before_runs;
      CREATE INDEX erasure_jobs_state ON erasure_jobs (state);

      CREATE TABLE erasure_items (
        job_id         TEXT NOT NULL REFERENCES erasure_jobs (id) ON DELETE CASCADE,
        seq            INTEGER NOT NULL CHECK (seq >= 1),
        target_index   INTEGER NOT NULL,
        path           TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('file', 'folder', 'link', 'free-space', 'device')),
        size           INTEGER NOT NULL,
        file_id        TEXT,
        sha256_before  TEXT,
        state          TEXT NOT NULL CHECK (state IN ('pending', 'overwritten', 'verified', 'removed', 'exception')),
        exception_code TEXT,
        passes_done    INTEGER NOT NULL DEFAULT 0,
        bytes_written  INTEGER NOT NULL DEFAULT 0,
        bytes_verified INTEGER NOT NULL DEFAULT 0,
        read_back      TEXT CHECK (read_back IN ('direct', 'cached')),
        renamed_to     TEXT,
        observations   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(observations)),
        started_at     TEXT,
        finished_at    TEXT,
        link_count     INTEGER CHECK (link_count IS NULL OR link_count >= 0),
        link_target    TEXT,
        bad_sectors    INTEGER CHECK (bad_sectors IS NULL OR bad_sectors >= 0),
        PRIMARY KEY (job_id, seq),
        CHECK ((state = 'exception') = (exception_code IS NOT NULL))
      ) STRICT;
      INSERT INTO erasure_items (job_id, seq, target_index, path, kind, size, file_id, sha256_before, state, exception_code, passes_done,
          bytes_written, bytes_verified, read_back, renamed_to, observations, started_at, finished_at, link_count, link_target)
        SELECT job_id, seq, target_index, path, kind, size, file_id, sha256_before, state, exception_code, passes_done,
          bytes_written, bytes_verified, read_back, renamed_to, observations, started_at, finished_at, link_count, link_target FROM erasure_items_before_runs;
      CREATE INDEX erasure_items_file ON erasure_items (job_id, file_id);
      DROP TABLE erasure_items_before_runs;
      DROP TABLE erasure_jobs_before_runs;

      CREATE TABLE erasure_runs (
        job_id     TEXT NOT NULL REFERENCES erasure_jobs (id) ON DELETE CASCADE,
        run        INTEGER NOT NULL CHECK (run >= 1),
        runner     TEXT NOT NULL CHECK (runner IN ('app', 'cli')),
        -- The process that ran it, so that another process can tell a run still going on (its
        -- process alive) from one a crash or a kill ended, before resuming or abandoning the job.
        pid        INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        -- NULL while the run is going on, and for ever for a run a crash or a kill ended.
        ended_at   TEXT,
        outcome    TEXT CHECK (outcome IS NULL OR outcome IN ('completed', 'cancelled', 'interrupted', 'abandoned')),
        -- For an interrupted run: the time of its last journaled step, the last thing known of it.
        last_step_at TEXT,
        PRIMARY KEY (job_id, run)
      ) STRICT;
    `);
  },
};
