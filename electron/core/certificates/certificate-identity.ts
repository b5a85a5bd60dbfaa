/**
 * Who a signing certificate names, read from its DER: the engineer's name (CN), company (O)
 * and employee id (serialNumber), and its SHA-256 fingerprint — what a hospital compares
 * with the fingerprint it was given to trust an engineer's certificates (10-1).
 */
import { createHash } from 'node:crypto';
import { DER, derChildren, derOid, derString, readDerExactly } from './der-reader';

export const OID_COMMON_NAME = '2.5.4.3';
export const OID_SERIAL_NUMBER = '2.5.4.5';
export const OID_ORGANIZATION = '2.5.4.10';

export interface SignerIdentity {
  readonly name: string;
  readonly company: string;
  readonly employeeId: string;
  /** SHA-256 of the certificate's DER, lowercase hex. */
  readonly fingerprint: string;
}

export function certificateFingerprint(certificateDer: Buffer): string {
  return createHash('sha256').update(certificateDer).digest('hex');
}

/** Lowercase hex without separators, so that "AB:CD…" as printed and "abcd…" compare equal. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

/** The subject's attributes by OID (first value of each). Throws DerError on a malformed certificate. */
export function certificateSubject(certificateDer: Buffer): Map<string, string> {
  const certificate = readDerExactly(certificateDer, DER.SEQUENCE);
  const tbs = derChildren(certificate)[0];
  if (!tbs || tbs.tag !== DER.SEQUENCE) throw new Error('not a certificate');
  const fields = derChildren(tbs);
  // version [0] is present in v3 certificates: serial, signature, issuer, validity, subject follow.
  const start = fields[0]?.tag === DER.context(0) ? 1 : 0;
  const subject = fields[start + 4];
  if (!subject || subject.tag !== DER.SEQUENCE) throw new Error('certificate has no subject');
  const attributes = new Map<string, string>();
  for (const rdn of derChildren(subject)) {
    for (const pair of derChildren(rdn)) {
      const [type, value] = derChildren(pair);
      if (!type || !value) continue;
      const oid = derOid(type);
      if (!attributes.has(oid)) attributes.set(oid, derString(value));
    }
  }
  return attributes;
}

export function signerIdentity(certificateDer: Buffer): SignerIdentity {
  const subject = certificateSubject(certificateDer);
  return {
    name: subject.get(OID_COMMON_NAME) ?? '',
    company: subject.get(OID_ORGANIZATION) ?? '',
    employeeId: subject.get(OID_SERIAL_NUMBER) ?? '',
    fingerprint: certificateFingerprint(certificateDer),
  };
}
