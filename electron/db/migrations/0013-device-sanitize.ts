/**
 * A whole device erased by its own sanitize (issue 14): the device item records the technique
 * the engineer chose (NVMe/ATA crypto or block erase) and, once known, the runner's result —
 * `{ technique, result }` as JSON, result null from just before the command is sent until the
 * device's sanitize log has been read to its end. A resumed job that finds a sanitize started
 * and no result reads the log instead of sending the command again. NULL for an overwrite.
 */
import type { Migration } from '../migrate';

export const migration0013DeviceSanitize: Migration = {
  version: 13,
  name: 'device-sanitize',
  up(db) {
    db.exec('ALTER TABLE erasure_items ADD COLUMN sanitize TEXT CHECK (sanitize IS NULL OR json_valid(sanitize))');
  },
};
