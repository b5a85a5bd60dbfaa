/**
 * The erasure journal (10-1): one row per job and one per item it will erase, written before
 * anything is overwritten and updated after every step, so that a job interrupted by a crash
 * or a power cut is found at the next start and finished from where it stood, and so that the
 * certificate can list exactly what was erased, how, and what was not. The stream key of a
 * job is never stored: a resumed job draws a new one for what is left.
 */
import type { Migration } from '../migrate';

export const migration0004Erasure: Migration = {
  version: 4,
  name: 'erasure',
  up(db) {
    db.exec(`
      CREATE TABLE erasure_jobs (
        id             TEXT PRIMARY KEY,
        created_at     TEXT NOT NULL,
        method         TEXT NOT NULL CHECK (method IN ('random-verify', 'zeros-verify', 'three-pass')),
        scope          TEXT NOT NULL CHECK (scope IN ('files', 'removable-volume')),
        state          TEXT NOT NULL CHECK (state IN ('planned', 'running', 'completed', 'aborted')),
        targets        TEXT NOT NULL CHECK (json_valid(targets)),
        site_reference TEXT,
        started_at     TEXT,
        finished_at    TEXT,
        -- How many times the job was started: more than one means it was resumed, each run under a new stream key.
        runs           INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX erasure_jobs_state ON erasure_jobs (state);

      CREATE TABLE erasure_items (
        job_id         TEXT NOT NULL REFERENCES erasure_jobs (id) ON DELETE CASCADE,
        seq            INTEGER NOT NULL CHECK (seq >= 1),
        target_index   INTEGER NOT NULL,
        path           TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('file', 'folder', 'link', 'free-space')),
        size           INTEGER NOT NULL,
        -- device:inode at planning; an item whose path now names another file is not touched.
        file_id        TEXT,
        sha256_before  TEXT,
        state          TEXT NOT NULL CHECK (state IN ('pending', 'overwritten', 'verified', 'removed', 'exception')),
        exception_code TEXT,
        passes_done    INTEGER NOT NULL DEFAULT 0,
        bytes_written  INTEGER NOT NULL DEFAULT 0,
        bytes_verified INTEGER NOT NULL DEFAULT 0,
        read_back      TEXT CHECK (read_back IN ('direct', 'cached')),
        -- The random name the entry is renamed to before removal, recorded before the rename.
        renamed_to     TEXT,
        observations   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(observations)),
        started_at     TEXT,
        finished_at    TEXT,
        PRIMARY KEY (job_id, seq),
        CHECK ((state = 'exception') = (exception_code IS NOT NULL))
      ) STRICT;
    `);
  },
};
