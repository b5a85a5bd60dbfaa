/**
 * Reads what `verifyCertificate` checks out of a certificate PDF (10-1): the signature's
 * /ByteRange and /Contents as bytes in the file, the embedded evidence.json (from the
 * EmbeddedFiles name tree), and the images drawn on the pages (to find the QR code). The
 * file may come from anyone, so every size is bounded before anything is inflated, and only
 * the forms FieldGuard writes are accepted (FlateDecode or no filter, 8-bit RGB or gray).
 */
import { inflateSync } from 'node:zlib';
import { streamsWithinLimits } from './pdf-stream-limits';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';

export interface SignatureRange {
  /** /ByteRange: [start1, length1, start2, length2]. */
  readonly byteRange: readonly [number, number, number, number];
}

export interface SignedParts {
  /** The two signed ranges, concatenated. */
  readonly signedBytes: Buffer;
  /** The hex inside /Contents <…>, as found in the gap between the ranges. */
  readonly contentsHex: string;
  /** Where the signed content ends: the whole file when nothing was appended. */
  readonly signedEnd: number;
}

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

const MAX_IMAGE_PIXELS = 4096 * 4096;

/**
 * Every /ByteRange in the file, read from its bytes. FieldGuard's PDFs write the signature
 * dictionary uncompressed and everything else in compressed streams, so this finds exactly
 * the signatures (one, unless something was appended).
 */
export function findSignatureRanges(pdf: Buffer): SignatureRange[] {
  const text = pdf.toString('latin1');
  const ranges: SignatureRange[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g)) {
    ranges.push({ byteRange: [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])] });
  }
  return ranges;
}

/** The signed bytes and the CMS hex of a range, or null when the range is not a well-formed signature gap. */
export function signedParts(pdf: Buffer, range: SignatureRange): SignedParts | null {
  const [start1, length1, start2, length2] = range.byteRange;
  if (start1 !== 0 || length1 <= 0 || start2 <= length1 || length2 < 0 || start2 + length2 > pdf.length) return null;
  const gap = pdf.subarray(length1, start2).toString('latin1');
  const match = /^<([0-9A-Fa-f]*)>$/.exec(gap);
  if (!match || (match[1] as string).length % 2 !== 0) return null;
  return {
    signedBytes: Buffer.concat([pdf.subarray(0, length1), pdf.subarray(start2, start2 + length2)]),
    contentsHex: match[1] as string,
    signedEnd: start2 + length2,
  };
}

/** The parsed PDF, or null when it does not parse or has no pages (pdf-lib accepts a bare header). */
export async function loadPdf(bytes: Buffer): Promise<PDFDocument | null> {
  // pdf-lib unpacks object streams without a limit while it loads: the caps are checked first.
  if (!streamsWithinLimits(bytes)) return null;
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false, throwOnInvalidObject: true });
    return pdf.getPageCount() > 0 ? pdf : null;
  } catch {
    return null;
  }
}

function lookup(dict: PDFDict | undefined, key: string): PDFObject | undefined {
  return dict?.lookup(PDFName.of(key));
}

function dictAt(dict: PDFDict | undefined, key: string): PDFDict | undefined {
  const value = lookup(dict, key);
  return value instanceof PDFDict ? value : undefined;
}

function numberAt(dict: PDFDict, key: string): number | undefined {
  const value = lookup(dict, key);
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** The /Contents hex of every signature field in the AcroForm, lowercase. */
export function signatureFieldContents(pdf: PDFDocument): string[] {
  const fields = lookup(dictAt(pdf.catalog, 'AcroForm'), 'Fields');
  if (!(fields instanceof PDFArray)) return [];
  const contents: string[] = [];
  for (let i = 0; i < fields.size(); i += 1) {
    const field = fields.lookup(i);
    if (!(field instanceof PDFDict) || lookup(field, 'FT') !== PDFName.of('Sig')) continue;
    const value = lookup(dictAt(field, 'V'), 'Contents');
    if (value instanceof PDFHexString) contents.push(value.asString().toLowerCase());
  }
  return contents;
}

/** Decodes a stream written with FlateDecode or no filter, refusing more than `maxBytes`. */
function streamBytes(stream: PDFRawStream, maxBytes: number): Buffer | null {
  const filter = lookup(stream.dict, 'Filter');
  const filters = filter instanceof PDFArray ? filter.asArray() : filter === undefined ? [] : [filter];
  if (lookup(stream.dict, 'DecodeParms') !== undefined) return null;
  let data = Buffer.from(stream.contents);
  for (const name of filters) {
    if (name !== PDFName.of('FlateDecode')) return null;
    try {
      data = inflateSync(data, { maxOutputLength: maxBytes });
    } catch {
      return null;
    }
  }
  return data.length <= maxBytes ? data : null;
}

/** The embedded file called `name` in the document's EmbeddedFiles name tree, or null. */
export function embeddedFile(pdf: PDFDocument, name: string, maxBytes: number): Buffer | null {
  const found: PDFDict[] = [];
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > 8) return;
    const names = lookup(node, 'Names');
    if (names instanceof PDFArray) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const spec = names.lookup(i + 1);
        if (text(names.lookup(i)) === name && spec instanceof PDFDict) found.push(spec);
      }
    }
    const kids = lookup(node, 'Kids');
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i += 1) walk(kids.lookup(i) as PDFDict, depth + 1);
  };
  walk(dictAt(dictAt(pdf.catalog, 'Names'), 'EmbeddedFiles'), 0);
  // Two files of the same name would leave it open which one a reader shows.
  if (found.length !== 1) return null;
  const stream = lookup(dictAt(found[0], 'EF'), 'F');
  return stream instanceof PDFRawStream ? streamBytes(stream, maxBytes) : null;
}

/** The 8-bit RGB and gray images the pages draw, as RGBA pixels. */
export function pageImages(pdf: PDFDocument): RgbaImage[] {
  const images: RgbaImage[] = [];
  for (const page of pdf.getPages()) {
    const xObjects = dictAt(page.node.Resources(), 'XObject');
    if (!xObjects) continue;
    for (const [, ref] of xObjects.entries()) {
      const stream = pdf.context.lookup(ref);
      if (!(stream instanceof PDFRawStream) || lookup(stream.dict, 'Subtype') !== PDFName.of('Image')) continue;
      const width = numberAt(stream.dict, 'Width') ?? 0;
      const height = numberAt(stream.dict, 'Height') ?? 0;
      const colorSpace = lookup(stream.dict, 'ColorSpace');
      const channels = colorSpace === PDFName.of('DeviceRGB') ? 3 : colorSpace === PDFName.of('DeviceGray') ? 1 : 0;
      if (!channels || numberAt(stream.dict, 'BitsPerComponent') !== 8) continue;
      if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || width * height > MAX_IMAGE_PIXELS) continue;
      const pixels = streamBytes(stream, width * height * channels);
      if (!pixels || pixels.length !== width * height * channels) continue;
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < width * height; i += 1) {
        const r = pixels[i * channels] as number;
        rgba[i * 4] = r;
        rgba[i * 4 + 1] = channels === 3 ? (pixels[i * 3 + 1] as number) : r;
        rgba[i * 4 + 2] = channels === 3 ? (pixels[i * 3 + 2] as number) : r;
        rgba[i * 4 + 3] = 255;
      }
      images.push({ width, height, rgba });
    }
  }
  return images;
}
