/**
 * The vault's own trust (issue 13): the company roots this engineer trusts — each added only
 * after its fingerprint was compared with the one on the contract, or because the engineer's
 * own enrollment reply chains to it — and the CRLs the company published. Every change is
 * audited. Verifications on this laptop (the app, and `fieldguard verify` with the vault)
 * use exactly these.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../app-error';
import type { VaultSession } from '../vault/vault-session';
import type { TrustAnchors } from './signer-chain';
import { revocationListsIn, type RootCertificate } from './trust-anchors';
import { parseCertificate, parseCrl, derFingerprint } from './x509';

export interface TrustedRootRow {
  readonly fingerprint: string;
  readonly label: string;
  readonly addedAt: string;
  readonly notAfter: string;
}

export function listTrustedRoots(session: VaultSession): TrustedRootRow[] {
  const rows = session.db
    .prepare('SELECT fingerprint, der, label, added_at AS addedAt FROM trusted_roots ORDER BY added_at')
    .all() as Array<{
    fingerprint: string;
    der: Buffer;
    label: string;
    addedAt: string;
  }>;
  return rows.map(({ der, ...row }) => ({ ...row, notAfter: parseCertificate(der).notAfter.toISOString() }));
}

export function addTrustedRoot(
  session: VaultSession,
  root: RootCertificate,
  now: Date,
  reason: 'confirmed-fingerprint' | 'own-enrollment',
): boolean {
  const added = session.db.transaction(() => {
    const result = session.db
      .prepare('INSERT INTO trusted_roots (fingerprint, der, label, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING')
      .run(root.fingerprint, root.der, root.label, now.toISOString());
    if (result.changes > 0) session.audit.append('trust.root-added', session.actor(), { fingerprint: root.fingerprint, reason });
    return result.changes > 0;
  })();
  return added;
}

export function removeTrustedRoot(session: VaultSession, fingerprint: string): void {
  session.db.transaction(() => {
    const result = session.db.prepare('DELETE FROM trusted_roots WHERE fingerprint = ?').run(fingerprint);
    if (result.changes > 0) session.audit.append('trust.root-removed', session.actor(), { fingerprint });
  })();
}

/**
 * Imports the CRLs in a file: each must be signed by a root this vault trusts (a CRL from
 * anyone else could only be used to make genuine documents look revoked). Returns how many
 * certificates they revoke.
 */
export async function importRevocationLists(session: VaultSession, bytes: Buffer, now: Date): Promise<number> {
  const lists = revocationListsIn(bytes);
  if (lists.length === 0) throw new AppError('CRL_INVALID');
  const roots = session.db.prepare('SELECT fingerprint, der FROM trusted_roots').all() as Array<{ fingerprint: string; der: Buffer }>;
  let revoked = 0;
  for (const der of lists) {
    const crl = parseCrl(der);
    let issuer: string | undefined;
    for (const root of roots) {
      const certificate = parseCertificate(root.der);
      if (certificate.subject === crl.issuer && (await crl.verify({ publicKey: certificate.publicKey }).catch(() => false)))
        issuer = root.fingerprint;
    }
    if (!issuer) throw new AppError('CRL_INVALID');
    const sha256 = createHash('sha256').update(der).digest('hex');
    session.db.transaction(() => {
      session.db
        .prepare(
          'INSERT INTO revocation_lists (sha256, issuer_fingerprint, this_update, der, imported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        )
        .run(sha256, issuer, crl.thisUpdate.toISOString(), der, now.toISOString());
      session.audit.append('trust.crl-imported', session.actor(), {
        issuerFingerprint: issuer,
        revoked: crl.entries.length,
        thisUpdate: crl.thisUpdate.toISOString(),
      });
    })();
    revoked += crl.entries.length;
  }
  return revoked;
}

/** What a verification on this laptop trusts: the vault's roots and every CRL imported (a revocation is never forgotten). */
/** How many revocation lists the vault holds (shown with the engineer's certificate). */
export function revocationListCount(session: VaultSession): number {
  return session.db.prepare('SELECT count(*) FROM revocation_lists').pluck().get() as number;
}

export function vaultAnchors(session: VaultSession): TrustAnchors {
  const roots = session.db.prepare('SELECT der FROM trusted_roots').all() as Array<{ der: Buffer }>;
  const lists = session.db.prepare('SELECT der FROM revocation_lists').all() as Array<{ der: Buffer }>;
  return {
    fingerprints: new Set(roots.map((r) => derFingerprint(r.der))),
    certificates: roots.map((r) => r.der),
    revocationLists: lists.map((l) => l.der),
  };
}
