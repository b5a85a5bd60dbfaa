/**
 * Signers this engineer trusts besides themself — colleagues and the company's engineers —
 * by the SHA-256 fingerprint of their certificate, which every FieldGuard certificate prints.
 * A trusted list turns "intact, signer unconfirmed" into "genuine". Kept in the vault's
 * settings; each change is audited.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { VaultSession } from '../vault/vault-session';
import { verifyCertificate } from './verify-certificate';

export interface TrustedSigner {
  readonly fingerprint: string;
  /** Who it is, as read from the certificate when known (name, company, employee id). */
  readonly label: string;
  readonly addedAt: string;
}

const SETTING = 'trusted_signers';

export function listTrustedSigners(session: VaultSession): TrustedSigner[] {
  const row = session.db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTING) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as TrustedSigner[]) : [];
}

function save(session: VaultSession, signers: readonly TrustedSigner[], change: { added?: number; removed?: number }): void {
  session.db.transaction(() => {
    session.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SETTING, JSON.stringify(signers));
    session.audit.append('settings.changed', session.actor(), { setting: 'trustedSigners', count: signers.length, ...change });
  })();
}

/**
 * The signers a file names: an X.509 certificate (PEM or DER), a text file with one
 * fingerprint per line, or a FieldGuard certificate PDF / evidence JSON whose signature is
 * intact (its signer). Anything else names nobody.
 */
export async function signersInFile(bytes: Buffer): Promise<Array<{ fingerprint: string; label: string }>> {
  try {
    const certificate = new X509Certificate(bytes);
    return [{ fingerprint: createHash('sha256').update(certificate.raw).digest('hex'), label: certificate.subject.replace(/\n/g, ', ') }];
  } catch {
    // not a certificate: try the other forms
  }
  const verification = await verifyCertificate(bytes);
  if ((verification.status === 'valid' || verification.status === 'valid-untrusted') && verification.signer) {
    const { name, company, employeeId, fingerprint } = verification.signer;
    return [{ fingerprint, label: `${name} (${company}, ${employeeId})` }];
  }
  return bytes
    .toString('utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/[:\s]/g, '').toLowerCase())
    .filter((line) => /^[0-9a-f]{64}$/.test(line))
    .map((fingerprint) => ({ fingerprint, label: '' }));
}

export function addTrustedSigners(session: VaultSession, found: ReadonlyArray<{ fingerprint: string; label: string }>, now: Date): number {
  const current = listTrustedSigners(session);
  const known = new Set(current.map((s) => s.fingerprint));
  const fresh = found.filter((s) => !known.has(s.fingerprint)).map((s) => ({ ...s, addedAt: now.toISOString() }));
  if (fresh.length > 0) save(session, [...current, ...fresh], { added: fresh.length });
  return fresh.length;
}

export function removeTrustedSigner(session: VaultSession, fingerprint: string): void {
  const current = listTrustedSigners(session);
  const kept = current.filter((s) => s.fingerprint !== fingerprint);
  if (kept.length !== current.length) save(session, kept, { removed: 1 });
}
