/**
 * Pattern scans through text of any size: chunk by chunk, each window starting with the
 * last OVERLAP characters of the one before, so a pattern cut by a chunk boundary is still
 * seen whole. Memory is one chunk plus the overlap, whatever the file's size.
 */
import type { Content } from './content-source';
import { encodingOf, textDecoder } from './text-decode';

export const OVERLAP_CHARS = 4096;

/** Calls `visit` on consecutive overlapping windows of the content's text. */
export async function scanTextWindows(content: Content, visit: (window: string) => void, signal?: AbortSignal): Promise<void> {
  const decode = textDecoder(encodingOf(content.head));
  let tail = '';
  for await (const chunk of content.chunks(signal)) {
    const window = tail + decode(chunk);
    visit(window);
    tail = window.slice(-OVERLAP_CHARS);
  }
  const rest = decode(Buffer.alloc(0), true);
  if (rest) visit(tail + rest);
}
