/**
 * The `certificates.*` channels: certificates kept in the vault (10-1 erasure, later the
 * self-check, sanitization and visit reports), their export, and the check anyone can run on
 * a certificate PDF or its evidence JSON — signature, whole-document coverage, embedded
 * evidence, QR code — with the exact reason when one is not genuine.
 */
import { z } from 'zod';
import { defineChannel } from './ipc/define';

export const certificateKinds = ['erasure', 'self-check', 'sanitization', 'visit', 'inventory', 'ledger'] as const;
export const CertificateKind = z.enum(certificateKinds);

export const certificateChecks = ['pdf-signature', 'whole-document', 'evidence-attached', 'evidence-signature', 'evidence-hash', 'qr', 'signer-matches'] as const;
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
] as const;

export const CertificateVerification = z.object({
  status: z.enum(['valid', 'valid-untrusted', 'invalid', 'unreadable']),
  checks: z.array(z.object({ check: z.enum(certificateChecks), ok: z.boolean(), reason: z.enum(certificateProblems).optional() })),
  problem: z.enum(certificateProblems).optional(),
  signer: z.object({ name: z.string(), company: z.string(), employeeId: z.string(), fingerprint: z.string() }).optional(),
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
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;

export const TrustedSigner = z.object({ fingerprint: z.string(), label: z.string(), addedAt: z.string() });
export type TrustedSigner = z.infer<typeof TrustedSigner>;

export const certificateChannels = {
  'certificates.trusted': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ signers: z.array(TrustedSigner) }),
  }),
  'certificates.trust': defineChannel({
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean(), added: z.number().int().nonnegative(), signers: z.array(TrustedSigner) }),
  }),
  'certificates.untrust': defineChannel({
    request: z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    response: z.object({ signers: z.array(TrustedSigner) }),
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
    response: z.object({ saved: z.boolean() }),
  }),
};
