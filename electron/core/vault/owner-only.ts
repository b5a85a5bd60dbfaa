/**
 * The data folder is the engineer's alone (issue 17): on POSIX the folder and the folders in it
 * are 0700 and every file 0600, whatever the umask. SQLite creates its database 0644 by its own
 * default and `mkdir` follows the umask, so the vault's files are made owner-only where they are
 * created, and a data folder made by an older FieldGuard is tightened at the next unlock. On
 * Windows POSIX modes mean nothing: the folder's ACL is replaced by one entry for the user (no
 * inherited SYSTEM, Administrators or profile entries), inherited by everything in it
 * (windows-folder-acl.ts), at setup and at every unlock.
 */
import { chmod, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { restrictWindowsFolderToUser } from '../../platform/data-folder/windows-folder-acl';

export const OWNER_ONLY_FOLDER = 0o700;
export const OWNER_ONLY_FILE = 0o600;

const posix = process.platform !== 'win32';

/** Creates `file` empty and owner-only if it does not exist, so that whatever opens it next (SQLite) keeps that mode. */
export async function createOwnerOnlyFile(file: string): Promise<void> {
  if (!posix) return;
  const handle = await open(file, 'a', OWNER_ONLY_FILE);
  try {
    await handle.chmod(OWNER_ONLY_FILE);
  } finally {
    await handle.close();
  }
}

/** Makes `folder` and everything under it owner-only; links are left alone (never followed). */
export async function restrictToOwner(folder: string): Promise<void> {
  if (!posix) {
    // The folder's entries are inherited by its files: one icacls on the folder covers them.
    await restrictWindowsFolderToUser(folder);
    return;
  }
  await chmod(folder, OWNER_ONLY_FOLDER);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await restrictToOwner(full);
    else if (entry.isFile()) await chmod(full, OWNER_ONLY_FILE);
  }
}
