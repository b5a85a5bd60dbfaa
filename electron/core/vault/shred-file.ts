/**
 * Overwrites a file with random bytes, flushes it to the device, then deletes it: what is
 * left of an erased item's ciphertext, an interrupted import, or a half-written export.
 * On SSDs and flash the overwrite may land elsewhere (NIST SP 800-88: Clear at best); for
 * vault items the cryptographic erase (the destroyed key) is what makes the data unreadable.
 */
import { randomFillSync } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';

export async function shredFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    await overwriteOpenFile(handle);
  } finally {
    await handle.close();
  }
  await rm(file, { force: true });
  return true;
}

/**
 * Overwrites an open file's whole length with random bytes and flushes it. Through a handle it
 * reaches the file's own blocks even after its name has gone to another file (a database
 * replaced by its re-keyed copy keeps its old blocks until they are overwritten).
 */
export async function overwriteOpenFile(handle: FileHandle): Promise<void> {
  const { size } = await handle.stat();
  const block = Buffer.allocUnsafe(Math.min(size, 1024 * 1024) || 1);
  for (let offset = 0; offset < size; offset += block.length) {
    const length = Math.min(block.length, size - offset);
    await handle.write(randomFillSync(block, 0, length), 0, length, offset);
  }
  await handle.sync();
}
