/**
 * A whole device opened for erasure (issue 14, whole-medium erasure), behind a small interface
 * so that the passes can be tested on a fake device with failing sectors — a real one cannot
 * be made to fail on demand here. The real one is opened read-write, unbuffered (O_DIRECT) and
 * exclusively (O_EXCL: on Linux a block device mounted or held by a LUKS/LVM mapping refuses
 * it with EBUSY), so nothing else can be writing to it while it is overwritten, and its
 * read-back comes from the device rather than the page cache. Each pass ends with fdatasync,
 * which for a block device also flushes the device's volatile write cache.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { O_DIRECT, readFully, writeFully, type ReadBack } from '../direct-io';

export interface BlockDevice {
  /** How the read-back reaches the data: 'direct' when the OS page cache is bypassed. */
  readonly readBack: ReadBack;
  /** Writes `buffer[0, length)` at `position`, all of it, or throws the OS error. */
  write(buffer: Buffer, length: number, position: number): Promise<void>;
  /** Reads up to `length` bytes at `position`; fewer only at the end of the device. */
  read(buffer: Buffer, length: number, position: number): Promise<number>;
  /** Makes everything written so far durable on the medium (fdatasync). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** O_EXCL on a block device: an exclusive claim, refused with EBUSY while it is mounted or held. */
const O_EXCL: number = (constants as Partial<typeof constants>).O_EXCL ?? 0;

function fromHandle(handle: FileHandle, readBack: ReadBack): BlockDevice {
  return {
    readBack,
    write: (buffer, length, position) => writeFully(handle, buffer, length, position),
    read: (buffer, length, position) => readFully(handle, buffer, length, position),
    flush: () => handle.datasync(),
    close: () => handle.close(),
  };
}

/**
 * Opens a whole device for overwriting. Where O_DIRECT is refused (EINVAL: some drivers) it
 * falls back to buffered I/O and says so ('cached'); every other refusal — EBUSY, EACCES,
 * ENOENT — is the caller's to report.
 */
export async function openBlockDevice(devicePath: string): Promise<BlockDevice> {
  const flags = constants.O_RDWR | O_EXCL;
  if (O_DIRECT !== 0) {
    try {
      return fromHandle(await open(devicePath, flags | O_DIRECT), 'direct');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
    }
  }
  return fromHandle(await open(devicePath, flags), 'cached');
}

/**
 * Whether nothing else holds the device: it is opened read-only and exclusively, then closed.
 * Throws EBUSY when a partition is still mounted or a mapping (LUKS, LVM, RAID) holds it,
 * EACCES/EPERM without the rights to open it.
 */
export async function checkExclusive(devicePath: string): Promise<void> {
  const handle = await open(devicePath, constants.O_RDONLY | O_EXCL);
  await handle.close();
}

const MEDIUM_ERRORS = new Set(['EIO', 'ENODATA', 'EILSEQ', 'EREMOTEIO', 'EBADMSG', 'ETIMEDOUT']);
const DEVICE_GONE = new Set(['ENODEV', 'ENXIO', 'ENOENT', 'ENOMEDIUM', 'ESHUTDOWN']);

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** An error that one or more sectors of the medium gave (worth retrying sector by sector), not the device as a whole. */
export function isMediumError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && MEDIUM_ERRORS.has(code);
}

/** The device went away (unplugged, card pulled): nothing more can be written, and no sector should be counted bad for it. */
export function isDeviceGone(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && DEVICE_GONE.has(code);
}

/** Lacking the rights to open the device: the screen and the CLI say what is needed. */
export function isPermissionError(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'EACCES' || code === 'EPERM';
}
