/**
 * The QR code on page 1 of every document (issue 13: "paper copies can be checked"): it
 * carries the document's key facts — number, kind, date, site, status, counts, the SHA-256
 * of the evidence — and the engineer key's signature over them, with the signer
 * certificate's fingerprint. A printout whose text was changed next to a genuine QR is caught
 * when the printed facts are compared with what `fieldguard verify --qr SCAN.png` reads from
 * the QR; the signature shows the QR itself was made by the key that signed the document.
 *
 *   FGQR2:<base64url of the canonical JSON facts>.<base64url of the RSASSA-PKCS1-v1_5 SHA-256 signature>
 *
 * Documents issued before carry `FGCERT:<number>:<SHA-256>` (number and evidence hash only,
 * unsigned); both are read. Short keys keep the symbol small enough to scan from paper.
 */
import { constants, createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { certificateKinds, type CertificateDocument } from './certificate-document';
import type { RgbaImage } from './certificate-pdf-reader';
import type { EvidenceDocument } from './signed-evidence';

const LEGACY_PREFIX = 'FGCERT:';
const PREFIX = 'FGQR2:';

/** What the page prints that the QR repeats, signed. */
export const PrintedFacts = z.strictObject({
  /** Certificate number. */
  n: z.string().min(1).max(100),
  /** Kind (erasure, self-check, …). */
  k: z.enum(certificateKinds),
  /** Issued at, ISO-8601 UTC (shown in JST). */
  d: z.iso.datetime(),
  /** SHA-256 of the evidence, lowercase hex. */
  h: z.string().regex(/^[0-9a-f]{64}$/),
  /** The first 16 hex digits of the signer certificate's SHA-256. */
  f: z.string().regex(/^[0-9a-f]{16}$/),
  /** Site, status and counts, when the document has them. */
  s: z.string().max(200).optional(),
  st: z.string().max(100).optional(),
  c: z.record(z.string().max(40), z.number().int().nonnegative()).optional(),
});
export type PrintedFacts = z.infer<typeof PrintedFacts>;

export interface CertificateQr {
  readonly number: string;
  /** Lowercase hex. */
  readonly evidenceSha256: string;
  /** The signed facts (absent in legacy QR codes). */
  readonly facts?: PrintedFacts;
  readonly signature?: Buffer;
}

/** The facts a document's QR carries. */
export function printedFactsOf(document: CertificateDocument, evidenceSha256: string, signerFingerprint: string): PrintedFacts {
  const summary = document.summary ?? {};
  return {
    n: document.number,
    k: document.kind,
    d: new Date(document.issuedAt).toISOString(),
    h: evidenceSha256,
    f: signerFingerprint.slice(0, 16),
    ...(summary.site ? { s: summary.site.slice(0, 200) } : {}),
    ...(summary.status ? { st: summary.status.slice(0, 100) } : {}),
    ...(summary.counts && Object.keys(summary.counts).length > 0 ? { c: summary.counts } : {}),
  };
}

/** The QR text: the facts, signed with the engineer's key (PKCS#8 DER). */
export function signedQrText(facts: PrintedFacts, privateKeyDer: Buffer): string {
  const payload = Buffer.from(canonicalJson(facts), 'utf8');
  const signature = sign('sha256', payload, {
    key: createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' }),
    padding: constants.RSA_PKCS1_PADDING,
  });
  return `${PREFIX}${payload.toString('base64url')}.${signature.toString('base64url')}`;
}

/** The number, hash and (new form) signed facts in a QR text, or null when it is not a FieldGuard QR. */
export function parseCertificateQrText(text: string): CertificateQr | null {
  if (text.startsWith(LEGACY_PREFIX)) {
    const match = /^FGCERT:(.+):([0-9A-Fa-f]{64})$/.exec(text);
    return match ? { number: match[1] as string, evidenceSha256: (match[2] as string).toLowerCase() } : null;
  }
  const match = /^FGQR2:([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(text);
  if (!match) return null;
  try {
    const json = Buffer.from(match[1] as string, 'base64url').toString('utf8');
    const facts = PrintedFacts.parse(JSON.parse(json));
    // Only the canonical form was signed: anything else is not what the engineer's key made.
    if (canonicalJson(facts) !== json) return null;
    return { number: facts.n, evidenceSha256: facts.h, facts, signature: Buffer.from(match[2] as string, 'base64url') };
  } catch {
    return null;
  }
}

export function isCertificateQrText(text: string): boolean {
  return text.startsWith(LEGACY_PREFIX) || text.startsWith(PREFIX);
}

/** Whether the QR's facts are signed by the key of this certificate (and name its fingerprint). */
export function qrSignedBy(qr: CertificateQr, certificateDer: Buffer, fingerprint: string): boolean {
  if (!qr.facts || !qr.signature || !fingerprint.startsWith(qr.facts.f)) return false;
  try {
    const key = new X509Certificate(certificateDer).publicKey;
    return verify('sha256', Buffer.from(canonicalJson(qr.facts), 'utf8'), { key, padding: constants.RSA_PKCS1_PADDING }, qr.signature);
  } catch {
    return false;
  }
}

/** A PNG of the QR code: error correction M, 4 px per module, the standard 4-module quiet zone. */
export function certificateQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
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

export type PrintedCopyAnswer =
  /** Signed by the document's signer and naming exactly this document. */
  | 'matches'
  /** A FieldGuard QR, but its signature or facts do not belong to this document. */
  | 'mismatch'
  /** A QR from before signed facts (number and hash only): it names this document but proves no more. */
  | 'legacy-matches'
  | 'not-fieldguard';

export function comparePrintedCopy(
  qr: CertificateQr | null,
  evidence: EvidenceDocument,
  signer: { readonly certificateDer: Buffer; readonly fingerprint: string },
  evidenceSha256: string,
): PrintedCopyAnswer {
  if (!qr) return 'not-fieldguard';
  const names = qr.number === evidence.payload.number && qr.evidenceSha256 === evidenceSha256;
  if (!qr.facts) return names ? 'legacy-matches' : 'mismatch';
  const same = names && qr.facts.k === evidence.payload.kind && qr.facts.d === new Date(evidence.payload.issuedAt).toISOString();
  return same && qrSignedBy(qr, signer.certificateDer, signer.fingerprint) ? 'matches' : 'mismatch';
}
