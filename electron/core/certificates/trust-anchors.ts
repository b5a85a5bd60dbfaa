/**
 * Where the verifier's trust comes from (issue 13): company roots, never single engineers.
 * A root is named by its certificate (PEM or DER) or by its SHA-256 fingerprint as printed
 * on a contract; a trust file may hold several, one per line, with labels and `#` comments
 * ("東都メディカル ルート  AB:CD:…  # 2026 契約"). CRLs come as PEM or DER files.
 *
 * Nothing here takes trust from a signed document: a forged document naming its own root
 * would otherwise vouch for itself.
 */
import { readFile } from 'node:fs/promises';
import { findSignatureRanges, signedParts } from './certificate-pdf-reader';
import { verifyDetachedCms } from './cms-signature';
import { parseCertificate, parseCrl, derFingerprint, pemBlocks, x509 } from './x509';
import type { TrustAnchors } from './signer-chain';

const FINGERPRINT = /(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2})(?![0-9A-Fa-f:])/g;

export interface RootCertificate {
  readonly der: Buffer;
  readonly fingerprint: string;
  readonly label: string;
  readonly notAfter: string;
}

/** The certificate as a root: self-issued, self-signed, a CA. Null for anything else. */
export async function asRootCertificate(der: Buffer): Promise<RootCertificate | null> {
  try {
    const certificate = parseCertificate(der);
    if (certificate.subject !== certificate.issuer) return null;
    if (certificate.getExtension(x509.BasicConstraintsExtension)?.ca !== true) return null;
    if (!(await certificate.verify({ publicKey: certificate.publicKey, signatureOnly: true }))) return null;
    return {
      der: Buffer.from(certificate.rawData),
      fingerprint: derFingerprint(certificate.rawData),
      label: certificate.subject,
      notAfter: certificate.notAfter.toISOString(),
    };
  } catch {
    return null;
  }
}

/** Certificates in a file's bytes: PEM blocks, or one DER certificate. */
export function certificatesIn(bytes: Buffer): Buffer[] {
  const pem = pemBlocks(bytes.toString('latin1'));
  if (pem.length > 0) return pem;
  try {
    return [Buffer.from(parseCertificate(bytes).rawData)];
  } catch {
    return [];
  }
}

/** Fingerprints in a text, wherever they stand on a line, after `#` comments are removed. */
export function fingerprintsIn(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, ''))
    .flatMap((line) => [...line.matchAll(FINGERPRINT)].map((m) => (m[1] as string).replace(/:/g, '').toLowerCase()))
    .filter((fingerprint) => fingerprint.length === 64);
}

export class TrustSourceError extends Error {
  constructor(readonly source: string) {
    super(`no root certificate or fingerprint in ${source}`);
  }
}

/** Anchors from `--trust-root` values (files or fingerprints) and `--crl` files. Throws TrustSourceError naming a value that gives nothing. */
export async function anchorsFromSources(trustRoots: readonly string[], crlFiles: readonly string[]): Promise<TrustAnchors> {
  const fingerprints = new Set<string>();
  const certificates: Buffer[] = [];
  for (const source of trustRoots) {
    const literal = fingerprintsIn(source);
    if (literal.length === 1 && source.replace(/[\s:]/g, '').length === 64) {
      fingerprints.add(literal[0] as string);
      continue;
    }
    const bytes = await readFile(source).catch(() => {
      throw new TrustSourceError(source);
    });
    const roots = (await Promise.all(certificatesIn(bytes).map(asRootCertificate))).filter((r): r is RootCertificate => r !== null);
    const listed = roots.length > 0 ? [] : fingerprintsIn(bytes.toString('utf8'));
    if (roots.length === 0 && listed.length === 0) throw new TrustSourceError(source);
    for (const root of roots) {
      fingerprints.add(root.fingerprint);
      certificates.push(root.der);
    }
    for (const fingerprint of listed) fingerprints.add(fingerprint);
  }
  const revocationLists: Buffer[] = [];
  for (const file of crlFiles) {
    const bytes = await readFile(file).catch(() => {
      throw new TrustSourceError(file);
    });
    const lists = revocationListsIn(bytes);
    if (lists.length === 0) throw new TrustSourceError(file);
    revocationLists.push(...lists);
  }
  return { fingerprints, certificates, revocationLists };
}

/** CRLs in a file's bytes: PEM blocks, or one DER CRL. */
export function revocationListsIn(bytes: Buffer): Buffer[] {
  const pem = pemBlocks(bytes.toString('latin1'), 'X509 CRL');
  const candidates = pem.length > 0 ? pem : [bytes];
  return candidates.filter((der) => {
    try {
      parseCrl(der);
      return true;
    } catch {
      return false;
    }
  });
}

/** The certificates a PDF's first signature carries, read without parsing the rest of the PDF. */
async function signatureCertificates(bytes: Buffer): Promise<readonly Buffer[]> {
  const first = findSignatureRanges(bytes)[0];
  const parts = first ? signedParts(bytes, first) : null;
  return parts ? verifyDetachedCms(Buffer.from(parts.contentsHex, 'hex'), parts.signedBytes).certificatesDer : [];
}

export function mergeAnchors(...all: readonly TrustAnchors[]): TrustAnchors {
  return {
    fingerprints: new Set(all.flatMap((a) => [...a.fingerprints])),
    certificates: all.flatMap((a) => a.certificates),
    revocationLists: all.flatMap((a) => a.revocationLists),
  };
}

/**
 * Roots a file offers to be trusted: root certificates in it, or — for a signed document —
 * the root at the end of the chain its signature carries. The caller must still have the
 * engineer compare the fingerprint with the contract's before trusting it.
 */
export async function rootCandidatesIn(bytes: Buffer): Promise<RootCertificate[]> {
  const direct = (await Promise.all(certificatesIn(bytes).map(asRootCertificate))).filter((r): r is RootCertificate => r !== null);
  if (direct.length > 0) return direct;
  const carried = await signatureCertificates(bytes);
  return (await Promise.all(carried.map(asRootCertificate))).filter((r): r is RootCertificate => r !== null);
}
