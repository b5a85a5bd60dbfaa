/**
 * Moves an existing vault from where earlier versions kept it (Windows: the roaming profile,
 * which is copied to a server and so defeats a crypto-erase) to its new place, once, at start.
 * Nothing may be lost on the way:
 * - on the same volume each entry is renamed, the header last; a failure renames back, and a
 *   crash is finished at the next start from the marker file (roll forward);
 * - across volumes (a redirected AppData) the entries are copied to a staging folder, every
 *   file's SHA-256 compared, put in place (header last), and only then is the old copy
 *   overwritten and removed; a failure or crash before that leaves the old folder whole.
 * When the move cannot be done the old folder stays in use and the result says why.
 * Only FieldGuard's own entries move: on Windows the old folder is also Electron's userData,
 * whose caches stay where Electron keeps them.
 */
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { hashFile } from '../files/hash-file';
import { syncDirectory } from '../files/sync-directory';
import { PREFERENCES_FILE } from '../preferences/preferences-store';
import { writeFileAtomically } from '../vault/atomic-file';
import { shredFile } from '../vault/shred-file';
import { THROTTLE_FILE } from '../vault/unlock-throttle';
import { VAULT_HEADER_FILE } from '../vault/vault-header';
import { VAULT_DATABASE_FILE, VAULT_FILES_DIR } from '../vault/vault-session';
import { holdsVault, type DataFolderPlaces } from './default-data-dir';

/**
 * Every entry FieldGuard keeps in its data folder, the header last (a folder "holds a vault"
 * once its header is there). A new file in the data folder must be added here.
 */
export const DATA_FOLDER_ENTRIES: readonly string[] = [
  VAULT_DATABASE_FILE,
  `${VAULT_DATABASE_FILE}-wal`,
  `${VAULT_DATABASE_FILE}-shm`,
  `${VAULT_DATABASE_FILE}.rekey`,
  `${VAULT_DATABASE_FILE}.rekey-wal`,
  `${VAULT_DATABASE_FILE}.rekey-shm`,
  VAULT_FILES_DIR,
  'staging',
  THROTTLE_FILE,
  PREFERENCES_FILE,
  VAULT_HEADER_FILE,
];

/** Written in the new folder before the first entry moves; its presence at start means a move was interrupted. */
export const MOVE_MARKER_FILE = '.fieldguard-move.json';
const STAGING_DIR = '.fieldguard-move-staging';
const MoveMarker = z.object({ from: z.string(), method: z.enum(['rename', 'copy']) });

export type DataFolderMove =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'moved';
      readonly from: string;
      readonly method: 'rename' | 'copy';
      /** Files of the old folder that could not be removed after the copy: they are still a copy of the vault. */
      readonly leftovers: readonly string[];
    }
  | { readonly kind: 'kept-old'; readonly from: string; readonly reason: string };

export interface SettledDataFolder {
  readonly dataDir: string;
  readonly move: DataFolderMove;
}

/** The file operations a move uses; tests replace them to fail half-way. */
export interface MoveOps {
  rename(from: string, to: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  removeSecurely(file: string): Promise<void>;
}

export const nodeMoveOps: MoveOps = {
  rename: (from, to) => rename(from, to),
  copy: (from, to) => cp(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true }),
  removeSecurely: async (file) => {
    await shredFile(file);
  },
};

/** Decides which folder to use and moves the vault there when it is still in the legacy place; never throws. */
export async function settleDataFolder(places: DataFolderPlaces, ops: MoveOps = nodeMoveOps): Promise<SettledDataFolder> {
  const { preferred, legacy } = places;
  if (!legacy) return { dataDir: preferred, move: { kind: 'none' } };
  try {
    return await settle(preferred, legacy, ops);
  } catch (error) {
    // Whatever went wrong (the new folder cannot even be created), the vault where it is stays usable.
    return holdsVault(legacy) ? keptOld(legacy, describe(error)) : { dataDir: preferred, move: { kind: 'none' } };
  }
}

async function settle(preferred: string, legacy: string, ops: MoveOps): Promise<SettledDataFolder> {
  const marker = await readMarker(preferred);
  if (marker?.method === 'rename') return rollForward(marker.from, preferred, ops);
  if (marker?.method === 'copy') await discardCopy(preferred);
  if (holdsVault(preferred) || !holdsVault(legacy)) return { dataDir: preferred, move: { kind: 'none' } };

  const entries = await presentEntries(legacy);
  const clash = (await presentEntries(preferred)).filter((name) => entries.includes(name));
  if (clash.length > 0) {
    return keptOld(legacy, `the new folder already holds ${clash.join(', ')}; nothing was moved`);
  }
  await mkdir(preferred, { recursive: true, mode: 0o700 });
  try {
    return await moveByRename(legacy, preferred, entries, ops);
  } catch (error) {
    if (errorCode(error) !== 'EXDEV') return keptOld(legacy, describe(error));
  }
  try {
    return await moveByCopy(legacy, preferred, entries, ops);
  } catch (error) {
    return keptOld(legacy, describe(error));
  }
}

async function moveByRename(from: string, to: string, entries: readonly string[], ops: MoveOps): Promise<SettledDataFolder> {
  await writeMarker(to, { from, method: 'rename' });
  const done: string[] = [];
  try {
    for (const name of entries) {
      await ops.rename(path.join(from, name), path.join(to, name));
      done.push(name);
    }
  } catch (error) {
    const rollbackFailures: string[] = [];
    for (const name of done.reverse()) {
      await ops.rename(path.join(to, name), path.join(from, name)).catch(() => rollbackFailures.push(name));
    }
    // A failed roll-back keeps the marker: the next start finishes the move instead.
    if (rollbackFailures.length > 0) {
      throw new Error(
        `${describe(error)}; ${rollbackFailures.join(', ')} could not be put back and stay in ${to} until the next start finishes the move`,
        { cause: error },
      );
    }
    await removeMarker(to);
    throw error;
  }
  await syncDirectory(to);
  await removeMarker(to);
  return { dataDir: to, move: { kind: 'moved', from, method: 'rename', leftovers: [] } };
}

/** A rename move was interrupted: move what is still in the old folder, header last. */
async function rollForward(from: string, to: string, ops: MoveOps): Promise<SettledDataFolder> {
  try {
    for (const name of DATA_FOLDER_ENTRIES) {
      if ((await exists(path.join(from, name))) && !(await exists(path.join(to, name)))) {
        await ops.rename(path.join(from, name), path.join(to, name));
      }
    }
    await syncDirectory(to);
    await removeMarker(to);
    return { dataDir: to, move: { kind: 'moved', from, method: 'rename', leftovers: [] } };
  } catch (error) {
    return keptOld(from, `an interrupted move could not be finished: ${describe(error)}`);
  }
}

async function moveByCopy(from: string, to: string, entries: readonly string[], ops: MoveOps): Promise<SettledDataFolder> {
  await writeMarker(to, { from, method: 'copy' });
  const staging = path.join(to, STAGING_DIR);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true, mode: 0o700 });
    for (const name of entries) await ops.copy(path.join(from, name), path.join(staging, name));
    await verifySameFiles(from, staging, entries);
    for (const name of entries) await rename(path.join(staging, name), path.join(to, name));
    await rm(staging, { recursive: true, force: true });
    await syncDirectory(to);
  } catch (error) {
    await discardCopy(to);
    throw error;
  }
  await removeMarker(to);
  // The new folder is whole and verified; now the old copy goes, header first so it no longer looks like a vault.
  const leftovers: string[] = [];
  for (const name of [...entries].reverse()) {
    for (const file of await filesUnder(path.join(from, name))) {
      await ops.removeSecurely(file).catch(() => leftovers.push(file));
    }
    await rm(path.join(from, name), { recursive: true, force: true }).catch(() => undefined);
  }
  return { dataDir: to, move: { kind: 'moved', from, method: 'copy', leftovers } };
}

/** Removes a copy that never became the vault: the staging folder and the copied entries (the header is never among them). */
async function discardCopy(to: string): Promise<void> {
  await rm(path.join(to, STAGING_DIR), { recursive: true, force: true });
  if (!holdsVault(to)) {
    for (const name of DATA_FOLDER_ENTRIES) await rm(path.join(to, name), { recursive: true, force: true });
  }
  await removeMarker(to);
}

async function verifySameFiles(from: string, copy: string, entries: readonly string[]): Promise<void> {
  for (const name of entries) {
    const originals = await filesUnder(path.join(from, name));
    const copies = await filesUnder(path.join(copy, name));
    if (copies.length !== originals.length)
      throw new Error(`the copy of ${name} has ${copies.length} files, the original ${originals.length}`);
    for (const original of originals) {
      const copied = path.join(copy, path.relative(from, original));
      const [a, b] = await Promise.all([hashFile(original), hashFile(copied)]);
      if (a.sha256 !== b.sha256 || a.bytes !== b.bytes)
        throw new Error(`the copy of ${path.relative(from, original)} differs from the original`);
    }
  }
}

/** Every regular file at or under a path, sorted. */
async function filesUnder(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [target];
  const found: string[] = [];
  for (const entry of (await readdir(target)).sort()) found.push(...(await filesUnder(path.join(target, entry))));
  return found;
}

async function presentEntries(folder: string): Promise<string[]> {
  const present: string[] = [];
  for (const name of DATA_FOLDER_ENTRIES) if (await exists(path.join(folder, name))) present.push(name);
  return present;
}

async function readMarker(folder: string): Promise<z.infer<typeof MoveMarker> | null> {
  const text = await readFile(path.join(folder, MOVE_MARKER_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return MoveMarker.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

async function writeMarker(folder: string, marker: z.infer<typeof MoveMarker>): Promise<void> {
  await writeFileAtomically(path.join(folder, MOVE_MARKER_FILE), JSON.stringify(marker));
}

async function removeMarker(folder: string): Promise<void> {
  await rm(path.join(folder, MOVE_MARKER_FILE), { force: true });
}

async function exists(target: string): Promise<boolean> {
  return (await stat(target).catch(() => null)) !== null;
}

function keptOld(from: string, reason: string): SettledDataFolder {
  return { dataDir: from, move: { kind: 'kept-old', from, reason } };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCode(error);
  return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}
