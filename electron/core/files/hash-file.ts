/**
 * Streaming SHA-256 of a file, the digest erasure (10-1) and sanitization (10-5) records
 * for every file before and after. Reads through one reused buffer, so memory stays flat
 * whatever the file's size; reports progress and can be cancelled between reads.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

export interface HashProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface HashOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: HashProgress) => void;
  /** Bytes per read; 1 MiB keeps syscalls few without holding much memory. */
  readonly chunkBytes?: number;
}

export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
}

export async function hashFile(file: string, options: HashOptions = {}): Promise<FileDigest> {
  const handle = await open(file, 'r');
  try {
    return await hashOpenFile(handle, options);
  } finally {
    await handle.close();
  }
}

/** Hashes an open file from its start: the caller has checked it is the file it means (erasure checks device:inode). */
export async function hashOpenFile(handle: FileHandle, options: HashOptions = {}): Promise<FileDigest> {
  const { size } = await handle.stat();
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1024 * 1024);
  const hash = createHash('sha256');
  let bytes = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    bytes += bytesRead;
    options.onProgress?.({ bytesDone: bytes, bytesTotal: Math.max(size, bytes) });
  }
  return { sha256: hash.digest('hex'), bytes };
}
