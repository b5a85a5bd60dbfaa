/**
 * The parts of a company policy file that concern trust in documents (issue 13): the
 * company's RFC 3161 timestamp authority (`"timestampAuthority": "https://…"`, or null to
 * clear it) and the company's current CRLs (`"revocationLists": ["-----BEGIN X509 CRL-----…"]`),
 * so that one file the security office sends updates both the self-check rules and what
 * the laptop knows about revoked engineers. CRLs must be signed by a root the vault trusts.
 */
import { AppError } from '../app-error';
import type { VaultSession } from '../vault/vault-session';
import { setTimestampAuthorityUrl } from './timestamp-queue';
import { importRevocationLists } from './vault-trust';

export const TRUST_POLICY_KEYS = ['timestampAuthority', 'revocationLists'] as const;

export async function applyCompanyTrustPolicy(session: VaultSession, raw: Record<string, unknown>, now: Date): Promise<void> {
  if ('timestampAuthority' in raw) {
    const url = raw.timestampAuthority;
    if (url !== null && typeof url !== 'string') throw new AppError('SELF_CHECK_POLICY_INVALID');
    try {
      setTimestampAuthorityUrl(session, url);
    } catch {
      throw new AppError('SELF_CHECK_POLICY_INVALID');
    }
  }
  if ('revocationLists' in raw) {
    const lists = raw.revocationLists;
    if (!Array.isArray(lists) || !lists.every((pem) => typeof pem === 'string')) throw new AppError('SELF_CHECK_POLICY_INVALID');
    for (const pem of lists) await importRevocationLists(session, Buffer.from(pem, 'utf8'), now);
  }
}
