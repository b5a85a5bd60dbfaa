/**
 * The engineer's signing certificate (10-1; threat model: "the engineer's signing key"): a
 * self-signed X.509 certificate for the vault's RSA-3072 key, naming the engineer (CN), the
 * company (O) and the employee id (serialNumber), valid for ten years. Acrobat Reader and
 * poppler show it as the signer of every certificate PDF; a hospital that wants more than
 * "valid but unknown signer" trusts its SHA-256 fingerprint. It is made once per key and
 * profile and kept in the vault, so the fingerprint a hospital was given stays the same;
 * a changed profile (a corrected name) or a certificate near its end gets a new one.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { VaultDatabase } from '../../db/open-vault-database';
import { unwrapSigningKey } from '../vault/signing-key';
import { certificateFingerprint, OID_COMMON_NAME, OID_ORGANIZATION, OID_SERIAL_NUMBER } from './certificate-identity';
import { forgeSigningKey, privateKeyFromPkcs8 } from './forge-signing-key';

export interface EngineerProfile {
  readonly name: string;
  readonly company: string;
  readonly employeeId: string;
}

/** What signs a certificate. The caller wipes `privateKeyDer` when done. */
export interface EngineerCredentials {
  readonly certificateDer: Buffer;
  /** PKCS#8 DER. */
  readonly privateKeyDer: Buffer;
  /** SHA-256 of `certificateDer`, lowercase hex. */
  readonly fingerprint: string;
}

const VALIDITY_YEARS = 10;
// A new certificate is made this long before the old one ends, so that no certificate is
// ever signed in the last days of its signer's validity.
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;
// The start is set a little in the past so that a document dated moments before the
// certificate was made still falls inside its validity.
const BACKDATE_MS = 60 * 60 * 1000;
const OID_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36'; // RFC 9336 id-kp-documentSigning
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** A new self-signed certificate for the key pair (PKCS#8 and SPKI DER). */
export function createEngineerCertificate(
  keys: { readonly privateKeyDer: Buffer; readonly publicKeyDer: Buffer },
  profile: EngineerProfile,
  now: Date,
): Buffer {
  const privateKey = privateKeyFromPkcs8(keys.privateKeyDer);
  const publicKey = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(keys.publicKeyDer.toString('binary'))));
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  const serial = forge.random.getBytesSync(16);
  // A positive INTEGER: the first byte is 0x01..0x7f.
  certificate.serialNumber = ((serial.charCodeAt(0) & 0x7f) | 0x01).toString(16).padStart(2, '0') + forge.util.bytesToHex(serial.slice(1));
  const notBefore = new Date(Math.floor((now.getTime() - BACKDATE_MS) / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  const subject = [
    { type: OID_COMMON_NAME, value: profile.name, valueTagClass: forge.asn1.Type.UTF8 },
    { type: OID_ORGANIZATION, value: profile.company, valueTagClass: forge.asn1.Type.UTF8 },
    {
      type: OID_SERIAL_NUMBER,
      value: profile.employeeId,
      // X.520 asks for PrintableString; an id with other characters keeps them in UTF-8.
      valueTagClass: PRINTABLE.test(profile.employeeId) ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8,
    },
  ] as unknown as forge.pki.CertificateField[];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // Acrobat accepts e-mail protection for document signatures; RFC 9336 names the purpose itself.
    { name: 'extKeyUsage', emailProtection: true, [OID_DOCUMENT_SIGNING]: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgeSigningKey(privateKey), forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
  if (!new X509Certificate(der).verify(createPublicKey({ key: keys.publicKeyDer, format: 'der', type: 'spki' }))) {
    throw new Error('the new engineer certificate does not verify');
  }
  return der;
}

interface StoredCertificateRow {
  readonly fingerprint: string;
  readonly der: Buffer;
}

/**
 * The engineer's key and certificate, making and storing the certificate the first time (or
 * when the profile changed or the certificate nears its end). Throws if the vault has no
 * signing key or it does not unwrap.
 */
export function engineerCertificate(db: VaultDatabase, signingWrapKey: Buffer, profile: EngineerProfile, now: Date): EngineerCredentials {
  const keys = unwrapSigningKey(db, signingWrapKey);
  if (!keys) throw new Error('the vault has no usable signing key');
  try {
    const publicKeySha256 = createHash('sha256').update(keys.publicKey).digest('hex');
    const existing = db
      .prepare(
        `SELECT fingerprint, der FROM engineer_certificates
          WHERE public_key_sha256 = ? AND name = ? AND company = ? AND employee_id = ? AND not_before <= ? AND not_after > ?
          ORDER BY created_at DESC LIMIT 1`,
      )
      .get(publicKeySha256, profile.name, profile.company, profile.employeeId, now.toISOString(), new Date(now.getTime() + RENEW_BEFORE_MS).toISOString()) as
      | StoredCertificateRow
      | undefined;
    if (existing) return { certificateDer: existing.der, privateKeyDer: keys.privateKey, fingerprint: existing.fingerprint };

    const der = createEngineerCertificate({ privateKeyDer: keys.privateKey, publicKeyDer: keys.publicKey }, profile, now);
    const parsed = new X509Certificate(der);
    const fingerprint = certificateFingerprint(der);
    db.prepare(
      `INSERT INTO engineer_certificates (fingerprint, public_key_sha256, der, name, company, employee_id, not_before, not_after, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      fingerprint,
      publicKeySha256,
      der,
      profile.name,
      profile.company,
      profile.employeeId,
      new Date(parsed.validFrom).toISOString(),
      new Date(parsed.validTo).toISOString(),
      now.toISOString(),
    );
    return { certificateDer: der, privateKeyDer: keys.privateKey, fingerprint };
  } catch (error) {
    keys.privateKey.fill(0);
    throw error;
  }
}
