/**
 * Paper copies (issue 13): reads the QR code from a photo or scan of a printed page, and
 * says whether it is a FieldGuard QR whose facts are signed by the document's signer and
 * match the document. Images are decoded with sharp (PNG, JPEG, TIFF, WebP…), bounded in
 * pixels, and tried at a few scales because phone photos are large and scans are sharp.
 */
import sharp from 'sharp';
import { readQrText } from './certificate-qr';

/** Photos above this are refused unread (a 12-megapixel phone photo is about 12 M). */
const MAX_INPUT_PIXELS = 80_000_000;
const WIDTHS = [null, 2000, 1200, 800] as const;

/** The FieldGuard QR text in an image, or null when none can be read. */
export async function readQrFromImage(bytes: Buffer): Promise<string | null> {
  for (const width of WIDTHS) {
    try {
      let pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().flatten({ background: '#ffffff' });
      if (width) pipeline = pipeline.resize({ width, withoutEnlargement: true });
      const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const text = readQrText({ width: info.width, height: info.height, rgba: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) });
      if (text) return text;
    } catch {
      return null;
    }
  }
  return null;
}

