/**
 * A drawn signature as the renderer sends it: a PNG data URL from the signature pad, at most
 * ~300 KB — and at most SIGNATURE_MAX_PIXELS pixels, read from the PNG's own header (issue 17).
 * 300 KB of PNG can declare 50,000 × 50,000 pixels; decoding it to draw it into a certificate
 * would take gigabytes (a decompression bomb), so the size is checked before anything decodes it.
 * Shared by every channel that takes a signature, and usable in the renderer (atob, no Buffer).
 */
import { z } from 'zod';

/** Far above the pad's canvas (about 1200 × 400 at a high pixel ratio), far below a bomb. */
export const SIGNATURE_MAX_SIDE = 4096;
export const SIGNATURE_MAX_PIXELS = 4_000_000;

const PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk that must follow the PNG signature; null when the bytes are not a PNG. */
export function pngDimensions(dataUrl: string): { width: number; height: number } | null {
  let head: string;
  try {
    // 32 base64 characters are 24 bytes: the signature, IHDR's length and type, width and height.
    head = atob(dataUrl.slice(PREFIX.length, PREFIX.length + 32));
  } catch {
    return null;
  }
  const bytes = Array.from(head, (c) => c.charCodeAt(0));
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return null;
  const u32 = (at: number) =>
    (bytes[at] ?? 0) * 2 ** 24 + ((bytes[at + 1] ?? 0) << 16) + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
  return { width: u32(16), height: u32(20) };
}

export const SignaturePng = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
  .refine((value) => {
    const size = pngDimensions(value);
    return (
      size !== null &&
      size.width > 0 &&
      size.height > 0 &&
      size.width <= SIGNATURE_MAX_SIDE &&
      size.height <= SIGNATURE_MAX_SIDE &&
      size.width * size.height <= SIGNATURE_MAX_PIXELS
    );
  }, "not a PNG of a drawn signature's size");
