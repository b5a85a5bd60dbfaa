/**
 * Unbuffered I/O for erasure (10-1). A verification that reads back from the OS page cache
 * proves only that the kernel holds the pattern, not the device; on Linux, O_DIRECT reads
 * skip the page cache. Node cannot call posix_fadvise(DONTNEED) and exposes O_DIRECT only on
 * Linux (fs.constants.O_DIRECT), which needs buffers aligned to the device's block: Node's
 * Buffers are not, but WebAssembly memory is page-aligned, so the reused blocks live there —
 * shared memory, so that a lane's helper thread (crypto-lane.ts) can fill and read them in place.
 * Where O_DIRECT is missing or refused (Windows, macOS, some file systems) I/O is buffered
 * and the evidence says the read-back may have come from the cache.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** The size of each reused I/O block: large enough for full device throughput, small enough to stay out of the way. */
export const IO_BLOCK_BYTES = 4 * 1024 * 1024;
const WASM_PAGE_BYTES = 64 * 1024;

/** How a pass was read back, as the evidence reports it. */
export type ReadBack = 'direct' | 'cached';

export const O_DIRECT: number = (constants as Partial<typeof constants>).O_DIRECT ?? 0;
/** Never follow a symbolic link at the last path component (0 where the OS has no such flag). */
export const O_NOFOLLOW: number = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;
/** Opening a FIFO swapped in for a planned file must not block the job. */
const O_NONBLOCK: number = (constants as Partial<typeof constants>).O_NONBLOCK ?? 0;

// WebAssembly is a JavaScript global in Node and Electron; TypeScript declares it only with the DOM library.
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => { buffer: ArrayBuffer | SharedArrayBuffer };
};

/**
 * `count` page-aligned blocks of `bytes` each, carved out of one WebAssembly memory: shared
 * between threads where the runtime allows it (`block.buffer` is then a SharedArrayBuffer).
 */
export function alignedBlocks(count: number, bytes = IO_BLOCK_BYTES): Buffer[] {
  const pages = Math.ceil((count * bytes) / WASM_PAGE_BYTES);
  let memory: { buffer: ArrayBuffer | SharedArrayBuffer };
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  } catch {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  }
  const whole = Buffer.from(memory.buffer);
  return Array.from({ length: count }, (_, i) => whole.subarray(i * bytes, (i + 1) * bytes));
}

function isInvalidArgument(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EINVAL';
}

/**
 * Opens a planned regular file for overwriting: read-write, never through a symbolic link,
 * unbuffered when the file system accepts it.
 */
export async function openForOverwrite(file: string): Promise<{ handle: FileHandle; direct: boolean }> {
  const flags = constants.O_RDWR | O_NOFOLLOW | O_NONBLOCK;
  if (O_DIRECT !== 0) {
    try {
      return { handle: await open(file, flags | O_DIRECT), direct: true };
    } catch (error) {
      if (!isInvalidArgument(error)) throw error;
    }
  }
  return { handle: await open(file, flags), direct: false };
}

/** Opens a file read-only without following a link or blocking on a FIFO (for fchmod and checks). */
export function openForInspection(file: string): Promise<FileHandle> {
  return open(file, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
}

/**
 * A second, unbuffered descriptor on the very file `handle` has open, for the read-back.
 * It is opened through /proc/self/fd, so it cannot land on another file even if the path was
 * swapped since. Null where that is not possible: the caller then reads through `handle`.
 */
export async function openDirectReadBack(handle: FileHandle): Promise<FileHandle | null> {
  if (O_DIRECT === 0 || process.platform !== 'linux') return null;
  try {
    const reader = await open(`/proc/self/fd/${handle.fd}`, constants.O_RDONLY | O_DIRECT);
    const [a, b] = await Promise.all([handle.stat({ bigint: true }), reader.stat({ bigint: true })]);
    if (a.dev === b.dev && a.ino === b.ino) return reader;
    await reader.close();
  } catch {
    // No /proc, or O_DIRECT refused by this file system: buffered read-back, said so in the evidence.
  }
  return null;
}

/**
 * Writes all of `buffer[0, length)` at `position`. A short write (a full device) is continued;
 * with O_DIRECT the continuation may be refused, and the error is the caller's to record.
 */
export async function writeFully(handle: FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesWritten } = await handle.write(buffer, done, length - done, position + done);
    if (bytesWritten === 0) throw Object.assign(new Error('no progress writing'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
export async function readFully(handle: FileHandle, buffer: Buffer, length: number, position: number): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}
