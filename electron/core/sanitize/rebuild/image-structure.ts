/**
 * What a PNG or JPEG carries besides its pixels, read from its structure before it is
 * re-encoded: metadata chunks and segments (EXIF, XMP, ICC, text, comments, private chunks)
 * and bytes after the end of the image (after IEND, after the JPEG end-of-image marker) —
 * the usual hiding place of an appended archive or script. These are what the report lists
 * as removed; the re-encoding (image-rebuild.ts) is what removes them.
 */
import type { RemovedObject } from './rebuild-types';

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');
/** Chunks that decide how the pixels look; everything else ancillary is metadata. */
const PNG_RENDERING_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs']);

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

export function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Null when the structure cannot be followed (then the image is not rebuilt). */
export function pngExtras(bytes: Buffer): RemovedObject[] | null {
  if (!isPng(bytes)) return null;
  const removed: RemovedObject[] = [];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) return null;
    if (!PNG_RENDERING_CHUNKS.has(type)) removed.push({ kind: 'image-metadata', location: `${type} chunk`, detail: `${length} bytes` });
    offset = end;
    if (type === 'IEND') {
      if (offset < bytes.length)
        removed.push({ kind: 'image-trailing-data', location: 'after IEND', detail: `${bytes.length - offset} bytes` });
      return removed;
    }
  }
  return null;
}

const JPEG_SEGMENT_NAMES: Readonly<Record<number, string>> = {
  0xe1: 'APP1 (EXIF/XMP)',
  0xe2: 'APP2 (ICC/FlashPix)',
  0xed: 'APP13 (IPTC/Photoshop)',
  0xee: 'APP14 (Adobe)',
  0xfe: 'COM (comment)',
};

/** Segments other than JFIF (APP0) and the coding tables, and bytes after end-of-image. */
export function jpegExtras(bytes: Buffer): RemovedObject[] | null {
  if (!isJpeg(bytes)) return null;
  const removed: RemovedObject[] = [];
  let offset = 2;
  while (offset + 2 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd9) {
      const end = offset + 2;
      if (end < bytes.length)
        removed.push({ kind: 'image-trailing-data', location: 'after end of image', detail: `${bytes.length - end} bytes` });
      return removed;
    }
    if (offset + 4 > bytes.length) return null;
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe)
      removed.push({
        kind: 'image-metadata',
        location: JPEG_SEGMENT_NAMES[marker] ?? `APP${marker - 0xe0}`,
        detail: `${length - 2} bytes`,
      });
    offset += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data: runs until a marker that is not stuffing (FF00) or a restart (FFD0–FFD7).
      while (offset + 1 < bytes.length) {
        if (bytes[offset] === 0xff) {
          const next = bytes[offset + 1] ?? 0;
          if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
        }
        offset++;
      }
    }
  }
  return null;
}
