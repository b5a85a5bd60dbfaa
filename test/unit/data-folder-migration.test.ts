/**
 * Where the data folder lives and the one-time move of an existing vault out of the Windows
 * roaming profile, on real files in temporary folders (the Windows layout is reproduced with
 * LOCALAPPDATA/APPDATA pointing into them): a plain move, failures and crashes half-way
 * through, a move across file systems (/dev/shm is tmpfs, the temporary folder is not), and
 * a clash — each time checking, file by file, that nothing of the vault was lost.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFolderPlaces, defaultDataDir } from '../../electron/core/app/default-data-dir';
import { MOVE_MARKER_FILE, nodeMoveOps, settleDataFolder, type MoveOps } from '../../electron/core/app/data-folder-migration';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(parent = os.tmpdir()): Promise<string> {
  const dir = await mkdtemp(path.join(parent, 'fieldguard-datadir-'));
  made.push(dir);
  return dir;
}

/** A Windows profile in a temporary folder: the env FieldGuard reads, and the two places. */
async function windowsProfile(roamingParent?: string) {
  const root = await tempDir();
  const roaming = roamingParent ? path.join(await tempDir(roamingParent), 'Roaming') : path.join(root, 'Roaming');
  const env = { APPDATA: roaming, LOCALAPPDATA: path.join(root, 'Local') };
  return { env, places: dataFolderPlaces(env, 'win32', root) };
}

/** Plants a vault as the app leaves it, next to Electron's own caches (the old folder was also Electron's userData). */
async function plantVault(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'files'), { recursive: true });
  await mkdir(path.join(dir, 'Local Storage', 'leveldb'), { recursive: true });
  await writeFile(path.join(dir, 'vault.json'), JSON.stringify({ version: 1, salt: 'c2FsdA==' }));
  await writeFile(path.join(dir, 'vault.db'), Buffer.alloc(256 * 1024, 7));
  await writeFile(path.join(dir, 'vault.db-wal'), Buffer.alloc(4096, 9));
  await writeFile(path.join(dir, 'preferences.json'), '{"language":"ja"}');
  for (let i = 0; i < 5; i += 1) await writeFile(path.join(dir, 'files', `item-${i}.fgv`), `ciphertext ${i} `.repeat(1000 + i));
  await writeFile(path.join(dir, 'Local Storage', 'leveldb', '000003.log'), 'electron cache');
}

/** Every file under a folder with its SHA-256, leaving out Electron's caches. */
async function vaultFiles(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  async function walk(sub: string): Promise<void> {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (relative.startsWith('Local Storage')) continue;
      if (entry.isDirectory()) await walk(relative);
      else
        found[relative] = createHash('sha256')
          .update(await readFile(path.join(dir, relative)))
          .digest('hex');
    }
  }
  if (existsSync(dir)) await walk('');
  return found;
}

/** File operations that fail on their nth call of one kind, as a full disk or a pulled network share would. */
function failingOn(kind: keyof MoveOps, nth: number): MoveOps {
  let calls = 0;
  const fail = async () => {
    throw Object.assign(new Error('i/o error'), { code: 'EIO' });
  };
  return {
    ...nodeMoveOps,
    [kind]: (...args: [string, string]) => {
      calls += 1;
      return calls === nth ? fail() : nodeMoveOps[kind](...args);
    },
  };
}

describe('where the data folder is', () => {
  it('is in the local, not the roaming, profile on Windows; unchanged on macOS and Linux', () => {
    const win = dataFolderPlaces(
      { LOCALAPPDATA: 'C:/Users/yamada/AppData/Local', APPDATA: 'C:/Users/yamada/AppData/Roaming' },
      'win32',
      'C:/Users/yamada',
    );
    expect(win.preferred).toBe(path.join('C:/Users/yamada/AppData/Local', 'FieldGuard'));
    expect(win.legacy).toBe(path.join('C:/Users/yamada/AppData/Roaming', 'FieldGuard'));
    expect(dataFolderPlaces({}, 'win32', '/h').preferred).toBe(path.join('/h', 'AppData', 'Local', 'FieldGuard'));
    expect(dataFolderPlaces({}, 'darwin', '/Users/y')).toEqual({
      preferred: '/Users/y/Library/Application Support/FieldGuard',
      legacy: null,
    });
    expect(dataFolderPlaces({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/y').preferred).toBe('/x/FieldGuard');
    expect(dataFolderPlaces({ XDG_CONFIG_HOME: '' }, 'linux', '/home/y').preferred).toBe('/home/y/.config/FieldGuard');
    expect(defaultDataDir({ FIELDGUARD_DATA_DIR: '/site/vault', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/y')).toBe('/site/vault');
  });

  it('the CLI opens the old roaming folder while the vault is still there, and the new one once it has moved', async () => {
    const { env, places } = await windowsProfile();
    expect(defaultDataDir(env, 'win32')).toBe(places.preferred);
    await plantVault(places.legacy!);
    expect(defaultDataDir(env, 'win32')).toBe(places.legacy);
    await settleDataFolder(places);
    expect(defaultDataDir(env, 'win32')).toBe(places.preferred);
  });
});

describe('moving an existing vault out of the roaming profile', () => {
  it('moves every vault file on the same volume and leaves Electron caches where they were', async () => {
    const { places } = await windowsProfile();
    await plantVault(places.legacy!);
    const before = await vaultFiles(places.legacy!);

    const settled = await settleDataFolder(places);

    expect(settled).toEqual({ dataDir: places.preferred, move: { kind: 'moved', from: places.legacy, method: 'rename', leftovers: [] } });
    expect(await vaultFiles(places.preferred)).toEqual(before);
    expect(await vaultFiles(places.legacy!)).toEqual({});
    expect(existsSync(path.join(places.legacy!, 'Local Storage', 'leveldb', '000003.log'))).toBe(true);
    expect(existsSync(path.join(places.preferred, MOVE_MARKER_FILE))).toBe(false);
    // A second start has nothing left to do.
    expect((await settleDataFolder(places)).move).toEqual({ kind: 'none' });
  });

  it('puts everything back and keeps the old folder when a rename fails half-way', async () => {
    const { places } = await windowsProfile();
    await plantVault(places.legacy!);
    const before = await vaultFiles(places.legacy!);

    const settled = await settleDataFolder(places, failingOn('rename', 3));

    expect(settled.dataDir).toBe(places.legacy);
    expect(settled.move).toMatchObject({ kind: 'kept-old', from: places.legacy, reason: expect.stringContaining('EIO') });
    expect(await vaultFiles(places.legacy!)).toEqual(before);
    expect(await vaultFiles(places.preferred)).toEqual({});
  });

  it('finishes a move that was killed after some files were renamed', async () => {
    const { places } = await windowsProfile();
    await plantVault(places.legacy!);
    const before = await vaultFiles(places.legacy!);
    // The state a kill -9 leaves: the marker, the database and its WAL already in the new folder, the rest not.
    await mkdir(places.preferred, { recursive: true });
    await writeFile(path.join(places.preferred, MOVE_MARKER_FILE), JSON.stringify({ from: places.legacy, method: 'rename' }));
    for (const name of ['vault.db', 'vault.db-wal']) await rename(path.join(places.legacy!, name), path.join(places.preferred, name));

    const settled = await settleDataFolder(places);

    expect(settled.dataDir).toBe(places.preferred);
    expect(await vaultFiles(places.preferred)).toEqual(before);
    expect(await vaultFiles(places.legacy!)).toEqual({});
  });

  it('keeps the old folder when the new one cannot even be created', async () => {
    const { places } = await windowsProfile();
    await plantVault(places.legacy!);
    await writeFile(path.dirname(places.preferred), 'a file where the Local folder should be');

    const settled = await settleDataFolder(places);

    expect(settled.dataDir).toBe(places.legacy);
    expect(settled.move).toMatchObject({ kind: 'kept-old', reason: expect.stringMatching(/EEXIST|ENOTDIR/) });
  });

  it('refuses to mix two vaults: a new folder that already has vault files keeps the old one in use', async () => {
    const { places } = await windowsProfile();
    await plantVault(places.legacy!);
    await mkdir(places.preferred, { recursive: true });
    await writeFile(path.join(places.preferred, 'vault.db'), 'another vault');
    const before = await vaultFiles(places.legacy!);

    const settled = await settleDataFolder(places);

    expect(settled.move).toMatchObject({ kind: 'kept-old', reason: expect.stringContaining('vault.db') });
    expect(await vaultFiles(places.legacy!)).toEqual(before);
    expect(await readFile(path.join(places.preferred, 'vault.db'), 'utf8')).toBe('another vault');
  });

  describe.skipIf(!crossDevice())('across file systems (/dev/shm and the temporary folder)', () => {
    it('copies, verifies, then overwrites and removes the old copy', async () => {
      const { places } = await windowsProfile('/dev/shm');
      await plantVault(places.legacy!);
      const before = await vaultFiles(places.legacy!);

      const settled = await settleDataFolder(places);

      expect(settled).toEqual({ dataDir: places.preferred, move: { kind: 'moved', from: places.legacy, method: 'copy', leftovers: [] } });
      expect(await vaultFiles(places.preferred)).toEqual(before);
      expect(await vaultFiles(places.legacy!)).toEqual({});
      expect(await readdir(places.preferred)).not.toContain('.fieldguard-move-staging');
    });

    it('keeps the old folder whole and leaves no partial copy when copying fails half-way', async () => {
      const { places } = await windowsProfile('/dev/shm');
      await plantVault(places.legacy!);
      const before = await vaultFiles(places.legacy!);

      const settled = await settleDataFolder(places, failingOn('copy', 4));

      expect(settled.dataDir).toBe(places.legacy);
      expect(settled.move).toMatchObject({ kind: 'kept-old', reason: expect.stringContaining('EIO') });
      expect(await vaultFiles(places.legacy!)).toEqual(before);
      expect(await readdir(places.preferred)).toEqual([]);
    });

    it('starts a killed copy again from the untouched old folder', async () => {
      const { places } = await windowsProfile('/dev/shm');
      await plantVault(places.legacy!);
      const before = await vaultFiles(places.legacy!);
      await mkdir(path.join(places.preferred, '.fieldguard-move-staging'), { recursive: true });
      await writeFile(path.join(places.preferred, MOVE_MARKER_FILE), JSON.stringify({ from: places.legacy, method: 'copy' }));
      await writeFile(path.join(places.preferred, '.fieldguard-move-staging', 'vault.db'), 'half a copy');
      await writeFile(path.join(places.preferred, 'vault.db-wal'), 'half a copy');

      const settled = await settleDataFolder(places);

      expect(settled.move).toMatchObject({ kind: 'moved', method: 'copy' });
      expect(await vaultFiles(places.preferred)).toEqual(before);
    });

    it('names every old file it could not remove: they are still a copy of the vault', async () => {
      const { places } = await windowsProfile('/dev/shm');
      await plantVault(places.legacy!);
      const before = await vaultFiles(places.legacy!);
      const ops: MoveOps = {
        ...nodeMoveOps,
        removeSecurely: async (file) => {
          if (file.endsWith('vault.db')) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
          await nodeMoveOps.removeSecurely(file);
        },
      };

      const settled = await settleDataFolder(places, ops);

      expect(settled.dataDir).toBe(places.preferred);
      expect(await vaultFiles(places.preferred)).toEqual(before);
      expect(settled.move).toMatchObject({ kind: 'moved', leftovers: [path.join(places.legacy!, 'vault.db')] });
    });
  });
});

describe.skipIf(!canMountTmpfs())('onto a local disk that fills up half-way (a 192 KiB tmpfs, as root)', () => {
  it('stops on the real ENOSPC, keeps the old folder whole and leaves nothing on the full disk', async () => {
    const root = await tempDir();
    const local = path.join(root, 'Local');
    await mkdir(local);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=192k', 'tmpfs', local]);
    try {
      const places = { preferred: path.join(local, 'FieldGuard'), legacy: path.join(root, 'Roaming', 'FieldGuard') };
      await plantVault(places.legacy);
      const before = await vaultFiles(places.legacy);

      const settled = await settleDataFolder(places);

      expect(settled.dataDir).toBe(places.legacy);
      expect(settled.move).toMatchObject({ kind: 'kept-old', reason: expect.stringContaining('ENOSPC') });
      expect(await vaultFiles(places.legacy)).toEqual(before);
      expect(await readdir(places.preferred)).toEqual([]);
    } finally {
      execFileSync('umount', [local]);
    }
  });
});

function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = path.join(os.tmpdir(), `fieldguard-mount-probe-${process.pid}`);
  try {
    execFileSync('mkdir', ['-p', probe]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    execFileSync('rm', ['-rf', probe]);
  }
}

/** Whether /dev/shm is a file system of its own here (a real EXDEV for rename). */
function crossDevice(): boolean {
  try {
    return statSync('/dev/shm').dev !== statSync(os.tmpdir()).dev;
  } catch {
    return false;
  }
}
