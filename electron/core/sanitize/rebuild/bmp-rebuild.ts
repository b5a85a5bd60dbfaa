/**
 * Content disarm for BMP, which this build of sharp cannot decode: the format is simple enough
 * to rebuild by its specification. Only uncompressed bitmaps (BI_RGB, 8-bit with a palette,
 * 24- or 32-bit) are rebuilt; the new file has the plain 40-byte BITMAPINFOHEADER, the
 * palette, and each row's pixel bytes copied with zero padding — so an ICC profile in a
 * V4/V5 header, bytes hidden between the header and the pixels, in row padding or after the
 * pixels are all gone, and the pixels are the same bytes. Anything else is not rebuilt.
 */
import { readFile } from 'node:fs/promises';
import { CannotRebuild, type RebuildOptions, type RebuildOutcome, type RemovedObject } from './rebuild-types';
import { writeNewFile } from './write-new-file';

export const MAX_BMP_BYTES = 512 * 1024 * 1024;
const FILE_HEADER = 14;
const INFO_HEADER = 40;

interface Bitmap {
  readonly width: number;
  readonly height: number; // negative: rows top-down
  readonly bits: 8 | 24 | 32;
  readonly palette: Buffer;
  readonly pixelOffset: number;
  readonly headerSize: number;
}

function parse(bytes: Buffer): Bitmap {
  if (bytes.length < FILE_HEADER + INFO_HEADER || bytes.toString('latin1', 0, 2) !== 'BM') throw new CannotRebuild('unreadable');
  const pixelOffset = bytes.readUInt32LE(10);
  const headerSize = bytes.readUInt32LE(14);
  if (headerSize !== 40 && headerSize !== 108 && headerSize !== 124) throw new CannotRebuild('unsupported');
  const width = bytes.readInt32LE(18);
  const height = bytes.readInt32LE(22);
  const planes = bytes.readUInt16LE(26);
  const bits = bytes.readUInt16LE(28);
  const compression = bytes.readUInt32LE(30);
  if (
    planes !== 1 ||
    compression !== 0 ||
    (bits !== 8 && bits !== 24 && bits !== 32) ||
    width <= 0 ||
    height === 0 ||
    width > 32_000 ||
    Math.abs(height) > 32_000
  )
    throw new CannotRebuild('unsupported');
  const colours = bits === 8 ? bytes.readUInt32LE(46) || 256 : 0;
  const paletteStart = FILE_HEADER + headerSize;
  const palette = bytes.subarray(paletteStart, paletteStart + colours * 4);
  if (colours > 256 || palette.length !== colours * 4 || pixelOffset < paletteStart + palette.length) throw new CannotRebuild('unreadable');
  return { width, height, bits, palette, pixelOffset, headerSize };
}

export async function rebuildBmp(source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
  const bytes = await readFile(source, { signal: options.signal });
  if (bytes.length > MAX_BMP_BYTES) throw new CannotRebuild('too-large');
  const bitmap = parse(bytes);
  const rowBytes = (bitmap.width * bitmap.bits) / 8;
  const stride = Math.ceil(rowBytes / 4) * 4;
  const rows = Math.abs(bitmap.height);
  const pixelEnd = bitmap.pixelOffset + stride * rows;
  if (pixelEnd > bytes.length) throw new CannotRebuild('unreadable');

  const removed: RemovedObject[] = [];
  if (bitmap.headerSize !== INFO_HEADER)
    removed.push({
      kind: 'image-metadata',
      location: `BITMAPV${bitmap.headerSize === 108 ? 4 : 5}HEADER`,
      detail: 'colour space / ICC profile',
    });
  const gap = bitmap.pixelOffset - (FILE_HEADER + bitmap.headerSize + bitmap.palette.length);
  if (gap > 0) removed.push({ kind: 'image-metadata', location: 'before the pixels', detail: `${gap} bytes` });
  let padding = 0;
  for (let row = 0; row < rows; row++) {
    const start = bitmap.pixelOffset + row * stride;
    if (bytes.subarray(start + rowBytes, start + stride).some((b) => b !== 0)) padding++;
  }
  if (padding > 0) removed.push({ kind: 'image-metadata', location: 'row padding', detail: `${padding} rows` });
  if (pixelEnd < bytes.length)
    removed.push({ kind: 'image-trailing-data', location: 'after the pixels', detail: `${bytes.length - pixelEnd} bytes` });
  if (removed.length === 0) return { outcome: 'unchanged', removed: [] };

  const offset = FILE_HEADER + INFO_HEADER + bitmap.palette.length;
  const out = Buffer.alloc(offset + stride * rows);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(INFO_HEADER, 14);
  out.writeInt32LE(bitmap.width, 18);
  out.writeInt32LE(bitmap.height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(bitmap.bits, 28);
  out.writeUInt32LE(0, 30);
  out.writeUInt32LE(stride * rows, 34);
  out.writeInt32LE(bytes.readInt32LE(38), 38); // resolution is kept: it sizes a printout
  out.writeInt32LE(bytes.readInt32LE(42), 42);
  out.writeUInt32LE(bitmap.palette.length / 4, 46);
  bitmap.palette.copy(out, FILE_HEADER + INFO_HEADER);
  for (let row = 0; row < rows; row++)
    bytes.copy(out, offset + row * stride, bitmap.pixelOffset + row * stride, bitmap.pixelOffset + row * stride + rowBytes);
  await writeNewFile(destination, [out]);
  return { outcome: 'sanitized', removed };
}
