/**
 * Erasure evidence that is always true (issue 14, 10-1) for links. The journal learns, per
 * planned entry:
 *
 * - `link_count`: how many names (hard links) a file had when it was planned or last checked,
 *   so the certificate can say that a file has a name outside the job — and why it was
 *   therefore not erased — instead of destroying someone else's file;
 * - `link_target`: where a symbolic link (or junction) pointed when it was planned. Links are
 *   never followed; the certificate lists what each removed link pointed to.
 *
 * Names of one file inside a job are the rows that share `file_id` (device:inode), which every
 * job has recorded since migration 0004: the erasure overwrites the file once, through its
 * first name, and removes the others. The index makes finding a file's other names cheap.
 * Jobs recorded before this migration keep NULL in both columns: unknown, and said so.
 */
import type { Migration } from '../migrate';

export const migration0011ErasureLinks: Migration = {
  version: 11,
  name: 'erasure-links',
  up(db) {
    db.exec(`
      ALTER TABLE erasure_items ADD COLUMN link_count INTEGER CHECK (link_count IS NULL OR link_count >= 0);
      ALTER TABLE erasure_items ADD COLUMN link_target TEXT;
      CREATE INDEX erasure_items_file ON erasure_items (job_id, file_id);
    `);
  },
};
