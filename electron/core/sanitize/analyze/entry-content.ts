/**
 * An archive entry as analyzable Content, decompressed once, with every byte charged to the
 * archive budget as the inflater produces it. Entries that need random access (nested zips,
 * Office and OLE files) are buffered, up to MAX_BUFFERED_ENTRY_BYTES; everything else is
 * streamed to its analyzer — head first, then the rest — so a 2 GB DICOM inside a zip costs
 * one chunk of memory, not 2 GB.
 */
import type { Readable } from 'node:stream';
import type { ArchiveBudget } from './archive-budget';
import { HEAD_BYTES, bufferContent, type Content } from './content-source';
import { isOle } from './ole';

/** Nested archives and compound files are parsed in memory: no larger than this. */
export const MAX_BUFFERED_ENTRY_BYTES = 128 * 1024 * 1024;

/** Decompressed chunks of one entry, each charged to the budget before it is handed on. */
export async function* expandedChunks(
  stream: Readable,
  budget: ArchiveBudget,
  compressedSize: number,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      total += chunk.length;
      budget.chargeExpanded(chunk.length, total, compressedSize);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

function needsRandomAccess(head: Buffer): boolean {
  const zip =
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 0x03 || head[2] === 0x05) &&
    (head[3] === 0x04 || head[3] === 0x06);
  return zip || isOle(head);
}

export type EntryContent =
  | { readonly kind: 'content'; readonly content: Content; readonly bytes: () => number; readonly drain: () => Promise<void> }
  | { readonly kind: 'too-large'; readonly drain: () => Promise<void> };

/**
 * Reads the head of an entry and decides how the rest is handed over. `drain` reads what the
 * analyzer left unread, so the whole entry is always charged and size-checked.
 */
export async function entryContent(name: string, chunks: AsyncGenerator<Buffer>): Promise<EntryContent> {
  const parts: Buffer[] = [];
  let total = 0;
  let done = false;
  while (total < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    parts.push(next.value);
    total += next.value.length;
  }
  const drain = async (): Promise<void> => {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) total += next.value.length;
  };
  const bytes = () => total;
  if (done) return { kind: 'content', content: bufferContent(name, Buffer.concat(parts, total)), bytes, drain };
  const head = Buffer.concat(parts, total);
  if (needsRandomAccess(head)) {
    const whole: Buffer[] = [head];
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      total += next.value.length;
      if (total > MAX_BUFFERED_ENTRY_BYTES) return { kind: 'too-large', drain };
      whole.push(next.value);
    }
    return { kind: 'content', content: bufferContent(name, Buffer.concat(whole, total)), bytes, drain };
  }
  let used = false;
  const content: Content = {
    name,
    size: null,
    head: head.subarray(0, HEAD_BYTES),
    random: null,
    chunks: () => {
      if (used) throw new Error('A streamed archive entry can be read only once');
      used = true;
      return (async function* () {
        yield head;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
          total += next.value.length;
          yield next.value;
        }
      })();
    },
  };
  return { kind: 'content', content, bytes, drain };
}
