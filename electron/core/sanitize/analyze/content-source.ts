/**
 * The bytes an analyzer looks at, whether they come from a file on disk or from an archive
 * entry: the first bytes (for magic numbers and text rules), the whole content as a stream
 * of chunks (for pattern scans, so memory stays flat however large the file is), and —
 * where the bytes can be re-read — random access (zip central directories and OLE storage
 * trees live at the end or anywhere in the file).
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** How much of the start of a file type detection and text rules look at. */
export const HEAD_BYTES = 64 * 1024;
/** Bytes per read when streaming through a file. */
export const CHUNK_BYTES = 1024 * 1024;

/** Re-readable bytes: an open file (read through its descriptor, never by path again) or a buffer. */
export type RandomAccess =
  { readonly kind: 'file'; readonly handle: FileHandle; readonly size: number } | { readonly kind: 'buffer'; readonly buffer: Buffer };

export interface Content {
  /** The original name (inside an archive: the entry's last path segment). */
  readonly name: string;
  /** Total bytes; for a streamed archive entry the count is only known once it has been read. */
  readonly size: number | null;
  /** The first HEAD_BYTES bytes (all of it when shorter). */
  readonly head: Buffer;
  readonly random: RandomAccess | null;
  /**
   * Every byte from the start, in chunks. For a streamed archive entry this can be called
   * only once (the decompressor cannot rewind); analyzers call it at most once.
   */
  chunks(signal?: AbortSignal): AsyncIterable<Buffer>;
}

/** O_NOFOLLOW where the platform has it: a symlink swapped in after the caller's check fails with ELOOP instead of being read. */
const O_NOFOLLOW: number = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;

export async function openReadOnly(file: string): Promise<FileHandle> {
  return open(file, constants.O_RDONLY | O_NOFOLLOW);
}

export async function readAt(access: RandomAccess, position: number, length: number): Promise<Buffer> {
  if (access.kind === 'buffer') return access.buffer.subarray(position, Math.min(access.buffer.length, position + length));
  const buffer = Buffer.alloc(Math.max(0, Math.min(length, access.size - position)));
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await access.handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

export function accessSize(access: RandomAccess): number {
  return access.kind === 'buffer' ? access.buffer.length : access.size;
}

/** Chunks of a re-readable source from the start; each chunk is a fresh buffer, so consumers may keep it. */
export async function* chunksOf(access: RandomAccess, signal?: AbortSignal): AsyncGenerator<Buffer> {
  if (access.kind === 'buffer') {
    for (let offset = 0; offset < access.buffer.length; offset += CHUNK_BYTES) {
      signal?.throwIfAborted();
      yield access.buffer.subarray(offset, offset + CHUNK_BYTES);
    }
    return;
  }
  let position = 0;
  for (;;) {
    signal?.throwIfAborted();
    const chunk = await readAt(access, position, CHUNK_BYTES);
    if (chunk.length === 0) return;
    position += chunk.length;
    yield chunk;
  }
}

export async function fileContent(name: string, handle: FileHandle): Promise<Content> {
  const { size } = await handle.stat();
  const access: RandomAccess = { kind: 'file', handle, size };
  const head = await readAt(access, 0, HEAD_BYTES);
  return { name, size, head, random: access, chunks: (signal) => chunksOf(access, signal) };
}

export function bufferContent(name: string, buffer: Buffer): Content {
  const access: RandomAccess = { kind: 'buffer', buffer };
  return { name, size: buffer.length, head: buffer.subarray(0, HEAD_BYTES), random: access, chunks: (signal) => chunksOf(access, signal) };
}

/** Reads a whole content into memory, refusing (null) past `maxBytes`: for parsers that need everything at once. */
export async function readWhole(content: Content, maxBytes: number, signal?: AbortSignal): Promise<Buffer | null> {
  if (content.random?.kind === 'buffer') return content.random.buffer.length <= maxBytes ? content.random.buffer : null;
  if (content.size !== null && content.size > maxBytes) return null;
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of content.chunks(signal)) {
    total += chunk.length;
    if (total > maxBytes) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}
