/**
 * The signed evidence of a certificate (10-1, 10-5; docs/decisions.md, "Evidence and certificates"):
 *
 *   { "format": "fieldguard-evidence/2", "payload": {…},
 *     "signature": { "algorithm": "RSASSA-PKCS1-v1_5-SHA256", "certificate": <base64 DER>,
 *                    "chain": [<base64 DER of each issuer up to the company root>], "value": <base64> } }
 *
 * Format 1 (before issue 13) has no chain: its documents stay readable and are answered
 * "intact, issuer not confirmed".
 *
 * The signature is over the RFC 8785 canonical form of `payload`, so anyone can check it with
 * standard tools and no FieldGuard code. The document is stored and embedded in its own
 * canonical form; the SHA-256 of those bytes is the hash the QR code and the PDF print, so
 * `sha256sum evidence.json` on the extracted attachment gives the printed value.
 */
import { constants, createHash, createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { certificateKinds, type EvidencePayload } from './certificate-document';

export const EVIDENCE_FORMAT = 'fieldguard-evidence/2';
const LEGACY_EVIDENCE_FORMAT = 'fieldguard-evidence/1';
export const EVIDENCE_SIGNATURE_ALGORITHM = 'RSASSA-PKCS1-v1_5-SHA256';
/** Larger evidence is refused unread: ours is a few kilobytes, even with hundreds of items. */
export const MAX_EVIDENCE_BYTES = 8 * 1024 * 1024;

export type EvidenceDocument = {
  readonly format: typeof EVIDENCE_FORMAT | typeof LEGACY_EVIDENCE_FORMAT;
  readonly payload: EvidencePayload;
  readonly signature: {
    readonly algorithm: typeof EVIDENCE_SIGNATURE_ALGORITHM;
    readonly certificate: string;
    readonly chain?: readonly string[];
    readonly value: string;
  };
};

export interface SignedEvidence {
  readonly document: EvidenceDocument;
  /** The canonical JSON of `document`: the bytes to store and embed. */
  readonly json: string;
  /** SHA-256 of `json`, lowercase hex. */
  readonly sha256: string;
}

// Strict objects: a key the schema does not know would be signed but never shown or checked.
const EvidenceDocumentSchema = z.strictObject({
  format: z.enum([EVIDENCE_FORMAT, LEGACY_EVIDENCE_FORMAT]),
  payload: z.strictObject({
    kind: z.enum(certificateKinds),
    number: z.string().min(1).max(100),
    issuedAt: z.iso.datetime({ offset: true }),
    issuer: z.strictObject({ name: z.string(), company: z.string(), employeeId: z.string() }),
    facts: z.record(z.string(), z.json()),
  }),
  signature: z.strictObject({
    algorithm: z.literal(EVIDENCE_SIGNATURE_ALGORITHM),
    certificate: z.base64().min(1),
    chain: z.array(z.base64().min(1)).max(4).optional(),
    value: z.base64().min(1),
  }),
});

export function signEvidence(
  payload: EvidencePayload,
  signer: { readonly certificateDer: Buffer; readonly privateKeyDer: Buffer; readonly chainDer: readonly Buffer[] },
): SignedEvidence {
  const value = sign('sha256', Buffer.from(canonicalJson(payload), 'utf8'), {
    key: createPrivateKey({ key: signer.privateKeyDer, format: 'der', type: 'pkcs8' }),
    padding: constants.RSA_PKCS1_PADDING,
  });
  const document: EvidenceDocument = {
    format: EVIDENCE_FORMAT,
    payload,
    signature: {
      algorithm: EVIDENCE_SIGNATURE_ALGORITHM,
      certificate: signer.certificateDer.toString('base64'),
      chain: signer.chainDer.map((der) => der.toString('base64')),
      value: value.toString('base64'),
    },
  };
  const json = canonicalJson(document);
  return { document, json, sha256: sha256Hex(json) };
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the document's canonical form: the value a QR code and the PDF state. */
export function evidenceSha256(document: EvidenceDocument): string {
  return sha256Hex(canonicalJson(document));
}

/** The evidence document in `text`, or null when it is not one (wrong shape, not JSON, too large). */
export function parseEvidenceDocument(text: string): EvidenceDocument | null {
  if (Buffer.byteLength(text, 'utf8') > MAX_EVIDENCE_BYTES) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const result = EvidenceDocumentSchema.safeParse(parsed);
  // The parsed value, not zod's copy: what is checked must be exactly what was read.
  if (!result.success) return null;
  const document = parsed as EvidenceDocument;
  // Format 1 had no chain; a chain in it would be unsigned by the schema's own rules.
  if (document.format === LEGACY_EVIDENCE_FORMAT && document.signature.chain !== undefined) return null;
  return document;
}

export function evidenceCertificate(document: EvidenceDocument): Buffer {
  return Buffer.from(document.signature.certificate, 'base64');
}

/** The issuers the evidence carries (none in format 1). */
export function evidenceChain(document: EvidenceDocument): Buffer[] {
  return (document.signature.chain ?? []).map((b64) => Buffer.from(b64, 'base64'));
}

/** Whether the signature is valid for the payload under the certificate the document names. */
export function verifyEvidenceSignature(document: EvidenceDocument): boolean {
  try {
    const certificate = new X509Certificate(evidenceCertificate(document));
    if (certificate.publicKey.asymmetricKeyType !== 'rsa') return false;
    return verify(
      'sha256',
      Buffer.from(canonicalJson(document.payload), 'utf8'),
      { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(document.signature.value, 'base64'),
    );
  } catch {
    return false;
  }
}
