/**
 * Enrollment with the company signing authority (issue 13): the engineer's app makes a new
 * signing key in the vault and exports a PKCS#10 request naming the engineer (CN), company
 * (O) and employee id (serialNumber); the security office answers with a reply holding the
 * engineer certificate and the company root; importing it makes that certificate the one
 * every new document is signed with. A new request while the old certificate is still valid
 * rotates the key; documents already issued keep their own chain and stay verifiable.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../app-error';
import { unwrapSigningKey, createSigningKey } from '../vault/signing-key';
import type { VaultSession } from '../vault/vault-session';
import { certificateFingerprint } from './certificate-identity';
import { storeCompanyCertificate } from './engineer-certificate';
import { checkSignerChain } from './signer-chain';
import { asRootCertificate, certificatesIn } from './trust-anchors';
import { addTrustedRoot } from './vault-trust';
import {
  parseCertificate,
  importRsaKeyPair,
  nameField,
  engineerName,
  OID_COMMON_NAME,
  OID_ORGANIZATION,
  OID_SERIAL_NUMBER,
  RSA_PKCS1_SHA256,
  x509,
} from './x509';

/** Makes a key for the request and returns the request as PEM. */
export async function createEnrollmentRequest(session: VaultSession, now: Date): Promise<string> {
  const id = randomUUID();
  const keyName = `enrollment-key:${id}`;
  const { publicKey } = await createSigningKey(session.db, session.keys.signingWrap, now, keyName);
  const keys = unwrapSigningKey(session.db, session.keys.signingWrap, keyName);
  if (!keys) throw new Error('the new signing key does not unwrap');
  try {
    const request = await x509.Pkcs10CertificateRequestGenerator.create({
      name: engineerName(session.profile()),
      keys: await importRsaKeyPair(keys.privateKey, keys.publicKey),
      signingAlgorithm: RSA_PKCS1_SHA256,
    });
    session.db.transaction(() => {
      session.db
        .prepare('INSERT INTO enrollment_requests (id, key_name, public_key_sha256, created_at) VALUES (?, ?, ?, ?)')
        .run(id, keyName, createHash('sha256').update(publicKey).digest('hex'), now.toISOString());
      session.audit.append('certificate.enrollment-requested', session.actor(), { requestId: id });
    })();
    return request.toString('pem') + '\n';
  } finally {
    keys.privateKey.fill(0);
  }
}

export interface ImportedEnrollment {
  readonly fingerprint: string;
  readonly rootFingerprint: string;
  readonly rootLabel: string;
  readonly notAfter: string;
}

/**
 * Imports a reply: the engineer certificate must be for the key of a request made in this
 * vault, chain to the root in the reply, be valid now and be made for FieldGuard documents.
 * The root becomes trusted in this vault (it is the engineer's own company's).
 */
export async function importEnrollmentReply(session: VaultSession, reply: Buffer, now: Date): Promise<ImportedEnrollment> {
  const certificates = certificatesIn(reply);
  if (certificates.length < 2) throw new AppError('ENROLLMENT_REPLY_INVALID');
  const pending = session.db
    .prepare('SELECT id, key_name AS keyName, public_key_sha256 AS publicKeySha256 FROM enrollment_requests WHERE imported_at IS NULL')
    .all() as Array<{
    id: string;
    keyName: string;
    publicKeySha256: string;
  }>;
  let leafDer: Buffer | undefined;
  let request: (typeof pending)[number] | undefined;
  for (const der of certificates) {
    const spki = Buffer.from(parseCertificate(der).publicKey.rawData);
    const match = pending.find((p) => p.publicKeySha256 === createHash('sha256').update(spki).digest('hex'));
    if (match) {
      leafDer = der;
      request = match;
    }
  }
  if (!leafDer || !request) throw new AppError('ENROLLMENT_REPLY_NOT_REQUESTED');
  const roots = (await Promise.all(certificates.map(asRootCertificate))).filter((r) => r !== null);
  const others = certificates.filter((der) => der !== leafDer);
  for (const root of roots) {
    const outcome = await checkSignerChain({
      leafDer,
      carried: others,
      anchors: { fingerprints: new Set([root.fingerprint]), certificates: [root.der], revocationLists: [] },
      at: now,
      atIsTrusted: true,
      purpose: 'document-signing',
    });
    if (outcome.outcome !== 'trusted') continue;
    const leaf = parseCertificate(leafDer);
    const fingerprint = certificateFingerprint(leafDer);
    const chain = Buffer.concat(outcome.path.slice(1));
    const chosen = request;
    session.db.transaction(() => {
      storeCompanyCertificate(session.db, {
        fingerprint,
        publicKeySha256: chosen.publicKeySha256,
        der: leafDer,
        name: nameField(leaf.subjectName, OID_COMMON_NAME),
        company: nameField(leaf.subjectName, OID_ORGANIZATION),
        employeeId: nameField(leaf.subjectName, OID_SERIAL_NUMBER),
        notBefore: leaf.notBefore.toISOString(),
        notAfter: leaf.notAfter.toISOString(),
        createdAt: now.toISOString(),
        keyName: chosen.keyName,
        chain,
      });
      session.db.prepare('UPDATE enrollment_requests SET imported_at = ? WHERE id = ?').run(now.toISOString(), chosen.id);
      session.audit.append('certificate.enrollment-imported', session.actor(), {
        requestId: chosen.id,
        fingerprint,
        rootFingerprint: root.fingerprint,
        notAfter: leaf.notAfter.toISOString(),
      });
    })();
    addTrustedRoot(session, root, now, 'own-enrollment');
    return { fingerprint, rootFingerprint: root.fingerprint, rootLabel: root.label, notAfter: leaf.notAfter.toISOString() };
  }
  throw new AppError('ENROLLMENT_REPLY_INVALID');
}

export function pendingEnrollmentRequests(session: VaultSession): number {
  return (session.db.prepare('SELECT count(*) AS n FROM enrollment_requests WHERE imported_at IS NULL').get() as { n: number }).n;
}
