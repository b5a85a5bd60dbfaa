/**
 * Issues a certificate (10-1 erasure, 10-5 sanitization, and the self-check, visit,
 * inventory and ledger reports): signs the evidence, renders the PDF around it, and signs
 * the PDF (PAdES), all with the engineer's key and chain. When a timestamp source is given
 * (the company policy names a timestamp authority and the laptop is online), the signature
 * gets an RFC 3161 token at once (PAdES B-T); otherwise the document is signed at once and
 * the caller queues it for a document timestamp later. What comes out can be checked years
 * later without FieldGuard: the PDF signature in Acrobat Reader or `pdfsig`, the evidence
 * with any JSON and RSA tools.
 */
import type { JsonObject } from './canonical-json';
import { evidencePayloadFor, type CertificateDocument } from './certificate-document';
import { signerIdentity } from './certificate-identity';
import { printedFactsOf, signedQrText } from './certificate-qr';
import type { TimestampSource } from './cms-signature';
import type { EngineerCredentials } from './engineer-certificate';
import { signPdf } from './pdf-signature';
import { renderCertificatePdf } from './render-certificate-pdf';
import { signEvidence, type EvidenceDocument } from './signed-evidence';
import { nameField, OID_COMMON_NAME, parseCertificate } from './x509';

export interface IssuedCertificate {
  readonly pdf: Buffer;
  /** The canonical evidence document, also embedded in the PDF as evidence.json. */
  readonly evidenceJson: string;
  /** SHA-256 of `evidenceJson`, lowercase hex: what the QR code and the PDF state. */
  readonly evidenceSha256: string;
  readonly evidence: EvidenceDocument;
  /** Whether the signature carries a timestamp token (else it waits for a document timestamp). */
  readonly timestamped: boolean;
}

export interface IssueOptions {
  /** Where it was signed (the site), shown by PDF readers with the signature. */
  readonly location?: string;
  /** The Japanese font; the packaged app passes its resources path. */
  readonly fontPath?: string;
  /** A timestamp authority to ask now; a failure leaves the document untimestamped rather than unissued. */
  readonly timestamp?: TimestampSource;
}

/** The company root's name, when the signer's certificate is a company certificate. */
function certifiedBy(signer: EngineerCredentials): string | null {
  const rootDer = signer.chainDer[signer.chainDer.length - 1];
  if (!signer.companyCertified || !rootDer) return null;
  const root = parseCertificate(rootDer);
  return nameField(root.subjectName, OID_COMMON_NAME) || root.subject;
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
    qrText: signedQrText(printedFactsOf(document, evidence.sha256, signer.fingerprint), signer.privateKeyDer),
    issuer: identity,
    certifiedBy: certifiedBy(signer),
    location: options.location,
    fontPath: options.fontPath,
  });
  let pdf: Buffer;
  let timestamped = false;
  if (options.timestamp) {
    try {
      pdf = await signPdf(unsigned, signer, options.timestamp);
      timestamped = true;
    } catch {
      // The authority did not answer: sign now and let the queue add a document timestamp later.
      pdf = await signPdf(unsigned, signer);
    }
  } else {
    pdf = await signPdf(unsigned, signer);
  }
  return { pdf, evidenceJson: evidence.json, evidenceSha256: evidence.sha256, evidence: evidence.document, timestamped };
}
