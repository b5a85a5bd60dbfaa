/**
 * Where every rebuilder's bytes go: a new file only (O_EXCL — never over an existing file,
 * never through a symlink), private to this user, flushed before the rebuild reports success,
 * so the file the pipeline hashes and delivers is the one that was written.
 */
import { constants } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';

export async function createNewFile(target: string): Promise<FileHandle> {
  return open(
    target,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | ((constants as Partial<typeof constants>).O_NOFOLLOW ?? 0),
    0o600,
  );
}

export async function writeNewFile(target: string, chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
  const handle = await createNewFile(target);
  try {
    for await (const chunk of chunks) {
      let written = 0;
      while (written < chunk.length) written += (await handle.write(chunk, written, chunk.length - written)).bytesWritten;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(target, { force: true });
    throw error;
  }
  await handle.close();
}
