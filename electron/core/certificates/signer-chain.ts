/**
 * Whether a document's signer is who the company says (issue 13; threat model "what each
 * answer proves"): the path from the signer's certificate to a company root the verifier
 * trusts, checked link by link — each signature, each issuer a CA allowed to sign
 * certificates, every certificate valid at the signing time, none revoked by a CRL the
 * verifier was given — and the signer's certificate made for FieldGuard documents (the
 * company policy OID, digitalSignature or nonRepudiation, not a CA).
 *
 * Three outcomes, matching the verifier's answers: `trusted`; `unconfirmed` when the path
 * leads to nobody the verifier trusts (a self-signed certificate, or an unknown root); and
 * `invalid` when a link is wrong, with one reason code each. Trust goes to roots only: a
 * trusted fingerprint that belongs to a signer's own certificate confirms nothing.
 */
import { OID_TIME_STAMPING } from './cms-oids';
import { knownCertificate, parseCrl, derFingerprint, hasFieldGuardPolicy, x509 } from './x509';
import type { CertificateProblem } from '../../shared/certificates';

const MAX_PATH = 4;

export interface TrustAnchors {
  /** SHA-256 fingerprints of trusted root certificates, lowercase hex. */
  readonly fingerprints: ReadonlySet<string>;
  /** Root certificates known to the verifier (their fingerprints must also be listed to count). */
  readonly certificates: readonly Buffer[];
  /** CRLs (DER) from the company. */
  readonly revocationLists: readonly Buffer[];
}

export const NO_ANCHORS: TrustAnchors = { fingerprints: new Set(), certificates: [], revocationLists: [] };

export type ChainOutcome =
  | {
      readonly outcome: 'trusted';
      readonly root: { readonly fingerprint: string; readonly name: string };
      readonly path: readonly Buffer[];
    }
  | { readonly outcome: 'unconfirmed'; readonly problem: CertificateProblem; readonly selfSigned: boolean }
  | { readonly outcome: 'invalid'; readonly problem: CertificateProblem };

export interface ChainQuestion {
  readonly leafDer: Buffer;
  /** Certificates that came with the document (its chain). */
  readonly carried: readonly Buffer[];
  readonly anchors: TrustAnchors;
  /** When the signature was made. */
  readonly at: Date;
  /** Whether `at` comes from a trusted timestamp (else it is the signer's own claim). */
  readonly atIsTrusted: boolean;
  /** What the leaf is for: signing documents, or timestamping (a TSA). */
  readonly purpose: 'document-signing' | 'timestamping';
}

/** A name's DER, encoded once per name object: the parsed certificates are kept (knownCertificate), and so are their names. */
const nameBytes = new WeakMap<x509.Name, Buffer>();

function derOf(name: x509.Name): Buffer {
  let bytes = nameBytes.get(name);
  if (!bytes) {
    bytes = Buffer.from(name.toArrayBuffer());
    nameBytes.set(name, bytes);
  }
  return bytes;
}

function sameName(a: x509.Name, b: x509.Name): boolean {
  return derOf(a).equals(derOf(b));
}

/**
 * Signature verdicts already reached, by the two certificates' fingerprints. Whether one
 * certificate's signature verifies under another's key is a fact of their bytes alone, so it
 * is kept (a few hundred pairs at most): a run over many documents of one engineer — the
 * archive sync, a folder given to `fieldguard verify` — checks the same links every time, and
 * each link is a public-key operation. Validity times, purposes and revocation are still
 * checked on every call.
 */
const signatureVerdicts = new Map<string, Promise<boolean>>();
const MAX_VERDICTS = 512;

function signedBy(certificate: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  const key = `${derFingerprint(certificate.rawData)}|${derFingerprint(issuer.rawData)}`;
  const known = signatureVerdicts.get(key);
  if (known) return known;
  const verdict = certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true }).catch(() => false);
  if (signatureVerdicts.size >= MAX_VERDICTS) signatureVerdicts.clear();
  signatureVerdicts.set(key, verdict);
  return verdict;
}

function validAt(certificate: x509.X509Certificate, at: Date): 'ok' | 'expired' | 'not-yet-valid' {
  if (at.getTime() < certificate.notBefore.getTime()) return 'not-yet-valid';
  if (at.getTime() > certificate.notAfter.getTime()) return 'expired';
  return 'ok';
}

function isCa(certificate: x509.X509Certificate): boolean {
  const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  return constraints?.ca === true && (!usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0);
}

function fitsPurpose(leaf: x509.X509Certificate, purpose: ChainQuestion['purpose'], requirePolicy: boolean): boolean {
  if (leaf.getExtension(x509.BasicConstraintsExtension)?.ca === true) return false;
  if (purpose === 'timestamping') {
    return leaf.getExtension(x509.ExtendedKeyUsageExtension)?.usages.includes(OID_TIME_STAMPING) === true;
  }
  const usage = leaf.getExtension(x509.KeyUsagesExtension);
  if (usage && (usage.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) === 0) return false;
  return !requirePolicy || hasFieldGuardPolicy(leaf);
}

/**
 * Whether a CRL from `issuer` revokes `certificate` in a way that matters at `at`. Without a
 * trusted time any revocation counts: the claimed signing time could have been backdated.
 * A compromised key counts from whenever the CRL says, whatever the time.
 */
async function revoked(certificate: x509.X509Certificate, issuer: x509.X509Certificate, question: ChainQuestion): Promise<boolean> {
  for (const der of question.anchors.revocationLists) {
    let crl: x509.X509Crl;
    try {
      crl = parseCrl(der);
    } catch {
      continue;
    }
    if (!sameName(crl.issuerName, issuer.subjectName) || !(await crl.verify({ publicKey: issuer.publicKey }).catch(() => false))) continue;
    const entry = crl.findRevoked(certificate.serialNumber);
    if (!entry) continue;
    if (!question.atIsTrusted || entry.reason === x509.X509CrlReason.keyCompromise) return true;
    if (entry.revocationDate.getTime() <= question.at.getTime()) return true;
  }
  return false;
}

export async function checkSignerChain(question: ChainQuestion): Promise<ChainOutcome> {
  const leaf = knownCertificate(question.leafDer);
  if (!leaf) return { outcome: 'invalid', problem: 'CERT_CHAIN_INVALID' };
  const validity = validAt(leaf, question.at);
  if (validity !== 'ok')
    return { outcome: 'invalid', problem: validity === 'expired' ? 'CERT_SIGNER_EXPIRED' : 'CERT_SIGNER_NOT_YET_VALID' };

  const selfSigned = sameName(leaf.subjectName, leaf.issuerName) && (await signedBy(leaf, leaf));
  if (selfSigned) {
    if (!fitsPurpose(leaf, question.purpose, false)) return { outcome: 'invalid', problem: 'CERT_SIGNER_NOT_FOR_SIGNING' };
    return { outcome: 'unconfirmed', problem: 'CERT_NOT_COMPANY_CERTIFIED', selfSigned: true };
  }
  if (!fitsPurpose(leaf, question.purpose, question.purpose === 'document-signing'))
    return { outcome: 'invalid', problem: 'CERT_SIGNER_NOT_FOR_SIGNING' };

  const pool = [...question.carried, ...question.anchors.certificates]
    .map((der) => ({ der, certificate: knownCertificate(der) }))
    .filter((c) => c.certificate !== null) as Array<{
    der: Buffer;
    certificate: x509.X509Certificate;
  }>;
  const path: Buffer[] = [question.leafDer];
  let current = leaf;
  for (let depth = 0; depth < MAX_PATH; depth += 1) {
    const named = pool.filter((c) => sameName(c.certificate.subjectName, current.issuerName));
    if (named.length === 0) return { outcome: 'unconfirmed', problem: 'CERT_ISSUER_NOT_TRUSTED', selfSigned: false };
    let issuer: (typeof pool)[number] | undefined;
    for (const candidate of named) {
      if (await signedBy(current, candidate.certificate)) {
        issuer = candidate;
        break;
      }
    }
    if (!issuer) return { outcome: 'invalid', problem: 'CERT_CHAIN_INVALID' };
    if (!isCa(issuer.certificate) || validAt(issuer.certificate, question.at) !== 'ok')
      return { outcome: 'invalid', problem: 'CERT_CHAIN_INVALID' };
    if (await revoked(current, issuer.certificate, question)) return { outcome: 'invalid', problem: 'CERT_SIGNER_REVOKED' };
    path.push(issuer.der);
    const fingerprint = derFingerprint(issuer.der);
    if (question.anchors.fingerprints.has(fingerprint))
      return { outcome: 'trusted', root: { fingerprint, name: issuer.certificate.subject }, path };
    if (sameName(issuer.certificate.subjectName, issuer.certificate.issuerName))
      return { outcome: 'unconfirmed', problem: 'CERT_ISSUER_NOT_TRUSTED', selfSigned: false };
    current = issuer.certificate;
  }
  return { outcome: 'invalid', problem: 'CERT_CHAIN_INVALID' };
}
