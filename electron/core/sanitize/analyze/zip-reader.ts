/**
 * yauzl, opened so that it reports instead of refusing: names are decoded by us (yauzl
 * would stop the whole archive at the first "../" name, and we must say which entry it
 * was), entry sizes are checked by our own counters while inflating (yauzl's check trusts
 * the header it is checking), and a file is read through the descriptor we opened with
 * O_NOFOLLOW — yauzl's own fd reader would close that descriptor behind our back.
 */
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { RandomAccess } from './content-source';

class FileHandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const handle = this.handle;
    async function* range(): AsyncGenerator<Buffer> {
      let position = start;
      while (position < end) {
        const buffer = Buffer.allocUnsafe(Math.min(256 * 1024, end - position));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) return;
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
    }
    return Readable.from(range(), { objectMode: false });
  }

  override close(callback: (error: Error | null) => void): void {
    callback(null); // the handle belongs to the caller
  }
}

const OPTIONS: yauzl.Options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false };

export async function openZip(access: RandomAccess): Promise<yauzl.ZipFile> {
  if (access.kind === 'buffer') return yauzl.fromBufferPromise(access.buffer, OPTIONS);
  return yauzl.fromRandomAccessReaderPromise(new FileHandleReader(access.handle), access.size, OPTIONS);
}

/** Central-directory entries one at a time; the iterator rejects on a corrupt directory. */
export function entriesOf(zip: yauzl.ZipFile): AsyncIterableIterator<yauzl.Entry> {
  return zip.eachEntry();
}

/** The name an extractor would use (the Info-ZIP Unicode path field wins over the header bytes). */
export function entryName(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

export async function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return zip.openReadStreamPromise(entry);
}
