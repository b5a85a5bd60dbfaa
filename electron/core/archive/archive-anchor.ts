/**
 * The signed anchor an engineer's app stores in the archive with every sync (issue 20): the
 * audit log's head (sequence and hash), the last certificate number of each kind, the time.
 * The archive is write-once, so an anchor once stored stays; a data folder later put back from
 * an older copy has a log that ends before the anchor (or another entry at its sequence) and
 * numbers that count again from lower — caught at the next sync, and by `archive verify`,
 * which checks that each engineer's anchors only move forward.
 *
 * Signed like the evidence of a certificate (signed-evidence.ts): RSASSA-PKCS1-v1_5 SHA-256
 * over the RFC 8785 canonical payload, with the engineer's certificate and its chain, so the
 * security office checks it against the company root with no FieldGuard code if it must.
 */
import { constants, createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../certificates/canonical-json';
import { certificateKinds } from '../certificates/certificate-document';
import type { EngineerCredentials } from '../certificates/engineer-certificate';
import { EVIDENCE_SIGNATURE_ALGORITHM } from '../certificates/signed-evidence';
import { checkSignerChain, type ChainOutcome, type TrustAnchors } from '../certificates/signer-chain';

export const ANCHOR_FORMAT = 'fieldguard-archive-anchor/1';
const MAX_ANCHOR_BYTES = 256 * 1024;

const AnchorPayload = z.strictObject({
  company: z.string().min(1).max(64),
  engineer: z.string().min(1).max(64),
  auditHead: z.strictObject({ seq: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  /** The last number issued of each kind, by certificate_sequences: what the archive must hold up to. */
  lastNumbers: z.partialRecord(z.enum(certificateKinds), z.string().min(1).max(100)),
  archived: z.number().int().min(0),
  at: z.iso.datetime(),
});
export type AnchorPayload = z.infer<typeof AnchorPayload>;

const AnchorDocument = z.strictObject({
  format: z.literal(ANCHOR_FORMAT),
  payload: AnchorPayload,
  signature: z.strictObject({
    algorithm: z.literal(EVIDENCE_SIGNATURE_ALGORITHM),
    certificate: z.base64().min(1),
    chain: z.array(z.base64().min(1)).max(4),
    value: z.base64().min(1),
  }),
});
export type AnchorDocument = z.infer<typeof AnchorDocument>;

/** The anchor as stored: canonical JSON bytes. */
export function signAnchor(
  payload: AnchorPayload,
  signer: Pick<EngineerCredentials, 'certificateDer' | 'privateKeyDer' | 'chainDer'>,
): Buffer {
  const value = sign('sha256', Buffer.from(canonicalJson(payload), 'utf8'), {
    key: createPrivateKey({ key: signer.privateKeyDer, format: 'der', type: 'pkcs8' }),
    padding: constants.RSA_PKCS1_PADDING,
  });
  const document: AnchorDocument = {
    format: ANCHOR_FORMAT,
    payload,
    signature: {
      algorithm: EVIDENCE_SIGNATURE_ALGORITHM,
      certificate: signer.certificateDer.toString('base64'),
      chain: signer.chainDer.map((der) => der.toString('base64')),
      value: value.toString('base64'),
    },
  };
  return Buffer.from(canonicalJson(document), 'utf8');
}

/** The anchor in `bytes`, or null when it is not one. */
export function parseAnchor(bytes: Buffer): AnchorDocument | null {
  if (bytes.length > MAX_ANCHOR_BYTES) return null;
  try {
    const parsed = AnchorDocument.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the anchor's signature holds, and where its signer's chain leads. */
export async function verifyAnchor(
  anchor: AnchorDocument,
  trust: TrustAnchors,
): Promise<{ signatureValid: boolean; chain: ChainOutcome['outcome'] }> {
  const leafDer = Buffer.from(anchor.signature.certificate, 'base64');
  let signatureValid: boolean;
  try {
    const certificate = new X509Certificate(leafDer);
    signatureValid =
      certificate.publicKey.asymmetricKeyType === 'rsa' &&
      verify(
        'sha256',
        Buffer.from(canonicalJson(anchor.payload), 'utf8'),
        { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(anchor.signature.value, 'base64'),
      );
  } catch {
    signatureValid = false;
  }
  if (!signatureValid) return { signatureValid, chain: 'invalid' };
  const chain = await checkSignerChain({
    leafDer,
    carried: anchor.signature.chain.map((b64) => Buffer.from(b64, 'base64')),
    anchors: trust,
    at: new Date(anchor.payload.at),
    atIsTrusted: false,
    purpose: 'document-signing',
  });
  return { signatureValid, chain: chain.outcome };
}
