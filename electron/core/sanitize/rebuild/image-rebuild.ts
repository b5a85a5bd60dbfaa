/**
 * Content disarm for images: PNG, JPEG and TIFF are decoded and encoded again by sharp
 * (libvips), keeping only pixels — no EXIF, XMP, IPTC, ICC profile (colours are converted to
 * sRGB first, so the picture looks the same), text chunks, comments, private chunks, or
 * bytes after the image. JPEG is turned upright by its EXIF orientation before the EXIF goes.
 * Lossless formats are proven lossless: the rebuilt file is decoded again and its pixels must
 * equal the original's, or nothing is delivered. BMP has no codec in this sharp build and is
 * rebuilt by bmp-rebuild.ts. A TIFF is always re-encoded: its private tags can hide anything
 * and only EXIF, XMP, IPTC and ICC are named in the list of what was removed.
 */
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { jpegExtras, pngExtras } from './image-structure';
import { CannotRebuild, type RebuildOptions, type RebuildOutcome, type RemovedObject } from './rebuild-types';
import { writeNewFile } from './write-new-file';

/** Images are decoded in memory: no larger than this file size, nor more pixels than this. */
export const MAX_IMAGE_BYTES = 512 * 1024 * 1024;
const MAX_PIXELS = 32_000 * 32_000;

type ImageKind = 'png' | 'jpeg' | 'tiff';

const decoder = (input: Buffer) => sharp(input, { failOn: 'error', limitInputPixels: MAX_PIXELS, sequentialRead: true });

/** Pixels as the decoder renders them (sRGB, upright), at the image's own depth. */
async function pixelsOf(input: Buffer, sixteenBit: boolean): Promise<Buffer> {
  return decoder(input)
    .rotate()
    .raw({ depth: sixteenBit ? 'ushort' : 'uchar' })
    .toBuffer();
}

async function metadataExtras(input: Buffer): Promise<RemovedObject[]> {
  const meta = await decoder(input).metadata();
  const removed: RemovedObject[] = [];
  if (meta.exif) removed.push({ kind: 'image-metadata', location: 'EXIF', detail: `${meta.exif.length} bytes` });
  if (meta.xmp) removed.push({ kind: 'image-metadata', location: 'XMP', detail: `${meta.xmp.length} bytes` });
  if (meta.iptc) removed.push({ kind: 'image-metadata', location: 'IPTC', detail: `${meta.iptc.length} bytes` });
  if (meta.icc) removed.push({ kind: 'image-metadata', location: 'ICC profile', detail: `${meta.icc.length} bytes` });
  return removed;
}

export async function rebuildImage(kind: ImageKind, source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
  const input = await readFile(source, { signal: options.signal });
  if (input.length > MAX_IMAGE_BYTES) throw new CannotRebuild('too-large');
  let meta: Metadata;
  try {
    meta = await decoder(input).metadata();
  } catch {
    throw new CannotRebuild('unreadable');
  }
  if (meta.format !== (kind === 'jpeg' ? 'jpeg' : kind)) throw new CannotRebuild('unreadable');
  // A multi-page TIFF would be cut to its first page: not rebuilt rather than silently shortened.
  if ((meta.pages ?? 1) > 1) throw new CannotRebuild('unsupported');
  const structural = kind === 'png' ? pngExtras(input) : kind === 'jpeg' ? jpegExtras(input) : await metadataExtras(input);
  if (structural === null) throw new CannotRebuild('unreadable');
  // A TIFF's tags cannot all be told apart from data here: it is always re-encoded, as a precaution
  // when nothing specific was found (PNG and JPEG structure is fully accounted for above).
  if (structural.length === 0 && kind !== 'tiff') return { outcome: 'unchanged', removed: [] };

  const sixteenBit = meta.depth === 'ushort';
  let output: Buffer;
  try {
    const pipeline = decoder(input).rotate();
    if (kind === 'jpeg') output = await pipeline.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer();
    else {
      const colour = sixteenBit ? pipeline.toColourspace(meta.channels <= 2 ? 'grey16' : 'rgb16') : pipeline;
      output = kind === 'png' ? await colour.png({ compressionLevel: 6 }).toBuffer() : await colour.tiff({ compression: 'lzw' }).toBuffer();
    }
    options.signal?.throwIfAborted();
    const check = await decoder(output).metadata();
    if (check.exif || check.xmp || check.iptc || check.icc) throw new CannotRebuild('active-content-remains', structural);
    if (kind === 'jpeg') {
      if (check.width !== meta.autoOrient.width || check.height !== meta.autoOrient.height)
        throw new CannotRebuild('does-not-render', structural);
    } else if (!(await pixelsOf(input, sixteenBit)).equals(await pixelsOf(output, sixteenBit))) {
      throw new CannotRebuild('does-not-render', structural);
    }
  } catch (error) {
    if (error instanceof CannotRebuild || (error instanceof Error && error.name === 'AbortError')) throw error;
    throw new CannotRebuild('unreadable', structural);
  }
  await writeNewFile(destination, [output]);
  return { outcome: 'sanitized', removed: structural };
}
