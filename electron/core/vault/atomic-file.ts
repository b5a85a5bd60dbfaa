/**
 * Replaces a small file so that a crash or power cut leaves either the old or the new
 * content, never a mix: write a sibling, fsync it, rename over, fsync the folder.
 */
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../files/sync-directory';

export { syncDirectory };

export async function writeFileAtomically(file: string, content: string | Buffer): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await syncDirectory(path.dirname(file));
}
