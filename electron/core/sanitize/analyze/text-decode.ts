/**
 * Turning bytes into text for the text rules and pattern scans. Every pattern we look for
 * is ASCII, so single-byte text (ASCII, UTF-8, Shift_JIS) is read as Latin-1 — one char per
 * byte, never a decoding error, multi-byte characters merely look odd — and UTF-16 (Windows
 * exports with a byte-order mark) is decoded properly, or its ASCII would hide behind NULs.
 */

export type TextEncoding = 'single-byte' | 'utf-16le' | 'utf-16be';

export function encodingOf(head: Buffer): TextEncoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'single-byte';
}

/** A decoder that keeps state across chunks (a UTF-16 unit split between two reads). */
export function textDecoder(encoding: TextEncoding): (chunk: Buffer, final?: boolean) => string {
  if (encoding === 'single-byte') return (chunk) => chunk.toString('latin1');
  const decoder = new TextDecoder(encoding, { fatal: false });
  return (chunk, final = false) => decoder.decode(chunk, { stream: !final });
}

/** The head as text without its byte-order mark; the last partial UTF-16 unit is dropped. */
export function headText(head: Buffer): string {
  const encoding = encodingOf(head);
  const text =
    encoding === 'single-byte'
      ? head.toString('latin1')
      : new TextDecoder(encoding).decode(head.subarray(0, head.length - (head.length % 2)));
  return text.replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '');
}

/**
 * Whether the head reads as text: no NUL (after UTF-16 decoding) and almost no other
 * control characters. Bytes ≥ 0x80 are allowed: UTF-8 and Shift_JIS use them.
 */
export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return true;
  const text = headText(head);
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    // Tab, LF, VT, FF, CR and ESC (ANSI colours in logs) are normal in text.
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1b) controls++;
    if (code === 0x7f) controls++;
  }
  return controls <= text.length / 100;
}
