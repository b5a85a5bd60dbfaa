/**
 * @peculiar/x509 with Node's WebCrypto as its provider: certificates, enrollment requests
 * (PKCS#10) and CRLs for the company signing authority (issue 13) are made and read with a
 * maintained X.509 library rather than hand-written DER. The library resolves its parsers
 * through tsyringe, which needs the reflect-metadata polyfill loaded first.
 */
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { EngineerProfile } from './engineer-certificate';

x509.cryptoProvider.set(webcrypto as never);

/** Node's WebCrypto key types (the project's TypeScript has no DOM library). */
export type WebCryptoKey = webcrypto.CryptoKey;
export type WebCryptoKeyPair = webcrypto.CryptoKeyPair;

export { x509 };

export const OID_COMMON_NAME = '2.5.4.3';
export const OID_SERIAL_NUMBER = '2.5.4.5';
export const OID_ORGANIZATION = '2.5.4.10';
/**
 * The certificate policy every FieldGuard engineer certificate carries: "signs FieldGuard
 * evidence documents for the company". A UUID OID (ITU-T X.667, arc 2.25), so no
 * registration is needed and it can collide with nobody's.
 */
export const FIELDGUARD_POLICY_OID = '2.25.190360327542316040779290390133040618807';

/**
 * Whether a certificate's policies include FieldGuard's. asn1js writes the 128-bit UUID arc
 * correctly (openssl reads it back as written) but reads it back as hex in braces, so the
 * comparison is made with the library's own reading of the OID, not with the dotted string.
 */
const POLICY_AS_READ = new x509.CertificatePolicyExtension(new x509.CertificatePolicyExtension([FIELDGUARD_POLICY_OID]).rawData)
  .policies[0];
export function hasFieldGuardPolicy(certificate: x509.X509Certificate): boolean {
  const policies = certificate.getExtension(x509.CertificatePolicyExtension)?.policies ?? [];
  return policies.some((policy) => policy === POLICY_AS_READ || policy === FIELDGUARD_POLICY_OID);
}

export const RSA_PKCS1_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
export const ECDSA_P256_SHA256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** CN = name, O = company, serialNumber = employee id (PrintableString when it can be). */
export function engineerName(profile: EngineerProfile): x509.Name {
  return new x509.Name([
    { [OID_COMMON_NAME]: [{ utf8String: profile.name }] },
    { [OID_ORGANIZATION]: [{ utf8String: profile.company }] },
    {
      [OID_SERIAL_NUMBER]: [
        PRINTABLE.test(profile.employeeId) ? { printableString: profile.employeeId } : { utf8String: profile.employeeId },
      ],
    },
  ]);
}

/** The first value of a name attribute, or ''. */
export function nameField(name: x509.Name, oid: string): string {
  return name.getField(oid)[0] ?? '';
}

/** A certificate from DER (copied into a plain ArrayBuffer, which the library's types ask for). */
export function parseCertificate(der: Uint8Array | ArrayBuffer): x509.X509Certificate {
  return new x509.X509Certificate(new Uint8Array(der));
}

/**
 * Certificates already parsed, by the SHA-256 of their DER: the same few (an engineer's, the
 * company root) come with every document of a run — the archive sync, a folder verified — and
 * parsing one is far slower than hashing it. Null for bytes that are no certificate. A parsed
 * certificate is only read by its callers, never changed.
 */
const parsedCertificates = new Map<string, x509.X509Certificate | null>();
const MAX_PARSED = 256;

export function knownCertificate(der: Uint8Array): x509.X509Certificate | null {
  const fingerprint = derFingerprint(der);
  const known = parsedCertificates.get(fingerprint);
  if (known !== undefined) return known;
  let certificate: x509.X509Certificate | null;
  try {
    certificate = parseCertificate(der);
  } catch {
    certificate = null;
  }
  if (parsedCertificates.size >= MAX_PARSED) parsedCertificates.clear();
  parsedCertificates.set(fingerprint, certificate);
  return certificate;
}

export function parseCrl(der: Uint8Array): x509.X509Crl {
  return new x509.X509Crl(new Uint8Array(der));
}

/** SHA-256 of the DER, lowercase hex: how certificates are named to people. */
export function derFingerprint(der: ArrayBuffer | Uint8Array): string {
  return createHash('sha256')
    .update(der instanceof Uint8Array ? der : new Uint8Array(der))
    .digest('hex');
}

/** Every PEM block of the given label in a text, as DER. */
export function pemBlocks(text: string, label = 'CERTIFICATE'): Buffer[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+?)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((match) => Buffer.from((match[1] as string).replace(/\s+/g, ''), 'base64'));
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A WebCrypto key pair for a PKCS#8 / SPKI DER pair, usable by @peculiar/x509 and pkijs. */
export async function importRsaKeyPair(privateKeyDer: Buffer, publicKeyDer: Buffer): Promise<WebCryptoKeyPair> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const privateKey = await webcrypto.subtle.importKey('pkcs8', privateKeyDer, algorithm, false, ['sign']);
  const publicKey = await webcrypto.subtle.importKey('spki', publicKeyDer, algorithm, true, ['verify']);
  return { privateKey, publicKey };
}
