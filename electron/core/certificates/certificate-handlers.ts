/**
 * The `certificates.*` channels: verify a certificate file the engineer picks (anyone's —
 * the hospital's copy, a colleague's), list the certificates kept in the vault, and export
 * one as its signed PDF. The engineer's own signing certificates count as trusted.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import type { Dialogs } from '../dialogs';
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';
import { getCertificate, listCertificates } from './certificate-store';
import { addTrustedSigners, listTrustedSigners, removeTrustedSigner, signersInFile } from './trusted-signers';
import { verifyCertificate } from './verify-certificate';

type CertificateChannel = Extract<keyof Handlers, `certificates.${string}`>;

/** The largest file the verifier reads: certificates are tens of kilobytes. */
const MAX_CERTIFICATE_BYTES = 64 * 1024 * 1024;

/** The engineer's own signing certificates and the signers they chose to trust: whom a verification on this laptop trusts. */
export function trustedFingerprints(vault: VaultService): string[] {
  if (!vault.isUnlocked()) return [];
  const session = vault.session();
  const own = session.db.prepare('SELECT fingerprint FROM engineer_certificates').all() as Array<{ fingerprint: string }>;
  return [...own.map((row) => row.fingerprint), ...listTrustedSigners(session).map((s) => s.fingerprint)];
}

export function createCertificateHandlers(vault: VaultService, dialogs: Dialogs, now: () => Date): Pick<Handlers, CertificateChannel> {
  return {
    'certificates.verifyFile': async () => {
      const file = await dialogs.pickCertificateFile();
      if (!file) return { cancelled: true, fileName: null, result: null };
      const bytes = await readFile(file).catch(() => null);
      if (!bytes || bytes.length > MAX_CERTIFICATE_BYTES) {
        return { cancelled: false, fileName: path.basename(file), result: { status: 'unreadable' as const, checks: [], problem: 'CERT_UNREADABLE' as const } };
      }
      const result = await verifyCertificate(bytes, { fingerprints: trustedFingerprints(vault) });
      return { cancelled: false, fileName: path.basename(file), result: { ...result, checks: [...result.checks] } };
    },
    'certificates.trusted': () => ({ signers: listTrustedSigners(vault.session()) }),
    'certificates.trust': async () => {
      const session = vault.session();
      const file = await dialogs.pickCertificateFile();
      if (!file) return { cancelled: true, added: 0, signers: listTrustedSigners(session) };
      const bytes = await readFile(file).catch(() => null);
      const found = bytes && bytes.length <= MAX_CERTIFICATE_BYTES ? await signersInFile(bytes) : [];
      if (found.length === 0) throw new AppError('CERT_UNREADABLE');
      const added = addTrustedSigners(session, found, now());
      return { cancelled: false, added, signers: listTrustedSigners(session) };
    },
    'certificates.untrust': ({ fingerprint }) => {
      removeTrustedSigner(vault.session(), fingerprint);
      return { signers: listTrustedSigners(vault.session()) };
    },
    'certificates.list': ({ kind }) => ({ certificates: listCertificates(vault.session().db, kind ? { kind } : {}) }),
    'certificates.export': async ({ id }) => {
      const certificate = getCertificate(vault.session().db, id);
      if (!certificate) throw new AppError('VAULT_ITEM_NOT_FOUND');
      const file = await dialogs.pickSaveFile(`${certificate.number}.pdf`, 'pdf');
      if (!file) return { saved: false };
      await writeFile(file, certificate.pdf).catch(() => {
        throw new AppError('VAULT_DESTINATION_UNWRITABLE');
      });
      return { saved: true };
    },
  };
}
