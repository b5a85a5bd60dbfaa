/**
 * Opens the vault database: SQLCipher 4 (better-sqlite3-multiple-ciphers) keyed with a raw
 * 256-bit key derived from the master key — never a passphrase, so SQLCipher's own KDF is
 * skipped (the password already went through Argon2id). `secure_delete` overwrites deleted
 * content, so a crypto-erased file key does not linger in free pages (7-3, 10-1).
 *
 * The key reaches SQLite3 Multiple Ciphers as bytes (`db.key(Buffer)`, `db.rekey(Buffer)`) in
 * its binary raw-key form `raw:<32 bytes>`, which skips the KDF exactly as SQLCipher's
 * `x'<hex>'` pragma did — so the key never becomes a JS string (strings cannot be wiped and
 * linger on the V8 heap until collected) and the buffer holding it is zeroed at once (issue 17).
 */
import Database from 'better-sqlite3-multiple-ciphers';

export type VaultDatabase = Database.Database;

export function openVaultDatabase(file: string, rawKey: Buffer, options: { create: boolean; journal?: 'wal' | 'delete' }): VaultDatabase {
  if (rawKey.length !== 32) throw new Error('the database key must be 256 bits');
  const db = new Database(file, { fileMustExist: !options.create });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    keyDatabase(db, rawKey);
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

const RAW_KEY_PREFIX = Buffer.from('raw:', 'latin1');

/** Hands `use` the key as `raw:<32 bytes>` (SQLite3 Multiple Ciphers' binary raw-key form) and zeroes that buffer afterwards. */
function withRawKeyArgument(rawKey: Buffer, use: (argument: Buffer) => unknown): void {
  if (rawKey.length !== 32) throw new Error('the database key must be 256 bits');
  const argument = Buffer.alloc(RAW_KEY_PREFIX.length + rawKey.length);
  try {
    RAW_KEY_PREFIX.copy(argument);
    rawKey.copy(argument, RAW_KEY_PREFIX.length);
    use(argument);
  } finally {
    argument.fill(0);
  }
}

/** Keys an opened (not yet read) database; the cipher must be chosen first. */
export function keyDatabase(db: VaultDatabase, rawKey: Buffer): void {
  withRawKeyArgument(rawKey, (argument) => db.key(argument));
}

/** Re-encrypts a keyed database (journal mode DELETE) under a new raw key. */
export function rekeyDatabase(db: VaultDatabase, rawKey: Buffer): void {
  withRawKeyArgument(rawKey, (argument) => db.rekey(argument));
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
