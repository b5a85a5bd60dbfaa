/**
 * Opens the vault database: SQLCipher 4 (better-sqlite3-multiple-ciphers) keyed with a raw
 * 256-bit key derived from the master key — never a passphrase, so SQLCipher's own KDF is
 * skipped (the password already went through Argon2id). `secure_delete` overwrites deleted
 * content, so a crypto-erased file key does not linger in free pages (7-3, 10-1).
 */
import Database from 'better-sqlite3-multiple-ciphers';

export type VaultDatabase = Database.Database;

export function openVaultDatabase(file: string, rawKey: Buffer, options: { create: boolean; journal?: 'wal' | 'delete' }): VaultDatabase {
  if (rawKey.length !== 32) throw new Error('the database key must be 256 bits');
  const db = new Database(file, { fileMustExist: !options.create });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${rawKey.toString('hex')}'"`);
    // The first read fails with SQLITE_NOTADB when the key is wrong or the header is damaged.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma(`journal_mode = ${options.journal === 'delete' ? 'DELETE' : 'WAL'}`);
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Tells a damaged or edited database file apart from a wrong key. SQLCipher's
 * `cipher_integrity_check` is not implemented by SQLite3 Multiple Ciphers (it returns no
 * rows), so this reads every page with `quick_check`: with the right key, a page whose
 * HMAC does not match fails the read as SQLITE_CORRUPT.
 */
export function isDatabaseIntact(db: VaultDatabase): boolean {
  try {
    const rows = db.pragma('quick_check') as Array<Record<string, unknown>>;
    return rows.length === 1 && Object.values(rows[0] ?? {})[0] === 'ok';
  } catch {
    return false;
  }
}
