/**
 * Paper copies (issue 13): reads the QR code from a photo or scan of a printed page, and
 * says whether it is a FieldGuard QR whose facts are signed by the document's signer and
 * match the document. Images are decoded with sharp (PNG, JPEG, TIFF, WebP…), bounded in
 * pixels, and tried at a few scales because phone photos are large and scans are sharp.
 */
import sharp, { type Sharp } from 'sharp';
import { readQrText } from './certificate-qr';

/** Photos above this are refused unread (a 12-megapixel phone photo is about 12 M). */
const MAX_INPUT_PIXELS = 80_000_000;
const WIDTHS = [null, 2000, 1200, 800] as const;
// A soft photo or a JPEG's blocks can defeat the QR reader's own thresholding: sharpened and
// stretched to full contrast, the same image often reads.
const TREATMENTS = [(image: Sharp) => image, (image: Sharp) => image.greyscale().normalise().sharpen({ sigma: 1 })] as const;

/** The FieldGuard QR text in an image, or null when none can be read. */
export async function readQrFromImage(bytes: Buffer): Promise<string | null> {
  for (const treat of TREATMENTS) {
    for (const width of WIDTHS) {
      const text = await readAt(bytes, width, treat);
      if (text === undefined) return null;
      if (text) return text;
    }
  }
  return null;
}

/** The QR text at one size and treatment; null when none was found, undefined when the image cannot be decoded at all. */
async function readAt(bytes: Buffer, width: number | null, treat: (image: Sharp) => Sharp): Promise<string | null | undefined> {
  try {
    let pipeline = treat(sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().flatten({ background: '#ffffff' }));
    if (width) pipeline = pipeline.resize({ width, withoutEnlargement: true });
    const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return readQrText({ width: info.width, height: info.height, rgba: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) });
  } catch {
    return undefined;
  }
}
