/**
 * Flushes a folder's entries to the device (fsync on the folder), so that a rename or an
 * unlink survives a power cut — the last step of every crash-safe write and of erasure.
 * Windows cannot open a folder for this; NTFS journals its metadata, so there it is skipped.
 */
import { open } from 'node:fs/promises';

export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
