/**
 * Checks a certificate PDF or a bare evidence JSON document offline (10-1, 10-5; issue 13)
 * and gives one of three honest answers, the same in the app, the CLI and the JSON:
 *
 * 1. `genuine`: intact, the whole document signed (or extended only by document
 *    timestamps), the signer's chain leads to a company root the verifier trusts, the
 *    signer's certificate was valid at the signing time (by the timestamp when there is a
 *    trusted one) and not revoked by any CRL given;
 * 2. `issuer-unconfirmed`: intact, but the chain leads nowhere trusted, or the document was
 *    signed without a company certificate (anyone can make a certificate with any name);
 * 3. `not-genuine`: anything else, with one reason code per failed check.
 *
 * `unreadable` is only for input that is neither a PDF nor JSON. A damaged PDF is not
 * genuine. Hostile input is bounded: the CMS is checked before the PDF is parsed, and a
 * signed revision larger than any FieldGuard document is refused unparsed.
 *
 * Each check is reported on its own:
 * - pdf-signature: the CMS signature verifies over the signed byte ranges, and binds its certificate;
 * - whole-document: it covers the whole file, or what follows is only document timestamps;
 * - evidence-attached / evidence-signature / evidence-hash: exactly one evidence.json, signed,
 *   attached in its canonical form (so `sha256sum` gives the printed SHA-256);
 * - qr: a FieldGuard QR code holds this certificate's number and that SHA-256;
 * - signer-matches: the PDF and the evidence are signed with the same certificate;
 * - signer-chain: see signer-chain.ts;
 * - timestamp: every timestamp token in the document verifies over what it stamps.
 */
import { canonicalJson } from './canonical-json';
import type { CertificateKind } from './certificate-document';
import { certificateFingerprint, signerIdentity, type SignerIdentity } from './certificate-identity';
import { embeddedFile, findSignatureRanges, loadPdf, pageImages, signatureFieldContents, signedParts } from './certificate-pdf-reader';
import { comparePrintedCopy, isCertificateQrText, parseCertificateQrText, readQrText } from './certificate-qr';
import { verifyDetachedCms } from './cms-signature';
import { readAppendedRevisions } from './document-timestamp';
import { EVIDENCE_ATTACHMENT_NAME } from './render-certificate-pdf';
import { checkSignerChain, NO_ANCHORS, type ChainOutcome, type TrustAnchors } from './signer-chain';
import {
  EVIDENCE_FORMAT,
  evidenceCertificate,
  evidenceChain,
  MAX_EVIDENCE_BYTES,
  parseEvidenceDocument,
  sha256Hex,
  verifyEvidenceSignature,
  type EvidenceDocument,
} from './signed-evidence';
import { checkTimestampToken } from './timestamp-token';
import { knownCertificate } from './x509';
import {
  certificateChecks,
  certificateProblems,
  issuerUnconfirmedProblems,
  type SigningTime,
  type VerificationStatus,
} from '../../shared/certificates';

// Declared with the IPC contract, so that the verify screen and the CLI can translate them.
export { certificateChecks, certificateProblems };
export type CertificateCheck = (typeof certificateChecks)[number];
export type CertificateProblem = (typeof certificateProblems)[number];
export type { TrustAnchors };

/** A signed revision larger than this is no FieldGuard document (ours are well under 5 MB), and is refused unparsed. */
export const MAX_SIGNED_PDF_BYTES = 16 * 1024 * 1024;

export interface CheckResult {
  readonly check: CertificateCheck;
  readonly ok: boolean;
  readonly reason?: CertificateProblem;
}

export interface CertificateVerification {
  readonly status: VerificationStatus;
  readonly checks: CheckResult[];
  /** The first failed check's reason that decided the answer. */
  readonly problem?: CertificateProblem;
  /** Who signed, from the signing certificate. */
  readonly signer?: SignerIdentity;
  readonly root?: { readonly fingerprint: string; readonly name: string };
  /** Whether the signer's certificate was issued by an authority (not self-signed), trusted or not. */
  readonly companyCertified: boolean;
  readonly signingTime?: SigningTime;
  readonly documentTimestamps?: SigningTime[];
  readonly number?: string;
  readonly kind?: CertificateKind;
  readonly issuedAt?: string;
  readonly evidenceSha256?: string;
}

const UNREADABLE: CertificateVerification = { status: 'unreadable', checks: [], problem: 'CERT_UNREADABLE', companyCertified: false };

function pass(check: CertificateCheck): CheckResult {
  return { check, ok: true };
}

function fail(check: CertificateCheck, reason: CertificateProblem): CheckResult {
  return { check, ok: false, reason };
}

function identityOf(der: Buffer | undefined): SignerIdentity | undefined {
  try {
    return der ? signerIdentity(der) : undefined;
  } catch {
    return undefined;
  }
}

function selfIssued(der: Buffer | undefined): boolean {
  const certificate = der ? knownCertificate(der) : null;
  return !certificate || certificate.subject === certificate.issuer;
}

interface Findings {
  readonly checks: CheckResult[];
  readonly evidence: EvidenceDocument | null;
  /** SHA-256 of the evidence's canonical form, when the caller has already computed it. */
  readonly evidenceSha256?: string;
  readonly signerDer: Buffer | undefined;
  readonly chain?: ChainOutcome;
  readonly signingTime?: SigningTime;
  readonly documentTimestamps?: SigningTime[];
}

function conclude({
  checks,
  evidence,
  evidenceSha256,
  signerDer,
  chain,
  signingTime,
  documentTimestamps,
}: Findings): CertificateVerification {
  const failed = checks.filter((c) => !c.ok);
  const decisive = failed.find((c) => !c.reason || !issuerUnconfirmedProblems.includes(c.reason)) ?? failed[0];
  const status: VerificationStatus =
    failed.length === 0
      ? 'genuine'
      : decisive && (!decisive.reason || !issuerUnconfirmedProblems.includes(decisive.reason))
        ? 'not-genuine'
        : 'issuer-unconfirmed';
  const signer = identityOf(signerDer);
  return {
    status,
    checks,
    ...(decisive?.reason ? { problem: decisive.reason } : {}),
    ...(signer ? { signer } : {}),
    ...(chain?.outcome === 'trusted' ? { root: chain.root } : {}),
    companyCertified: !selfIssued(signerDer),
    ...(signingTime ? { signingTime } : {}),
    ...(documentTimestamps?.length ? { documentTimestamps } : {}),
    ...(evidence
      ? {
          number: evidence.payload.number,
          kind: evidence.payload.kind,
          issuedAt: evidence.payload.issuedAt,
          evidenceSha256: evidenceSha256 ?? sha256Hex(canonicalJson(evidence)),
        }
      : {}),
  };
}

/** A timestamp token's verdict: its time and authority when the token is valid and its TSA chains to a trusted root. */
async function trustedTime(token: Buffer, imprint: Buffer, anchors: TrustAnchors): Promise<{ valid: boolean; time?: SigningTime }> {
  const checked = await checkTimestampToken(token, imprint);
  if (!checked.valid || !checked.genTime || !checked.tsaCertificateDer) return { valid: false };
  const at = new Date(checked.genTime);
  const tsa = await checkSignerChain({
    leafDer: checked.tsaCertificateDer,
    carried: checked.certificatesDer,
    anchors,
    at,
    atIsTrusted: true,
    purpose: 'timestamping',
  });
  if (tsa.outcome === 'invalid') return { valid: false };
  return tsa.outcome === 'trusted'
    ? { valid: true, time: { source: 'timestamp', at: checked.genTime, authority: checked.tsaName ?? '' } }
    : { valid: true };
}

async function signerChainCheck(
  leafDer: Buffer | undefined,
  carried: readonly Buffer[],
  anchors: TrustAnchors,
  time: { at: Date; trusted: boolean },
): Promise<{ check: CheckResult; chain?: ChainOutcome }> {
  if (!leafDer) return { check: fail('signer-chain', 'CERT_CHAIN_INVALID') };
  const chain = await checkSignerChain({ leafDer, carried, anchors, at: time.at, atIsTrusted: time.trusted, purpose: 'document-signing' });
  return { chain, check: chain.outcome === 'trusted' ? pass('signer-chain') : fail('signer-chain', chain.problem) };
}

function claimedTime(evidence: EvidenceDocument | null): Date {
  const at = evidence ? new Date(evidence.payload.issuedAt) : new Date(Number.NaN);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

async function verifyEvidenceJson(bytes: Buffer, anchors: TrustAnchors): Promise<CertificateVerification> {
  const evidence = bytes.length > MAX_EVIDENCE_BYTES ? null : parseEvidenceDocument(bytes.toString('utf8'));
  if (!evidence) return conclude({ checks: [fail('evidence-attached', 'CERT_EVIDENCE_MISSING')], evidence: null, signerDer: undefined });
  const signerDer = evidenceCertificate(evidence);
  const checks = [
    verifyEvidenceSignature(evidence) ? pass('evidence-signature') : fail('evidence-signature', 'CERT_EVIDENCE_SIGNATURE_INVALID'),
  ];
  const at = claimedTime(evidence);
  const { check, chain } = await signerChainCheck(signerDer, evidenceChain(evidence), anchors, { at, trusted: false });
  checks.push(check);
  return conclude({
    checks,
    evidence,
    signerDer,
    ...(chain ? { chain } : {}),
    signingTime: { source: 'laptop-clock', at: at.toISOString() },
  });
}

export interface VerifyOptions {
  /**
   * False skips decoding the QR code from the page image (a third of a call). Only for a
   * caller that re-checks a document it issued itself (the archive sync before sending): when
   * the signature covers the whole document, the page and its QR are exactly what was signed,
   * so reading them back proves nothing more. A document from anyone else keeps the check.
   */
  readonly printedCopy?: boolean;
}

async function verifyPdf(bytes: Buffer, anchors: TrustAnchors, options: VerifyOptions): Promise<CertificateVerification> {
  const checks: CheckResult[] = [];
  const first = findSignatureRanges(bytes)[0];
  const parts = first ? signedParts(bytes, first) : null;
  if (!parts) return conclude({ checks: [fail('pdf-signature', 'CERT_PDF_SIGNATURE_INVALID')], evidence: null, signerDer: undefined });
  if (parts.signedEnd > MAX_SIGNED_PDF_BYTES)
    return conclude({ checks: [fail('pdf-signature', 'CERT_TOO_LARGE')], evidence: null, signerDer: undefined });

  // The signature first: it is cheap, and a file nobody signed is not worth parsing.
  const cms = verifyDetachedCms(Buffer.from(parts.contentsHex, 'hex'), parts.signedBytes);
  if (!cms.valid) {
    checks.push(fail('pdf-signature', cms.certificateMismatch ? 'CERT_SIGNING_CERTIFICATE_MISMATCH' : 'CERT_PDF_SIGNATURE_INVALID'));
    return conclude({ checks, evidence: null, signerDer: cms.certificateDer });
  }
  // The content checks read the revision that was signed; what was appended is the whole-document check's business.
  const pdf = await loadPdf(bytes.subarray(0, parts.signedEnd));
  checks.push(
    pdf && signatureFieldContents(pdf).includes(parts.contentsHex.toLowerCase())
      ? pass('pdf-signature')
      : fail('pdf-signature', 'CERT_PDF_SIGNATURE_INVALID'),
  );

  let appendedTimestamps: Array<{ token: Buffer; signedBytes: Buffer }> = [];
  if (parts.signedEnd === bytes.length) checks.push(pass('whole-document'));
  else {
    const appended = await readAppendedRevisions(bytes, parts.signedEnd);
    const complete =
      appended.ok && appended.timestamps.length > 0 && appended.timestamps[appended.timestamps.length - 1]?.coversToEnd === true;
    checks.push(
      complete
        ? pass('whole-document')
        : fail('whole-document', appended.ok || appended.timestamps.length > 0 ? 'CERT_APPENDED_CHANGES' : 'CERT_NOT_WHOLE_DOCUMENT'),
    );
    if (complete) appendedTimestamps = [...appended.timestamps];
  }

  const attached = pdf ? embeddedFile(pdf, EVIDENCE_ATTACHMENT_NAME, MAX_EVIDENCE_BYTES) : null;
  const evidence = attached ? parseEvidenceDocument(attached.toString('utf8')) : null;
  if (!attached || !evidence) {
    checks.push(fail('evidence-attached', 'CERT_EVIDENCE_MISSING'));
    return conclude({ checks, evidence: null, signerDer: cms.certificateDer });
  }
  checks.push(pass('evidence-attached'));
  checks.push(
    verifyEvidenceSignature(evidence) ? pass('evidence-signature') : fail('evidence-signature', 'CERT_EVIDENCE_SIGNATURE_INVALID'),
  );
  const canonicalSha256 = sha256Hex(canonicalJson(evidence));
  checks.push(sha256Hex(attached) === canonicalSha256 ? pass('evidence-hash') : fail('evidence-hash', 'CERT_EVIDENCE_HASH_MISMATCH'));

  const qrs = (pdf && options.printedCopy !== false ? pageImages(pdf) : [])
    .map(readQrText)
    .filter((t): t is string => t !== null && isCertificateQrText(t))
    .map(parseCertificateQrText);
  // Since issue 13 the QR's facts are signed; documents from before carry the unsigned form with evidence format 1.
  const signer = { certificateDer: cms.certificateDer, fingerprint: certificateFingerprint(cms.certificateDer) };
  const legacy = evidence.format !== EVIDENCE_FORMAT;
  const qrMatches = (qr: (typeof qrs)[number]) => {
    const answer = comparePrintedCopy(qr, evidence, signer, canonicalSha256);
    return answer === 'matches' || (legacy && answer === 'legacy-matches');
  };
  if (options.printedCopy === false) {
    // Not read back (see VerifyOptions): neither passed nor failed, so no check is claimed.
  } else if (qrs.length === 0) checks.push(fail('qr', 'CERT_QR_MISSING'));
  else if (qrs.every(qrMatches)) checks.push(pass('qr'));
  else checks.push(fail('qr', 'CERT_QR_MISMATCH'));
  checks.push(
    cms.certificateDer.equals(evidenceCertificate(evidence)) ? pass('signer-matches') : fail('signer-matches', 'CERT_SIGNER_MISMATCH'),
  );

  // Time: the signature's own timestamp, else the earliest document timestamp bounds when it was signed.
  const claimed = claimedTime(evidence);
  let signingTime: SigningTime = { source: 'laptop-clock', at: claimed.toISOString() };
  let validityAt = { at: claimed, trusted: false };
  let timestampsValid = true;
  if (cms.signatureTimestamp) {
    const stamped = await trustedTime(cms.signatureTimestamp.token, cms.signatureTimestamp.imprint, anchors);
    timestampsValid &&= stamped.valid;
    if (stamped.time) {
      signingTime = stamped.time;
      validityAt = { at: new Date(stamped.time.at), trusted: true };
    }
  }
  const documentTimestamps: SigningTime[] = [];
  for (const stamp of appendedTimestamps) {
    const stamped = await trustedTime(stamp.token, Buffer.from(sha256Hex(stamp.signedBytes), 'hex'), anchors);
    timestampsValid &&= stamped.valid;
    if (stamped.time) {
      documentTimestamps.push(stamped.time);
      if (!validityAt.trusted) validityAt = { at: new Date(stamped.time.at), trusted: true };
    }
  }
  if (cms.signatureTimestamp || appendedTimestamps.length > 0)
    checks.push(timestampsValid ? pass('timestamp') : fail('timestamp', 'CERT_TIMESTAMP_INVALID'));

  const carried = [...cms.certificatesDer, ...evidenceChain(evidence)];
  const { check, chain } = await signerChainCheck(cms.certificateDer, carried, anchors, validityAt);
  checks.push(check);
  return conclude({
    checks,
    evidence,
    evidenceSha256: canonicalSha256,
    signerDer: cms.certificateDer,
    ...(chain ? { chain } : {}),
    signingTime,
    documentTimestamps,
  });
}

/** Verifies a certificate PDF or a bare evidence JSON document (told apart by their first bytes) against the verifier's trust anchors. */
export async function verifyCertificate(
  bytes: Buffer,
  anchors: TrustAnchors = NO_ANCHORS,
  options: VerifyOptions = {},
): Promise<CertificateVerification> {
  const start = bytes.subarray(0, 1024).toString('latin1').trimStart();
  if (start.startsWith('%PDF-')) return verifyPdf(bytes, anchors, options);
  if (start.startsWith('{')) return verifyEvidenceJson(bytes, anchors);
  return UNREADABLE;
}

/**
 * The signed evidence of a certificate that verified (PDF or bare JSON), for checks that go
 * beyond the certificate itself — e.g. the receiving side comparing delivered files with a
 * sanitization report. Null when there is no readable evidence; call verifyCertificate first.
 */
export async function readCertificateEvidence(bytes: Buffer): Promise<EvidenceDocument | null> {
  const start = bytes.subarray(0, 1024).toString('latin1').trimStart();
  if (start.startsWith('{')) return bytes.length > MAX_EVIDENCE_BYTES ? null : parseEvidenceDocument(bytes.toString('utf8'));
  if (!start.startsWith('%PDF-')) return null;
  const first = findSignatureRanges(bytes)[0];
  const parts = first ? signedParts(bytes, first) : null;
  if (!parts || parts.signedEnd > MAX_SIGNED_PDF_BYTES) return null;
  const pdf = await loadPdf(bytes.subarray(0, parts.signedEnd));
  const attached = pdf ? embeddedFile(pdf, EVIDENCE_ATTACHMENT_NAME, MAX_EVIDENCE_BYTES) : null;
  return attached ? parseEvidenceDocument(attached.toString('utf8')) : null;
}
