/**
 * Erasure results kept until their certificate is issued (issue 19, 10-1). Until now the
 * result of a finished erasure lived only on the screen: leaving it, or an auto-lock, before
 * 発行 lost the way to the certificate. `erasure_results` holds one row per finished erasure —
 * the result exactly as measured (the summary the screen shows, derived from the journal or
 * the crypto-erase record) and the site as recorded when the work started — until a
 * certificate is issued for it; then the row names that certificate.
 *
 * The rules that keep the signed result the measured one live in the schema, not only in the
 * store: a result is never edited (its summary, site and time are fixed when written), a
 * result is issued once (its certificate, once set, never changes), and an issued result is
 * never deleted. Only a result not yet issued may be removed.
 */
import type { Migration } from '../migrate';

export const migration0017ErasureResults: Migration = {
  version: 17,
  name: 'erasure-results',
  up(db) {
    db.exec(`
      CREATE TABLE erasure_results (
        erasure_job_id TEXT PRIMARY KEY,
        finished_at    TEXT NOT NULL,
        summary        TEXT NOT NULL CHECK (json_valid(summary)),
        site           TEXT NOT NULL CHECK (json_valid(site)),
        certificate_id TEXT REFERENCES certificates (id),
        issued_at      TEXT,
        CHECK ((certificate_id IS NULL) = (issued_at IS NULL))
      ) STRICT;
      CREATE INDEX erasure_results_pending ON erasure_results (certificate_id, finished_at);

      CREATE TRIGGER erasure_results_fixed BEFORE UPDATE OF erasure_job_id, finished_at, summary, site ON erasure_results
      BEGIN
        SELECT RAISE(ABORT, 'an erasure result is never edited');
      END;
      CREATE TRIGGER erasure_results_issued_once BEFORE UPDATE OF certificate_id, issued_at ON erasure_results
        WHEN OLD.certificate_id IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'an erasure result is issued once');
      END;
      CREATE TRIGGER erasure_results_issued_kept BEFORE DELETE ON erasure_results
        WHEN OLD.certificate_id IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'an issued erasure result is kept');
      END;
    `);
  },
};
