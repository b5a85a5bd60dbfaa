/**
 * Bounds on what a PDF given to the verifier may unpack, checked on its raw bytes before pdf-lib
 * parses it (issue 17). pdf-lib inflates every object stream and cross-reference stream while it
 * loads, with no limit, into buffers outside the JS heap: a few megabytes of deflated zeros would
 * become gigabytes in the verifier's worker. Here every `stream … endstream` in the file is
 * inflated with a cap — whatever its dictionary says, since a name can be spelled with `#`
 * escapes — and again while what comes out is itself zlib data (a stream deflated twice); a
 * file where any one stream, or all of them together, unpack beyond the caps is unreadable,
 * never a verdict. Streams that are not zlib data are left to the parser.
 */
import { constants, inflateSync } from 'node:zlib';

/** What one stream may unpack to: FieldGuard's largest is the embedded evidence and the page images, far below. */
export const MAX_STREAM_BYTES = 32 * 1024 * 1024;
/** What all streams together may unpack to. */
export const MAX_TOTAL_STREAM_BYTES = 128 * 1024 * 1024;
/** More streams than this is no certificate FieldGuard writes (a few dozen objects). */
export const MAX_STREAMS = 10_000;
/** Nested deflate layers followed. */
const MAX_LAYERS = 4;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

/** True when the file's streams stay within the caps. */
export function streamsWithinLimits(pdf: Buffer): boolean {
  let total = 0;
  let streams = 0;
  let at = 0;
  for (;;) {
    const keyword = pdf.indexOf(STREAM, at);
    if (keyword < 0) return true;
    // `endstream` contains `stream`: skip it, it ends the previous one.
    if (keyword >= 3 && pdf.subarray(keyword - 3, keyword).toString('latin1') === 'end') {
      at = keyword + STREAM.length;
      continue;
    }
    let start = keyword + STREAM.length;
    if (pdf[start] === 0x0d) start += 1;
    if (pdf[start] === 0x0a) start += 1;
    const end = pdf.indexOf(END_STREAM, start);
    const data = pdf.subarray(start, end < 0 ? pdf.length : end);
    streams += 1;
    if (streams > MAX_STREAMS) return false;
    const unpacked = unpackedSize(data);
    if (unpacked === null) return false;
    total += unpacked;
    if (total > MAX_TOTAL_STREAM_BYTES) return false;
    at = end < 0 ? pdf.length : end + END_STREAM.length;
  }
}

/** The bytes a stream unpacks to through its zlib layers, or null when a layer goes beyond the cap. */
function unpackedSize(data: Buffer): number | null {
  let current = data;
  for (let layer = 0; layer < MAX_LAYERS; layer += 1) {
    if (!looksLikeZlib(current)) return current.length;
    try {
      // A sync flush: a stream cut short (or one holding the bytes "endstream") still yields what it unpacks to.
      current = inflateSync(current, { maxOutputLength: MAX_STREAM_BYTES, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return null;
      // Not zlib after all: the parser decides.
      return current.length;
    }
  }
  return looksLikeZlib(current) ? null : current.length;
}

/** A zlib header: deflate with a window of at most 32 KiB, and a header checksum that holds. */
function looksLikeZlib(data: Buffer): boolean {
  if (data.length < 2) return false;
  const [cmf = 0, flg = 0] = data;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}
