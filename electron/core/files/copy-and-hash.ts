/**
 * Copies a file while hashing exactly the bytes written, so the SHA-256 recorded for a
 * delivered file is that of the copy, not of the source at some other moment. The target
 * must not exist (never overwrites), and is flushed before the digest is returned.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export interface CopyOptions {
  readonly signal?: AbortSignal;
  readonly transform?: (chunk: Buffer, offset: number) => void;
  /** Flush the copy before returning (default true); a temporary copy need not be. */
  readonly sync?: boolean;
}

export async function copyAndHash(source: string, target: string, options: CopyOptions = {}): Promise<{ sha256: string; bytes: number }> {
  const input = await open(source, constants.O_RDONLY | ((constants as Partial<typeof constants>).O_NOFOLLOW ?? 0));
  try {
    const output = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      const buffer = Buffer.allocUnsafe(1024 * 1024);
      const hash = createHash('sha256');
      let offset = 0;
      for (;;) {
        options.signal?.throwIfAborted();
        const { bytesRead } = await input.read(buffer, 0, buffer.length, offset);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        options.transform?.(chunk, offset);
        hash.update(chunk);
        await output.write(chunk, 0, bytesRead, offset);
        offset += bytesRead;
      }
      if (options.sync !== false) await output.sync();
      return { sha256: hash.digest('hex'), bytes: offset };
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}
