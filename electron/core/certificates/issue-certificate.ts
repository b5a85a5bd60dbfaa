/**
 * Issues a certificate (10-1 erasure, 10-5 sanitization, and the self-check, visit and
 * inventory reports): signs the evidence, renders the PDF around it, and signs the PDF, all
 * with the engineer's key. What comes out can be checked years later without FieldGuard:
 * the PDF signature in Acrobat Reader or `pdfsig`, the evidence with any JSON and RSA tools.
 */
import type { JsonObject } from './canonical-json';
import { evidencePayloadFor, type CertificateDocument } from './certificate-document';
import { signerIdentity } from './certificate-identity';
import type { EngineerCredentials } from './engineer-certificate';
import { signPdf } from './pdf-signature';
import { renderCertificatePdf } from './render-certificate-pdf';
import { signEvidence, type EvidenceDocument } from './signed-evidence';

export interface IssuedCertificate {
  readonly pdf: Buffer;
  /** The canonical evidence document, also embedded in the PDF as evidence.json. */
  readonly evidenceJson: string;
  /** SHA-256 of `evidenceJson`, lowercase hex: what the QR code and the PDF state. */
  readonly evidenceSha256: string;
  readonly evidence: EvidenceDocument;
}

export interface IssueOptions {
  /** Where it was signed (the site), shown by PDF readers with the signature. */
  readonly location?: string;
  /** The Japanese font; the packaged app passes its resources path. */
  readonly fontPath?: string;
}

export async function issueCertificate(
  document: CertificateDocument,
  facts: JsonObject,
  signer: EngineerCredentials,
  options: IssueOptions = {},
): Promise<IssuedCertificate> {
  if (!document.number) throw new Error('a certificate needs a number');
  if (Number.isNaN(Date.parse(document.issuedAt))) throw new Error('issuedAt must be an ISO-8601 time');
  const identity = signerIdentity(signer.certificateDer);
  const issuer = { name: identity.name, company: identity.company, employeeId: identity.employeeId };
  const evidence = signEvidence(evidencePayloadFor(document, issuer, facts), signer);
  const unsigned = await renderCertificatePdf(document, {
    evidenceJson: evidence.json,
    evidenceSha256: evidence.sha256,
    issuer: identity,
    location: options.location,
    fontPath: options.fontPath,
  });
  const pdf = await signPdf(unsigned, signer, new Date(document.issuedAt));
  return { pdf, evidenceJson: evidence.json, evidenceSha256: evidence.sha256, evidence: evidence.document };
}
