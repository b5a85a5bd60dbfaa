/**
 * Inflating a PDF object stream while it is being read: zlib in streaming mode, with a cap
 * on what comes out, so a small deflate bomb disguised as an object stream costs at most the
 * cap. Its text goes straight to a scanner and is not kept.
 */
import { once } from 'node:events';
import { createInflate } from 'node:zlib';

/** No real object stream comes near this; past it the stream cannot be cleared. */
export const OBJECT_STREAM_MAX_BYTES = 64 * 1024 * 1024;

export class StreamInflater {
  private readonly zlib = createInflate();
  private failed = false;
  private total = 0;
  private readonly settled: Promise<void>;

  constructor(onText: (text: string) => void, cap = OBJECT_STREAM_MAX_BYTES) {
    this.zlib.on('data', (data: Buffer) => {
      if (this.failed) return;
      this.total += data.length;
      if (this.total > cap) {
        this.failed = true;
        this.zlib.destroy();
        return;
      }
      onText(data.toString('latin1'));
    });
    this.settled = new Promise((resolve) => {
      this.zlib.once('error', () => {
        this.failed = true;
        resolve();
      });
      this.zlib.once('end', () => resolve());
      this.zlib.once('close', () => resolve());
    });
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.failed || this.zlib.destroyed || this.zlib.writableEnded || bytes.length === 0) return;
    if (!this.zlib.write(bytes)) await Promise.race([once(this.zlib, 'drain').catch(() => undefined), this.settled]);
  }

  /** Ends the input; true when everything inflated within the cap (trailing bytes after the deflate end are ignored, as readers do). */
  async end(): Promise<boolean> {
    if (!this.zlib.destroyed && !this.zlib.writableEnded) this.zlib.end();
    await this.settled;
    return !this.failed;
  }
}
