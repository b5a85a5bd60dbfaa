/**
 * The engineer's signing certificate as Settings shows it (issue 13): whose it is, who
 * issued it (the company root, or nobody: 「会社の認証なし」), its validity with the days left
 * and a warning 30 days before the end, and what is pending (requests not yet answered,
 * documents waiting for a timestamp).
 */
import type { EngineerCertificateStatus } from '../../shared/certificates';
import type { VaultSession } from '../vault/vault-session';
import { engineerCertificate } from './engineer-certificate';
import { revocationListCount } from './vault-trust';
import { parseCertificate, derFingerprint } from './x509';

const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRY_WARNING_DAYS = 30;

export async function engineerCertificateStatus(
  session: VaultSession,
  now: Date,
  pending: { readonly pendingRequests: number; readonly queuedTimestamps: number },
): Promise<EngineerCertificateStatus> {
  const credentials = await engineerCertificate(session.db, session.keys.signingWrap, session.profile(), now);
  credentials.privateKeyDer.fill(0);
  const certificate = parseCertificate(credentials.certificateDer);
  const root = credentials.chainDer[credentials.chainDer.length - 1];
  const daysLeft = Math.floor((certificate.notAfter.getTime() - now.getTime()) / DAY_MS);
  const revocationLists = revocationListCount(session);
  return {
    companyCertified: credentials.companyCertified,
    subject: certificate.subject,
    issuer: certificate.issuer,
    fingerprint: credentials.fingerprint,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    daysLeft,
    expiresSoon: credentials.companyCertified && daysLeft <= EXPIRY_WARNING_DAYS,
    rootFingerprint: root ? derFingerprint(root) : null,
    pendingRequests: pending.pendingRequests,
    revocationLists,
    queuedTimestamps: pending.queuedTimestamps,
  };
}
