/**
 * The QR code on every certificate (DESIGN.md "Evidence and certificates": certificate id +
 * SHA-256 of the JSON), so that a paper copy can be matched with its evidence file by a phone
 * and `sha256sum`. Content: `FGCERT:<number>:<SHA-256, upper-case hex>`. Upper case keeps the
 * whole text in the QR alphanumeric mode, which makes the symbol smaller and easier to scan.
 */
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import type { RgbaImage } from './certificate-pdf-reader';

const PREFIX = 'FGCERT:';

export interface CertificateQr {
  readonly number: string;
  /** Lowercase hex. */
  readonly evidenceSha256: string;
}

export function certificateQrText(number: string, evidenceSha256: string): string {
  return `${PREFIX}${number}:${evidenceSha256.toUpperCase()}`;
}

/** The number and hash in a QR text, or null when it is not a FieldGuard certificate QR. */
export function parseCertificateQrText(text: string): CertificateQr | null {
  const match = /^FGCERT:(.+):([0-9A-Fa-f]{64})$/.exec(text);
  if (!match) return null;
  return { number: match[1] as string, evidenceSha256: (match[2] as string).toLowerCase() };
}

export function isCertificateQrText(text: string): boolean {
  return text.startsWith(PREFIX);
}

/** A PNG of the QR code: error correction M, 4 px per module, the standard 4-module quiet zone. */
export function certificateQrPng(number: string, evidenceSha256: string): Promise<Buffer> {
  return QRCode.toBuffer(certificateQrText(number, evidenceSha256), {
    type: 'png',
    errorCorrectionLevel: 'M',
    scale: 4,
    margin: 4,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}

/** The text of the QR code in an image, or null when there is none. */
export function readQrText(image: RgbaImage): string | null {
  return jsQR(image.rgba, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
