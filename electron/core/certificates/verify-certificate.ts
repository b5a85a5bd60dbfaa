/**
 * Checks a certificate PDF or a bare evidence JSON document offline (10-1, 10-5; DESIGN.md:
 * "check any of them offline and say exactly what is wrong"): each check is reported on its
 * own with a stable reason code, so the CLI and the verify screen can say which part failed.
 *
 * - pdf-signature: the CMS signature verifies over the signed byte ranges;
 * - whole-document: it covers the whole file (one signature, from byte 0 to the end) —
 *   anything appended, even a valid incremental update, makes the certificate invalid;
 * - evidence-attached: exactly one evidence.json is embedded and it is an evidence document;
 * - evidence-signature: its RSA signature over the canonical payload verifies;
 * - evidence-hash: the attached file is byte for byte the canonical form, so `sha256sum` of
 *   the extracted file gives the SHA-256 the certificate states;
 * - qr: a FieldGuard QR code is drawn and holds this certificate's number and that SHA-256;
 * - signer-matches: the PDF and the evidence are signed with the same certificate.
 *
 * All checks passing gives `valid` when the signer's fingerprint is among `trusted`, else
 * `valid-untrusted`: a self-signed certificate proves integrity, not identity, until its
 * fingerprint is known to the reader.
 */
import { canonicalJson } from './canonical-json';
import type { CertificateKind } from './certificate-document';
import { normalizeFingerprint, signerIdentity, type SignerIdentity } from './certificate-identity';
import { embeddedFile, findSignatureRanges, loadPdf, pageImages, signatureFieldContents, signedParts } from './certificate-pdf-reader';
import { isCertificateQrText, parseCertificateQrText, readQrText } from './certificate-qr';
import { verifyDetachedCms } from './cms-signature';
import { EVIDENCE_ATTACHMENT_NAME } from './render-certificate-pdf';
import { evidenceCertificate, MAX_EVIDENCE_BYTES, parseEvidenceDocument, sha256Hex, verifyEvidenceSignature, type EvidenceDocument } from './signed-evidence';
import { certificateChecks, certificateProblems } from '../../shared/certificates';

// Declared with the IPC contract, so that the verify screen and the CLI can translate them.
export { certificateChecks, certificateProblems };
export type CertificateCheck = (typeof certificateChecks)[number];
export type CertificateProblem = (typeof certificateProblems)[number];

export interface CheckResult {
  readonly check: CertificateCheck;
  readonly ok: boolean;
  readonly reason?: CertificateProblem;
}

export interface CertificateVerification {
  readonly status: 'valid' | 'valid-untrusted' | 'invalid' | 'unreadable';
  readonly checks: readonly CheckResult[];
  /** The first failed check's reason (CERT_UNREADABLE when nothing could be read). */
  readonly problem?: CertificateProblem;
  /** Who signed, from the signing certificate. */
  readonly signer?: SignerIdentity;
  readonly number?: string;
  readonly kind?: CertificateKind;
  readonly issuedAt?: string;
  readonly evidenceSha256?: string;
}

export interface TrustedSigners {
  /** SHA-256 fingerprints of engineer certificates, hex with or without colons. */
  readonly fingerprints: readonly string[];
}

const UNREADABLE: CertificateVerification = { status: 'unreadable', checks: [], problem: 'CERT_UNREADABLE' };

function pass(check: CertificateCheck): CheckResult {
  return { check, ok: true };
}

function fail(check: CertificateCheck, reason: CertificateProblem): CheckResult {
  return { check, ok: false, reason };
}

function conclude(checks: CheckResult[], evidence: EvidenceDocument | null, signerDer: Buffer | undefined, trusted?: TrustedSigners): CertificateVerification {
  let signer: SignerIdentity | undefined;
  try {
    signer = signerDer ? signerIdentity(signerDer) : undefined;
  } catch {
    signer = undefined;
  }
  const failed = checks.find((c) => !c.ok);
  const trustedSet = new Set((trusted?.fingerprints ?? []).map(normalizeFingerprint));
  const status = failed ? 'invalid' : signer && trustedSet.has(signer.fingerprint) ? 'valid' : 'valid-untrusted';
  return {
    status,
    checks,
    ...(failed?.reason ? { problem: failed.reason } : {}),
    ...(signer ? { signer } : {}),
    ...(evidence
      ? { number: evidence.payload.number, kind: evidence.payload.kind, issuedAt: evidence.payload.issuedAt, evidenceSha256: sha256Hex(canonicalJson(evidence)) }
      : {}),
  };
}

function verifyEvidenceJson(bytes: Buffer, trusted?: TrustedSigners): CertificateVerification {
  if (bytes.length > MAX_EVIDENCE_BYTES) return UNREADABLE;
  const evidence = parseEvidenceDocument(bytes.toString('utf8'));
  if (!evidence) return UNREADABLE;
  const signed = verifyEvidenceSignature(evidence);
  return conclude([signed ? pass('evidence-signature') : fail('evidence-signature', 'CERT_EVIDENCE_SIGNATURE_INVALID')], evidence, evidenceCertificate(evidence), trusted);
}

async function verifyPdf(bytes: Buffer, trusted?: TrustedSigners): Promise<CertificateVerification> {
  const checks: CheckResult[] = [];
  const ranges = findSignatureRanges(bytes);
  const first = ranges[0];
  const parts = first ? signedParts(bytes, first) : null;

  // The content checks read the revision that was signed; whatever was appended is the whole-document check's business.
  const pdf = await loadPdf(parts ? bytes.subarray(0, parts.signedEnd) : bytes);
  if (!pdf && !parts) return UNREADABLE;

  const cms = parts ? verifyDetachedCms(Buffer.from(parts.contentsHex, 'hex'), parts.signedBytes) : null;
  const fieldMatches = !pdf || !parts || signatureFieldContents(pdf).includes(parts.contentsHex.toLowerCase());
  checks.push(cms?.valid && fieldMatches ? pass('pdf-signature') : fail('pdf-signature', 'CERT_PDF_SIGNATURE_INVALID'));
  checks.push(parts && ranges.length === 1 && parts.signedEnd === bytes.length ? pass('whole-document') : fail('whole-document', 'CERT_NOT_WHOLE_DOCUMENT'));

  const attached = pdf ? embeddedFile(pdf, EVIDENCE_ATTACHMENT_NAME, MAX_EVIDENCE_BYTES) : null;
  const evidence = attached ? parseEvidenceDocument(attached.toString('utf8')) : null;
  const pdfSigner = cms?.certificateDer;
  if (!attached || !evidence) {
    checks.push(fail('evidence-attached', 'CERT_EVIDENCE_MISSING'));
    return conclude(checks, null, pdfSigner, trusted);
  }
  checks.push(pass('evidence-attached'));
  checks.push(verifyEvidenceSignature(evidence) ? pass('evidence-signature') : fail('evidence-signature', 'CERT_EVIDENCE_SIGNATURE_INVALID'));

  const canonicalSha256 = sha256Hex(canonicalJson(evidence));
  checks.push(sha256Hex(attached) === canonicalSha256 ? pass('evidence-hash') : fail('evidence-hash', 'CERT_EVIDENCE_HASH_MISMATCH'));

  const qrTexts = (pdf ? pageImages(pdf) : []).map(readQrText).filter((t): t is string => t !== null && isCertificateQrText(t));
  const qrs = qrTexts.map(parseCertificateQrText);
  if (qrs.length === 0) checks.push(fail('qr', 'CERT_QR_MISSING'));
  else if (qrs.every((qr) => qr !== null && qr.number === evidence.payload.number && qr.evidenceSha256 === canonicalSha256)) checks.push(pass('qr'));
  else checks.push(fail('qr', 'CERT_QR_MISMATCH'));

  const evidenceSigner = evidenceCertificate(evidence);
  checks.push(pdfSigner && pdfSigner.equals(evidenceSigner) ? pass('signer-matches') : fail('signer-matches', 'CERT_SIGNER_MISMATCH'));
  return conclude(checks, evidence, pdfSigner ?? evidenceSigner, trusted);
}

/** Verifies a certificate PDF or a bare evidence JSON document (told apart by their first bytes). */
export async function verifyCertificate(bytes: Buffer, trusted?: TrustedSigners): Promise<CertificateVerification> {
  const start = bytes.subarray(0, 1024).toString('latin1').trimStart();
  if (start.startsWith('%PDF-')) return verifyPdf(bytes, trusted);
  if (start.startsWith('{')) return verifyEvidenceJson(bytes, trusted);
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
  const pdf = await loadPdf(parts ? bytes.subarray(0, parts.signedEnd) : bytes);
  const attached = pdf ? embeddedFile(pdf, EVIDENCE_ATTACHMENT_NAME, MAX_EVIDENCE_BYTES) : null;
  return attached ? parseEvidenceDocument(attached.toString('utf8')) : null;
}
