/**
 * The `certificates.*` channels: certificates kept in the vault (10-1 erasure, later the
 * self-check, sanitization and visit reports), their export, and the check anyone can run on
 * a certificate PDF or its evidence JSON — signature, whole-document coverage, embedded
 * evidence, QR code — with the exact reason when one is not genuine.
 */
import { z } from 'zod';
import { SavedFile } from './app';
import { defineChannel } from './ipc/define';

// 'archive-report': the security office's signed listing of the company archive (issue 20); signed, not kept in a vault.
export const certificateKinds = ['erasure', 'self-check', 'sanitization', 'visit', 'inventory', 'ledger', 'archive-report'] as const;
export const CertificateKind = z.enum(certificateKinds);

export const certificateChecks = [
  'pdf-signature',
  'whole-document',
  'evidence-attached',
  'evidence-signature',
  'evidence-hash',
  'qr',
  'signer-matches',
  'signer-chain',
  'timestamp',
] as const;
export const certificateProblems = [
  'CERT_PDF_SIGNATURE_INVALID',
  'CERT_NOT_WHOLE_DOCUMENT',
  'CERT_EVIDENCE_MISSING',
  'CERT_EVIDENCE_SIGNATURE_INVALID',
  'CERT_EVIDENCE_HASH_MISMATCH',
  'CERT_QR_MISMATCH',
  'CERT_QR_MISSING',
  'CERT_SIGNER_MISMATCH',
  'CERT_UNREADABLE',
  'CERT_TOO_LARGE',
  // Answer 2, "intact, issuer not confirmed": why the issuer could not be confirmed.
  'CERT_NOT_COMPANY_CERTIFIED',
  'CERT_ISSUER_NOT_TRUSTED',
  // Answer 3, "not genuine": the signer's certificate itself is wrong.
  'CERT_CHAIN_INVALID',
  'CERT_SIGNER_EXPIRED',
  'CERT_SIGNER_NOT_YET_VALID',
  'CERT_SIGNER_REVOKED',
  'CERT_SIGNER_NOT_FOR_SIGNING',
  'CERT_SIGNING_CERTIFICATE_MISMATCH',
  'CERT_TIMESTAMP_INVALID',
  'CERT_APPENDED_CHANGES',
] as const;
export type CertificateProblem = (typeof certificateProblems)[number];

/** The problems that leave a document intact but its issuer unconfirmed (answer 2); every other problem makes it not genuine (answer 3). */
export const issuerUnconfirmedProblems: readonly CertificateProblem[] = ['CERT_NOT_COMPANY_CERTIFIED', 'CERT_ISSUER_NOT_TRUSTED'];

/**
 * The three honest answers (issue 13), the same in the app, the CLI and the JSON:
 * genuine; intact but issuer not confirmed; not genuine. `unreadable` is for input that
 * could not be read at all (not a PDF, not JSON, no such file).
 */
export const verificationStatuses = ['genuine', 'issuer-unconfirmed', 'not-genuine', 'unreadable'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

export const authorityErrorCodes = [
  'AUTHORITY_EXISTS',
  'AUTHORITY_INVALID_OPTION',
  'AUTHORITY_NOT_FOUND',
  'AUTHORITY_DAMAGED',
  'AUTHORITY_WRONG_PASSPHRASE',
  'AUTHORITY_PASSPHRASE_TOO_SHORT',
  'AUTHORITY_CERTIFICATE_NOT_FOUND',
  'ENROLLMENT_REQUEST_INVALID',
  'ENROLLMENT_REPLY_INVALID',
  'ENROLLMENT_REPLY_NOT_REQUESTED',
  'TRUST_ROOT_INVALID',
  'TRUST_FINGERPRINT_MISMATCH',
  'CRL_INVALID',
] as const;

const Signer = z.object({
  name: z.string(),
  company: z.string(),
  employeeId: z.string(),
  fingerprint: z.string(),
  serialNumber: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});

/** Where the signing time comes from: the laptop's clock (not verified), or an RFC 3161 timestamp authority. */
export const SigningTime = z.object({
  source: z.enum(['laptop-clock', 'timestamp']),
  at: z.string(),
  authority: z.string().optional(),
});
export type SigningTime = z.infer<typeof SigningTime>;

export const CertificateVerification = z.object({
  status: z.enum(verificationStatuses),
  checks: z.array(z.object({ check: z.enum(certificateChecks), ok: z.boolean(), reason: z.enum(certificateProblems).optional() })),
  problem: z.enum(certificateProblems).optional(),
  signer: Signer.optional(),
  /** The company root the chain leads to, when it leads to one the verifier trusts. */
  root: z.object({ fingerprint: z.string(), name: z.string() }).optional(),
  companyCertified: z.boolean(),
  signingTime: SigningTime.optional(),
  /** Document timestamps added after signing (PAdES archive timestamps), oldest first. */
  documentTimestamps: z.array(SigningTime).optional(),
  number: z.string().optional(),
  kind: CertificateKind.optional(),
  issuedAt: z.string().optional(),
  evidenceSha256: z.string().optional(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const CertificateSummary = z.object({
  id: z.string(),
  number: z.string(),
  kind: CertificateKind,
  issuedAt: z.string(),
  title: z.object({ ja: z.string(), en: z.string() }),
  signerFingerprint: z.string(),
  evidenceSha256: z.string(),
  storedAt: z.string(),
  companyCertified: z.boolean(),
  /** The site the certificate itself names (an erasure certificate's or visit report's signed facts); null for the kinds that name none. */
  site: z.string().nullable(),
  /** The visit or work-order reference it was issued for; null when none. */
  visitReference: z.string().nullable(),
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;

export const TrustedRoot = z.object({ fingerprint: z.string(), label: z.string(), addedAt: z.string(), notAfter: z.string() });
export type TrustedRoot = z.infer<typeof TrustedRoot>;

/** A root found in a file the engineer picked, waiting for them to compare its fingerprint with the contract's. */
export const RootCandidate = z.object({
  token: z.string(),
  fingerprint: z.string(),
  label: z.string(),
  notAfter: z.string(),
  alreadyTrusted: z.boolean(),
});

/** The engineer's signing certificate as Settings shows it. */
export const EngineerCertificateStatus = z.object({
  companyCertified: z.boolean(),
  subject: z.string(),
  issuer: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  daysLeft: z.number().int(),
  expiresSoon: z.boolean(),
  rootFingerprint: z.string().nullable(),
  pendingRequests: z.number().int().nonnegative(),
  revocationLists: z.number().int().nonnegative(),
  queuedTimestamps: z.number().int().nonnegative(),
});
export type EngineerCertificateStatus = z.infer<typeof EngineerCertificateStatus>;

export const certificateChannels = {
  'certificates.trustedRoots': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ roots: z.array(TrustedRoot) }),
  }),
  /** Picks a file (root certificate, or a document whose chain names a root) and shows the root to compare. */
  'certificates.previewRoot': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean(), candidate: RootCandidate.nullable() }),
  }),
  /** Trusts the previewed root once the engineer has typed or confirmed the fingerprint from the contract. */
  'certificates.trustRoot': defineChannel({
    request: z.object({ token: z.string().min(1).max(100), fingerprint: z.string().min(1).max(200) }).strict(),
    response: z.object({ roots: z.array(TrustedRoot) }),
  }),
  'certificates.untrustRoot': defineChannel({
    request: z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    response: z.object({ roots: z.array(TrustedRoot) }),
  }),
  'certificates.importRevocationList': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean(), revoked: z.number().int().nonnegative() }),
  }),
  'certificates.engineerCertificate': defineChannel({
    request: z.object({}).strict(),
    response: EngineerCertificateStatus,
  }),
  'certificates.createEnrollmentRequest': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ saved: z.boolean() }),
  }),
  'certificates.importEnrollmentReply': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean(), status: EngineerCertificateStatus.nullable() }),
  }),
  'certificates.verifyFile': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean(), fileName: z.string().nullable(), result: CertificateVerification.nullable() }),
  }),
  'certificates.list': defineChannel({
    request: z.object({ kind: CertificateKind.optional() }).strict(),
    response: z.object({ certificates: z.array(CertificateSummary) }),
  }),
  'certificates.export': defineChannel({
    request: z.object({ id: z.string().min(1).max(100) }).strict(),
    response: z.object({ saved: z.boolean(), file: SavedFile.nullable() }),
  }),
};
