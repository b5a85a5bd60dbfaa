/**
 * Who a signing certificate names, read with @peculiar/x509: the engineer's name (CN),
 * company (O) and employee id (serialNumber), the certificate's serial, issuer and validity,
 * and its SHA-256 fingerprint — what the verifier shows next to every answer (issue 13).
 */
import { createHash } from 'node:crypto';
import { knownCertificate, nameField, OID_COMMON_NAME, OID_ORGANIZATION, OID_SERIAL_NUMBER } from './x509';

export interface SignerIdentity {
  readonly name: string;
  readonly company: string;
  readonly employeeId: string;
  /** SHA-256 of the certificate's DER, lowercase hex. */
  readonly fingerprint: string;
  /** The certificate's serial number, lowercase hex. */
  readonly serialNumber: string;
  /** The issuer's distinguished name; the subject's own for a self-signed certificate. */
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

export function certificateFingerprint(certificateDer: Buffer): string {
  return createHash('sha256').update(certificateDer).digest('hex');
}

/** Lowercase hex without separators, so that "AB:CD…" as printed and "abcd…" compare equal. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

/** Throws on anything that is not an X.509 certificate. */
export function signerIdentity(certificateDer: Buffer): SignerIdentity {
  const certificate = knownCertificate(certificateDer);
  if (!certificate) throw new Error('not an X.509 certificate');
  return {
    name: nameField(certificate.subjectName, OID_COMMON_NAME),
    company: nameField(certificate.subjectName, OID_ORGANIZATION),
    employeeId: nameField(certificate.subjectName, OID_SERIAL_NUMBER),
    fingerprint: certificateFingerprint(certificateDer),
    serialNumber: certificate.serialNumber.toLowerCase(),
    issuer: certificate.issuer,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
  };
}
