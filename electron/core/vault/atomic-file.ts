/**
 * Replaces a small file so that a crash or power cut leaves either the old or the new
 * content, never a mix: write a sibling, fsync it, rename over, fsync the folder. Each write has
 * a temporary name of its own, created exclusively (a name per process let two writes of one
 * process share a temporary file: one renamed the other's half-written file into place or
 * failed with ENOENT). The file is the owner's only (0600 on POSIX).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../files/sync-directory';

export { syncDirectory };

export async function writeFileAtomically(file: string, content: string | Buffer): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}
