/**
 * The engineer's signing certificate (10-1; issue 13). Two kinds:
 *
 * - a **company certificate**, issued by the company signing authority from an enrollment
 *   request (enrollment.ts) for a key made for that request, stored with its chain up to the
 *   company root. Documents signed with it can be answered "genuine" by anyone who trusts
 *   that root;
 * - a **self-signed certificate** for the vault's first key, made when the engineer has no
 *   valid company certificate. Documents signed with it stay readable and intact, but are
 *   marked 「会社の認証なし」 and are never "genuine": anyone can make a certificate with the
 *   same name.
 *
 * The newest valid company certificate whose key is in the vault is always preferred.
 */
import { createHash } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { hasWrappedKey, SIGNING_KEY_NAME, unwrapSigningKey } from '../vault/signing-key';
import { certificateFingerprint } from './certificate-identity';
import { parseCertificate, importRsaKeyPair, engineerName, RSA_PKCS1_SHA256, x509 } from './x509';

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
  /** The issuers up to the company root, nearest first; empty when self-signed. */
  readonly chainDer: readonly Buffer[];
  readonly companyCertified: boolean;
}

const VALIDITY_YEARS = 10;
// A new certificate is made this long before the old one ends, so that no certificate is
// ever signed in the last days of its signer's validity.
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;
// The start is set a little in the past so that a document dated moments before the
// certificate was made still falls inside its validity.
const BACKDATE_MS = 60 * 60 * 1000;
const OID_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36'; // RFC 9336 id-kp-documentSigning
const OID_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4'; // what Acrobat accepts for document signatures

/** A new self-signed certificate for the key pair (PKCS#8 and SPKI DER). */
export async function createEngineerCertificate(
  keys: { readonly privateKeyDer: Buffer; readonly publicKeyDer: Buffer },
  profile: EngineerProfile,
  now: Date,
): Promise<Buffer> {
  const pair = await importRsaKeyPair(keys.privateKeyDer, keys.publicKeyDer);
  const notBefore = new Date(Math.floor((now.getTime() - BACKDATE_MS) / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  const name = engineerName(profile);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name,
    keys: pair,
    notBefore,
    notAfter,
    signingAlgorithm: RSA_PKCS1_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([OID_EMAIL_PROTECTION, OID_DOCUMENT_SIGNING]),
      await x509.SubjectKeyIdentifierExtension.create(pair.publicKey),
    ],
  });
  return Buffer.from(certificate.rawData);
}

/** A company-issued signing certificate as enrollment imports it (leaf DER, chain up to the root, the key it certifies). */
export interface CompanyCertificateRow {
  readonly fingerprint: string;
  readonly publicKeySha256: string;
  readonly der: Buffer;
  readonly name: string;
  readonly company: string;
  readonly employeeId: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly createdAt: string;
  readonly keyName: string;
  readonly chain: Buffer;
}

/** Keeps a company certificate for signing; one already kept (same fingerprint) is left as it is. */
export function storeCompanyCertificate(db: VaultDatabase, row: CompanyCertificateRow): void {
  db.prepare(
    `INSERT INTO engineer_certificates (fingerprint, public_key_sha256, der, name, company, employee_id, not_before, not_after, created_at, key_name, chain)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
  ).run(
    row.fingerprint,
    row.publicKeySha256,
    row.der,
    row.name,
    row.company,
    row.employeeId,
    row.notBefore,
    row.notAfter,
    row.createdAt,
    row.keyName,
    row.chain,
  );
}

/** Whether the signer's certificate came with a company chain (false for a self-signed one or a fingerprint the vault does not know). */
export function isCompanyCertificate(db: VaultDatabase, fingerprint: string): boolean {
  return db.prepare('SELECT 1 FROM engineer_certificates WHERE fingerprint = ? AND chain IS NOT NULL').get(fingerprint) !== undefined;
}

interface StoredCertificateRow {
  readonly fingerprint: string;
  readonly der: Buffer;
  readonly keyName: string;
  readonly chain: Buffer | null;
}

/** The DER certificates of a stored chain (concatenated DER, each a SEQUENCE with its own length). */
export function splitChain(chain: Buffer | null): Buffer[] {
  if (!chain) return [];
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < chain.length) {
    const length = Buffer.from(parseCertificate(chain.subarray(offset)).rawData).length;
    parts.push(chain.subarray(offset, offset + length));
    offset += length;
  }
  return parts;
}

/** The company certificate to sign with now: valid, with a key in the vault; newest end first. */
function companyCertificate(db: VaultDatabase, now: Date): StoredCertificateRow | undefined {
  const valid = db
    .prepare(
      `SELECT fingerprint, der, key_name AS keyName, chain FROM engineer_certificates
        WHERE chain IS NOT NULL AND not_before <= ? AND not_after > ?
        ORDER BY not_after DESC, created_at DESC`,
    )
    .all(now.toISOString(), now.toISOString()) as StoredCertificateRow[];
  return valid.find((row) => hasWrappedKey(db, row.keyName));
}

/**
 * The engineer's key and certificate: the company certificate when there is a valid one,
 * else the self-signed one (made and stored the first time, or when the profile changed or
 * it nears its end). Throws if the vault has no usable signing key.
 */
export async function engineerCertificate(
  db: VaultDatabase,
  signingWrapKey: Buffer,
  profile: EngineerProfile,
  now: Date,
): Promise<EngineerCredentials> {
  const company = companyCertificate(db, now);
  if (company) {
    const keys = unwrapSigningKey(db, signingWrapKey, company.keyName);
    if (!keys) throw new Error('the key of the company certificate does not unwrap');
    return {
      certificateDer: company.der,
      privateKeyDer: keys.privateKey,
      fingerprint: company.fingerprint,
      chainDer: splitChain(company.chain),
      companyCertified: true,
    };
  }
  const keys = unwrapSigningKey(db, signingWrapKey, SIGNING_KEY_NAME);
  if (!keys) throw new Error('the vault has no usable signing key');
  try {
    const publicKeySha256 = createHash('sha256').update(keys.publicKey).digest('hex');
    const existing = db
      .prepare(
        `SELECT fingerprint, der, key_name AS keyName, chain FROM engineer_certificates
          WHERE chain IS NULL AND public_key_sha256 = ? AND name = ? AND company = ? AND employee_id = ? AND not_before <= ? AND not_after > ?
          ORDER BY created_at DESC LIMIT 1`,
      )
      .get(
        publicKeySha256,
        profile.name,
        profile.company,
        profile.employeeId,
        now.toISOString(),
        new Date(now.getTime() + RENEW_BEFORE_MS).toISOString(),
      ) as StoredCertificateRow | undefined;
    if (existing)
      return {
        certificateDer: existing.der,
        privateKeyDer: keys.privateKey,
        fingerprint: existing.fingerprint,
        chainDer: [],
        companyCertified: false,
      };

    const der = await createEngineerCertificate({ privateKeyDer: keys.privateKey, publicKeyDer: keys.publicKey }, profile, now);
    const parsed = parseCertificate(der);
    const fingerprint = certificateFingerprint(der);
    db.prepare(
      `INSERT INTO engineer_certificates (fingerprint, public_key_sha256, der, name, company, employee_id, not_before, not_after, created_at, key_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      fingerprint,
      publicKeySha256,
      der,
      profile.name,
      profile.company,
      profile.employeeId,
      parsed.notBefore.toISOString(),
      parsed.notAfter.toISOString(),
      now.toISOString(),
      SIGNING_KEY_NAME,
    );
    return { certificateDer: der, privateKeyDer: keys.privateKey, fingerprint, chainDer: [], companyCertified: false };
  } catch (error) {
    keys.privateKey.fill(0);
    throw error;
  }
}
