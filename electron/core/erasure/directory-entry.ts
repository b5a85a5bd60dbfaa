/**
 * Taking a name out of a folder for erasure (10-1): before an erased file, link or folder is
 * removed it is renamed to a random name of the same length, so the folder's entry no longer
 * holds the original name (which is often personal data: a patient's name in a file name);
 * the folder is then flushed so the removal survives a power cut. The identity checks here
 * make sure the entry acted on is still the one that was planned.
 */
import { randomInt } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { lstat, rename } from 'node:fs/promises';
import path from 'node:path';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Names Windows refuses or treats as devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const MAX_NAME_BYTES = 255;

/** device:inode — what identifies a file across renames. */
export function fileIdOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}`;
}

/**
 * The length of a name in the unit its file system stores: UTF-16 code units on Windows
 * (NTFS, FAT long names, exFAT), bytes elsewhere.
 */
function storedLength(name: string): number {
  return process.platform === 'win32' ? name.length : Buffer.byteLength(name, 'utf8');
}

function randomName(length: number): string {
  let name = '';
  for (let i = 0; i < length; i += 1) name += ALPHABET.charAt(randomInt(ALPHABET.length));
  return name;
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * A random name, free in `directory`, as long as `originalName`. A rename would silently
 * replace an existing entry, so each candidate is checked first; short names have few
 * candidates, and after a few collisions the name grows by one character.
 */
export async function anonymousName(directory: string, originalName: string): Promise<string> {
  let length = Math.min(Math.max(storedLength(originalName), 1), MAX_NAME_BYTES);
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 0 && attempt % 8 === 0 && length < MAX_NAME_BYTES) length += 1;
    const candidate = randomName(length);
    if (RESERVED.test(candidate)) continue;
    if (!(await exists(path.join(directory, candidate)))) return candidate;
  }
}

/** Renames `from` to `to` only if `to` is still free (checked, then renamed: nothing else writes in an erasure target). */
export async function renameIfFree(from: string, to: string): Promise<void> {
  if (await exists(to)) throw Object.assign(new Error('rename target taken'), { code: 'EEXIST' });
  await rename(from, to);
}

export { syncDirectory } from '../files/sync-directory';

/** The entry's stats without following a link, or null when nothing is there. */
export async function lstatOrNull(file: string): Promise<BigIntStats | null> {
  try {
    return await lstat(file, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
