/**
 * Issues a certificate with the unlocked vault's engineer key and keeps it in the vault:
 * takes the next number of its kind, signs evidence and PDF, stores both, and audits the
 * issue. Every kind (erasure, self-check, sanitization, visit, inventory) goes through here,
 * so numbering, storage and the audit entry cannot drift apart between them.
 */
import type { VaultSession } from '../vault/vault-session';
import type { JsonObject } from './canonical-json';
import type { CertificateDocument, CertificateKind } from './certificate-document';
import { nextCertificateNumber } from './certificate-numbering';
import { storeCertificate } from './certificate-store';
import { engineerCertificate } from './engineer-certificate';
import { issueCertificate, type IssueOptions } from './issue-certificate';

export async function issueVaultCertificate(
  session: VaultSession,
  kind: CertificateKind,
  build: (number: string) => { document: CertificateDocument; facts: JsonObject },
  now: Date,
  options: IssueOptions = {},
): Promise<{ id: string; number: string; evidenceSha256: string }> {
  const profile = session.profile();
  const credentials = engineerCertificate(session.db, session.keys.signingWrap, profile, now);
  try {
    const number = nextCertificateNumber(session.db, kind, profile.employeeId, now);
    const { document, facts } = build(number);
    const issued = await issueCertificate(document, facts, credentials, options);
    const id = storeCertificate(
      session.db,
      { number, kind, issuedAt: document.issuedAt, title: document.title, signerFingerprint: credentials.fingerprint, evidenceSha256: issued.evidenceSha256, evidenceJson: issued.evidenceJson, pdf: issued.pdf },
      now,
    );
    session.audit.append('certificate.issued', session.actor(), { certificateId: id, number, kind, evidenceSha256: issued.evidenceSha256 });
    return { id, number, evidenceSha256: issued.evidenceSha256 };
  } finally {
    credentials.privateKeyDer.fill(0);
  }
}
