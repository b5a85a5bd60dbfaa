/**
 * Numbered schema migrations, one file each (`migrations/0001-vault.ts`, …), applied in
 * order inside a transaction and recorded in `PRAGMA user_version`. A shipped migration is
 * never edited: a change is a new file. A database already at a version this build does not
 * know was written by a newer FieldGuard: it is refused untouched (VAULT_SCHEMA_NEWER), since
 * running older code on it could lose or misread what the newer schema added.
 */
import { AppError } from '../core/app-error';
import type { VaultDatabase } from './open-vault-database';
import { migrations } from './migrations/index';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: VaultDatabase): void;
}

export function migrate(db: VaultDatabase, list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const supported = Math.max(0, ...list.map((m) => m.version));
  if (current > supported) throw new AppError('VAULT_SCHEMA_NEWER', { found: current, supported });
  const pending = [...list].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
