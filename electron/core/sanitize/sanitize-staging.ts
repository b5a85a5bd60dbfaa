/**
 * Where sanitization keeps its plaintext copies while it checks them: `staging/<run>` in the
 * data folder (the engineer's alone, 0700, on the laptop's own encrypted disk). A run's copies
 * are overwritten before their names are removed, and whatever a crash left behind is swept
 * — overwritten and removed — when the app or the CLI starts (issue 17): a site's files must
 * not stay readable in the data folder because a sanitization was killed half-way.
 *
 * A run holds a lock on its folder while it works, so a sweep started by another process (the
 * CLI while the app runs, or the other way round) leaves a live run alone.
 */
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { shredFile } from '../vault/shred-file';

export const STAGING_FOLDER = 'staging';
/** A run refreshes its lock well within this; a lock older than it belongs to a dead process. */
const STALE_MS = 30_000;
const LOCK_SUFFIX = '.lock';

export function stagingRoot(dataDir: string): string {
  return path.join(dataDir, STAGING_FOLDER);
}

const lockOptions = (folder: string) => ({ lockfilePath: `${folder}${LOCK_SUFFIX}`, realpath: false, stale: STALE_MS });

export interface StagingRun {
  readonly folder: string;
  /** Overwrites and removes every copy still in the folder, then the folder and its lock. */
  discard(): Promise<void>;
}

/** A new run folder under `root`, locked for as long as the run lasts. */
export async function openStagingRun(root: string, id: string): Promise<StagingRun> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  const folder = path.join(root, id);
  await mkdir(folder, { mode: 0o700 });
  const release = await lockfile.lock(folder, lockOptions(folder));
  return {
    folder,
    async discard() {
      try {
        await discardFolder(folder);
      } finally {
        await release().catch(() => undefined);
      }
    },
  };
}

/**
 * Overwrites each regular file that has no other name, then removes everything. A copy with a
 * second name is a delivered file (delivery hard-links the staged copy into the output folder and
 * a crash can come before the staged name is removed): only its staged name goes.
 */
async function discardFolder(folder: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      await discardFolder(entryPath);
      continue;
    }
    const stats = await lstat(entryPath).catch(() => null);
    if (stats?.isFile() && stats.nlink === 1) await shredFile(entryPath);
    else await rm(entryPath, { force: true });
  }
  await rm(folder, { recursive: true, force: true });
}

/**
 * Overwrites and removes what runs that are no longer alive left in the staging folder; returns
 * how many run folders were swept. Never fails the caller's start: what cannot be swept now is
 * swept at the next start.
 */
export async function sweepStaging(dataDir: string): Promise<number> {
  const root = stagingRoot(dataDir);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  let swept = 0;
  for (const name of names) {
    const entry = path.join(root, name);
    if (name.endsWith(LOCK_SUFFIX)) {
      // The lock of a run whose folder is already gone (a crash between the two removals).
      const folder = entry.slice(0, -LOCK_SUFFIX.length);
      if (!names.includes(path.basename(folder)) && !(await isLive(folder))) await rm(entry, { recursive: true, force: true });
      continue;
    }
    if (await isLive(entry)) continue;
    try {
      await discardFolder(entry);
      await rm(`${entry}${LOCK_SUFFIX}`, { recursive: true, force: true });
      swept += 1;
    } catch {
      // Left for the next start.
    }
  }
  return swept;
}

async function isLive(folder: string): Promise<boolean> {
  return lockfile.check(folder, lockOptions(folder)).catch(() => false);
}
