/**
 * Each feature owns its tables (issue 18): SQL in `electron/**` names a table only in the
 * modules `electron/db/table-owners.ts` gives it; any other feature calls that store. The
 * tables are those the migrations actually leave in a real vault database (not a list kept by
 * hand), so a new table without an owner fails here too. The checker is shown to find a table
 * named from another feature, and to leave alone what is not SQL.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaLayer, tableOwners } from '../../electron/db/table-owners';
import { scratchVaultDatabase, type ScratchDatabase } from '../support/scratch-database';
import { ownershipFindings, tablesNamedInSql, type SourceFile } from '../support/table-ownership';

const root = path.resolve(import.meta.dirname, '../..');

/** Every TypeScript source under electron/ in the working tree (a new file fails before it is committed), as the checker reads it. */
function electronSources(): SourceFile[] {
  return readdirSync(path.join(root, 'electron'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
    .map((file) => ({ path: file, text: readFileSync(path.join(root, file), 'utf8') }));
}

let scratch: ScratchDatabase;
let tables: string[];
let sources: SourceFile[];

beforeAll(async () => {
  sources = electronSources();
  scratch = await scratchVaultDatabase('fieldguard-table-ownership-');
  tables = scratch.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
});
afterAll(async () => {
  await scratch.close();
});

describe('the table owners', () => {
  it('name one owner for every table the migrations make, and no table they do not', () => {
    expect(tables.length).toBeGreaterThan(20);
    expect(Object.keys(tableOwners).sort()).toEqual(tables);
  });

  it('are modules that exist, each sharing a table only within the store’s own feature folder', () => {
    for (const [table, owner] of Object.entries(tableOwners)) {
      for (const file of [owner.store, ...(owner.alsoIn ?? [])]) expect(existsSync(path.join(root, file)), `${table}: ${file}`).toBe(true);
      const feature = path.posix.dirname(owner.store);
      expect(
        (owner.alsoIn ?? []).filter((file) => path.posix.dirname(file) !== feature),
        table,
      ).toEqual([]);
    }
  });
});

describe('the source tree', () => {
  it('names each table in SQL only in its owner’s modules (others call the store)', () => {
    const findings = ownershipFindings(sources, tableOwners, schemaLayer).map((f) => `${f.path}:${f.line} names ${f.table}`);
    expect(findings).toEqual([]);
  });

  it('is really read: the owners’ own SQL is found, so an empty result above means something', () => {
    const named = new Set(sources.flatMap((file) => tablesNamedInSql(file, tables).map((t) => t.table)));
    expect([...named].sort()).toEqual(tables);
  });
});

describe('the checker', () => {
  const visits = 'electron/core/visits/visit-lookup.ts';

  it('finds a table named in SQL from another feature, in a string or a template, with its line', () => {
    const source: SourceFile = {
      path: visits,
      text: [
        "import type { VaultDatabase } from '../../db/open-vault-database';",
        'export const numberOf = (db: VaultDatabase, id: string) =>',
        "  db.prepare('SELECT number FROM certificates WHERE id = ?').get(id);",
        'export const heldIn = (db: VaultDatabase, column: string, collection: string) =>',
        '  db.prepare(`SELECT ${column} FROM vault_items WHERE collection = ?`).all(collection);',
      ].join('\n'),
    };
    expect(ownershipFindings([source], tableOwners, schemaLayer)).toEqual([
      { path: visits, line: 3, table: 'certificates' },
      { path: visits, line: 5, table: 'vault_items' },
    ]);
  });

  it('accepts the same SQL in the owner’s store and in the schema layer', () => {
    const sql = "export const q = 'SELECT number FROM certificates WHERE id = ?';";
    expect(
      ownershipFindings(
        [
          { path: tableOwners.certificates!.store, text: sql },
          { path: 'electron/db/migrations/0099-x.ts', text: sql },
        ],
        tableOwners,
        schemaLayer,
      ),
    ).toEqual([]);
  });

  it('leaves alone what is not SQL: channel names, import paths, comments and messages', () => {
    const source: SourceFile = {
      path: visits,
      text: [
        "import { listCertificates } from '../certificates/certificate-store';",
        '// Reads the certificates table through its store; the settings stay in vault-settings.',
        "export const channel = 'certificates.list';",
        "export const message = 'settings saved / 設定を保存しました';",
      ].join('\n'),
    };
    expect(ownershipFindings([source], tableOwners, schemaLayer)).toEqual([]);
  });
});
