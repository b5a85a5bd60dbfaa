/**
 * The vault database key reaches SQLCipher as bytes, never as a JS string (issue 17): a real
 * SQLCipher file keyed the way FieldGuard always keyed it (`PRAGMA key="x'<hex>'"`, raw key, no
 * KDF) opens with the bytes form, a re-key by bytes is the same raw key the pragma names, and no
 * pragma or statement FieldGuard runs carries the key's hex.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openVaultDatabase, rekeyDatabase } from '../../electron/db/open-vault-database';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-sqlcipher-key-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** A database keyed by the SQLCipher pragma with the key as hex: the form every existing vault.db was made with. */
function openWithHexPragma(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  return db;
}

function readsRows(open: () => Database.Database): string[] | 'refused' {
  let db: Database.Database | null = null;
  try {
    db = open();
    return (db.prepare('SELECT note FROM notes ORDER BY note').all() as Array<{ note: string }>).map((row) => row.note);
  } catch {
    return 'refused';
  } finally {
    db?.close();
  }
}

describe('the vault database key as bytes', () => {
  it('opens a file made with the hex pragma, and refuses a wrong key', () => {
    const file = path.join(dir, 'vault.db');
    const key = randomBytes(32);
    const made = openWithHexPragma(file, key);
    made.exec("CREATE TABLE notes (note TEXT); INSERT INTO notes VALUES ('点検記録 1')");
    made.close();

    expect(readsRows(() => openVaultDatabase(file, key, { create: false }))).toEqual(['点検記録 1']);
    expect(readsRows(() => openVaultDatabase(file, randomBytes(32), { create: false }))).toBe('refused');
  });

  it('a re-key by bytes is the raw key the pragma names: the file opens under the new key in either form, not under the old', () => {
    const file = path.join(dir, 'vault.db');
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const db = openVaultDatabase(file, oldKey, { create: true, journal: 'delete' });
    db.exec("CREATE TABLE notes (note TEXT); INSERT INTO notes VALUES ('再暗号化')");
    rekeyDatabase(db, newKey);
    db.close();

    expect(readsRows(() => openWithHexPragma(file, newKey))).toEqual(['再暗号化']);
    expect(readsRows(() => openVaultDatabase(file, newKey, { create: false }))).toEqual(['再暗号化']);
    expect(readsRows(() => openVaultDatabase(file, oldKey, { create: false }))).toBe('refused');
  });

  it('no pragma or statement FieldGuard runs carries the key, and the argument buffers are zeroed', () => {
    const key = randomBytes(32);
    const hex = key.toString('hex');
    const texts: string[] = [];
    const passed: Buffer[] = [];
    const proto = Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['pragma', 'exec', 'prepare'] as const) {
      const original = proto[method]!;
      vi.spyOn(proto, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
        texts.push(String(args[0]));
        return original.apply(this, args);
      });
    }
    for (const method of ['key', 'rekey'] as const) {
      const original = proto[method]!;
      vi.spyOn(proto, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
        passed.push(args[0] as Buffer);
        return original.apply(this, args);
      });
    }
    const db = openVaultDatabase(path.join(dir, 'vault.db'), key, { create: true, journal: 'delete' });
    rekeyDatabase(db, randomBytes(32));
    db.close();

    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => text.toLowerCase().includes(hex))).toEqual([]);
    expect(passed).toHaveLength(2);
    for (const argument of passed) expect(argument.every((byte) => byte === 0)).toBe(true);
  });
});
