/**
 * Sequential reading of a content's bytes for formats walked record by record (TAR headers,
 * DICOM data elements): small reads for headers, and skips or piece-by-piece streams for the
 * values between them, so a 2 GB value costs one chunk of memory. A re-readable content is
 * read at positions (a skip costs nothing); a streamed archive entry is read through its
 * chunks once.
 */
import { CHUNK_BYTES, readAt, type Content } from './content-source';

export class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private iterator: AsyncIterator<Buffer> | null = null;
  private ended = false;
  /** Bytes consumed from the start. */
  position = 0;

  constructor(
    private readonly content: Content,
    private readonly signal?: AbortSignal,
  ) {}

  /** Total size when known (a file, a buffer). */
  get size(): number | null {
    return this.content.random ? this.content.size : null;
  }

  private async fill(wanted: number): Promise<void> {
    if (this.content.random) {
      if (this.buffered.length >= wanted) return;
      this.signal?.throwIfAborted();
      const more = await readAt(
        this.content.random,
        this.position + this.buffered.length,
        Math.max(wanted - this.buffered.length, 64 * 1024),
      );
      this.buffered = Buffer.concat([this.buffered, more]);
      return;
    }
    this.iterator ??= this.content.chunks(this.signal)[Symbol.asyncIterator]();
    const parts = [this.buffered];
    let total = this.buffered.length;
    while (total < wanted && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else {
        parts.push(next.value);
        total += next.value.length;
      }
    }
    if (parts.length > 1) this.buffered = Buffer.concat(parts, total);
  }

  /** Up to `length` bytes (fewer only at the end). */
  async read(length: number): Promise<Buffer> {
    await this.fill(length);
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(bytes.length);
    this.position += bytes.length;
    return bytes;
  }

  /** The next `length` bytes without consuming them. */
  async peek(length: number): Promise<Buffer> {
    await this.fill(length);
    return this.buffered.subarray(0, length);
  }

  /** Skips up to `length` bytes; returns how many were there. */
  async skip(length: number): Promise<number> {
    if (this.content.random && this.content.size !== null) {
      const available = Math.min(length, this.content.size - this.position);
      const fromBuffer = Math.min(available, this.buffered.length);
      this.buffered = this.buffered.subarray(fromBuffer);
      this.position += available;
      return available;
    }
    let skipped = 0;
    for await (const piece of this.pieces(length)) skipped += piece.length;
    return skipped;
  }

  /** The next `length` bytes in pieces of at most a chunk, consumed as they are handed out. */
  async *pieces(length: number): AsyncGenerator<Buffer> {
    let left = length;
    while (left > 0) {
      const piece = await this.read(Math.min(left, CHUNK_BYTES));
      if (piece.length === 0) return;
      left -= piece.length;
      yield piece;
    }
  }

  /** Whether every byte has been consumed. */
  async atEnd(): Promise<boolean> {
    return (await this.peek(1)).length === 0;
  }
}
