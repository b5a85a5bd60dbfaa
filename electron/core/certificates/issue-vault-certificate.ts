/**
 * Issues a certificate with the unlocked vault's engineer key and keeps it in the vault:
 * takes the next number of its kind, signs evidence and PDF, stores both, audits the issue,
 * and — when the company names a timestamp authority but it could not be reached — queues
 * the document for a document timestamp and for the company archive. Each carries the audit log's position (audit-log-anchor.ts). Every kind (erasure, self-check, sanitization,
 * visit, inventory, ledger) goes through here, so numbering, storage, time and the audit
 * entry cannot drift apart between them. A certificate issued for a visit names the visit's
 * reference (`visitReference`, the same text its signed facts carry), kept beside it for lookup.
 */
import type { VaultSession } from '../vault/vault-session';
import type { JsonObject } from './canonical-json';
import type { CertificateDocument, CertificateKind } from './certificate-document';
import { nextCertificateNumber } from './certificate-numbering';
import { storeCertificate } from './certificate-store';
import { engineerCertificate } from './engineer-certificate';
import { issueCertificate, type IssueOptions, type IssuedCertificate } from './issue-certificate';
import { queueForTimestamp, timestampSourceFor } from './timestamp-queue';
import { withAuditAnchor } from './audit-log-anchor';
import { queueForArchive } from '../archive/archive-queue';

/** A document numbered and signed with the unlocked vault's engineer key, not yet stored. */
export interface SignedVaultDocument {
  readonly number: string;
  readonly document: CertificateDocument;
  readonly issued: IssuedCertificate;
  readonly signerFingerprint: string;
  readonly companyCertified: boolean;
  /** Whether the company names a timestamp authority that could not be reached (the document waits for a timestamp). */
  readonly timestampMissed: boolean;
}

/**
 * Numbers and signs a document with the vault's engineer key. issueVaultCertificate stores what
 * this signs; the security office's archive listing (archive-report.ts) is handed out as a file
 * and only audited.
 */
export async function signVaultDocument(
  session: VaultSession,
  kind: CertificateKind,
  build: (number: string) => { document: CertificateDocument; facts: JsonObject },
  now: Date,
  options: IssueOptions = {},
): Promise<SignedVaultDocument> {
  const profile = session.profile();
  const credentials = await engineerCertificate(session.db, session.keys.signingWrap, profile, now);
  try {
    const number = nextCertificateNumber(session.db, kind, profile.employeeId, now);
    // The log as it stands before this issue is recorded: the position the site will hold.
    const { document, facts } = withAuditAnchor(build(number), session.audit.head());
    const timestamp = options.timestamp ?? timestampSourceFor(session);
    const issued = await issueCertificate(document, facts, credentials, { ...options, ...(timestamp ? { timestamp } : {}) });
    return {
      number,
      document,
      issued,
      signerFingerprint: credentials.fingerprint,
      companyCertified: credentials.companyCertified,
      timestampMissed: timestamp !== undefined && !issued.timestamped,
    };
  } finally {
    credentials.privateKeyDer.fill(0);
  }
}

export async function issueVaultCertificate(
  session: VaultSession,
  kind: CertificateKind,
  build: (number: string) => { document: CertificateDocument; facts: JsonObject },
  now: Date,
  { visitReference, ...options }: IssueOptions & { readonly visitReference?: string } = {},
): Promise<{ id: string; number: string; evidenceSha256: string }> {
  const { number, document, issued, signerFingerprint, companyCertified, timestampMissed } = await signVaultDocument(
    session,
    kind,
    build,
    now,
    options,
  );
  const id = storeCertificate(
    session.db,
    {
      number,
      kind,
      issuedAt: document.issuedAt,
      title: document.title,
      signerFingerprint,
      evidenceSha256: issued.evidenceSha256,
      evidenceJson: issued.evidenceJson,
      pdf: issued.pdf,
      visitReference,
    },
    now,
  );
  session.audit.append('certificate.issued', session.actor(), {
    certificateId: id,
    number,
    kind,
    evidenceSha256: issued.evidenceSha256,
    companyCertified,
    timestamped: issued.timestamped,
  });
  if (timestampMissed) queueForTimestamp(session, id, now);
  // Offline-first: queued for the company archive now, sent when the engineer chooses (issue 20).
  queueForArchive(session.db, { id, number, kind }, now);
  return { id, number, evidenceSha256: issued.evidenceSha256 };
}
