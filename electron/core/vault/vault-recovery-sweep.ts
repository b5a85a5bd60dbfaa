/**
 * Runs at every unlock and finishes what a crash, a power cut or a closed lid interrupted:
 * an import's row and partial ciphertext are removed (undone), an erase is completed
 * (done), a ciphertext with no row is shredded, and a half-written export's plaintext is
 * shredded. After it, the vault holds exactly the items that were completely stored.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';
import { ciphertextPath, destroyItem, pendingExports, setPendingExports } from './vault-items';
import { shredFile } from './shred-file';
import { filesDir, type VaultSession } from './vault-session';

/**
 * `keepOrphans`: the database is older than this laptop last saw it (rollback-anchor.ts), so a
 * ciphertext it does not know may be an item imported since — kept for the engineer, not shredded.
 */
export async function recoverInterruptedWork(session: VaultSession, log: Logger, options: { keepOrphans?: boolean } = {}): Promise<void> {
  const rows = session.db.prepare("SELECT id, state, size, sha256 FROM vault_items WHERE state != 'stored'").all() as Array<{
    id: string;
    state: 'importing' | 'erasing';
    size: number;
    sha256: string;
  }>;
  for (const row of rows) {
    if (row.state === 'importing') {
      session.db.prepare('DELETE FROM vault_items WHERE id = ?').run(row.id);
      await shredFile(ciphertextPath(session, row.id));
      await shredFile(`${ciphertextPath(session, row.id)}.partial`);
    } else {
      await destroyItem(session, row.id, { bytes: row.size, sha256: row.sha256, resumed: true });
    }
  }

  const known = new Set((session.db.prepare('SELECT id FROM vault_items').all() as Array<{ id: string }>).map((r) => `${r.id}.fgv`));
  let orphans = 0;
  for (const entry of await readdir(filesDir(session.dataDir)).catch(() => [] as string[])) {
    if (known.has(entry) || options.keepOrphans) continue;
    await shredFile(path.join(filesDir(session.dataDir), entry));
    orphans += 1;
  }

  const exports = pendingExports(session);
  for (const partial of exports) await shredFile(partial).catch(() => false);
  if (exports.length > 0) setPendingExports(session, []);

  if (rows.length + orphans + exports.length > 0) {
    log.warn('vault.recovered-interrupted-work', { rows: rows.length, orphans, exports: exports.length });
  }
}
