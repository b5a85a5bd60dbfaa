/**
 * The `certificates.*` channels: verify a certificate file the engineer picks (anyone's —
 * the hospital's copy, a colleague's) against this vault's trusted company roots and CRLs;
 * list and export the certificates kept in the vault; the engineer's own signing
 * certificate and enrollment with the company authority; and the trusted roots, each added
 * only after the engineer typed the fingerprint from the contract (issue 13).
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import type { SavedFiles } from '../files/saved-files';
import type { Dialogs } from '../dialogs';
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';
import type { VaultSession } from '../vault/vault-session';
import { getCertificate, listCertificates } from './certificate-store';
import { normalizeFingerprint } from './certificate-identity';
import { createEnrollmentRequest, importEnrollmentReply, pendingEnrollmentRequests } from './enrollment';
import { engineerCertificateStatus } from './engineer-certificate-status';
import { NO_ANCHORS, type TrustAnchors } from './signer-chain';
import { rootCandidatesIn, type RootCertificate } from './trust-anchors';
import { queuedTimestamps } from './timestamp-queue';
import type { VerifyFile } from './verify-in-worker';
import { addTrustedRoot, importRevocationLists, listTrustedRoots, removeTrustedRoot, vaultAnchors } from './vault-trust';

type CertificateChannel = Extract<keyof Handlers, `certificates.${string}`>;

/** The largest file the verifier reads: certificates are tens of kilobytes; anything up to this is answered, larger is unreadable. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024 * 1024;
/** How long a previewed root waits for the engineer's confirmation. */
const CANDIDATE_TTL_MS = 10 * 60 * 1000;

/** What a verification on this laptop trusts: the unlocked vault's roots and CRLs, or nothing. */
export function laptopAnchors(vault: VaultService): TrustAnchors {
  return vault.isUnlocked() ? vaultAnchors(vault.session()) : NO_ANCHORS;
}

async function readPicked(file: string): Promise<Buffer | null> {
  const bytes = await readFile(file).catch(() => null);
  return bytes && bytes.length <= MAX_CERTIFICATE_BYTES ? bytes : null;
}

function statusOf(session: VaultSession, now: Date) {
  return engineerCertificateStatus(session, now, {
    pendingRequests: pendingEnrollmentRequests(session),
    queuedTimestamps: queuedTimestamps(session),
  });
}

export function createCertificateHandlers(
  vault: VaultService,
  dialogs: Dialogs,
  now: () => Date,
  verify: VerifyFile,
  savedFiles: SavedFiles,
): Pick<Handlers, CertificateChannel> {
  const candidates = new Map<string, { root: RootCertificate; expires: number }>();
  const roots = () => ({ roots: listTrustedRoots(vault.session()) });
  return {
    'certificates.verifyFile': async () => {
      const file = await dialogs.pickCertificateFile();
      if (!file) return { cancelled: true, fileName: null, result: null };
      const bytes = await readPicked(file);
      if (!bytes)
        return {
          cancelled: false,
          fileName: path.basename(file),
          result: { status: 'unreadable' as const, checks: [], problem: 'CERT_UNREADABLE' as const, companyCertified: false },
        };
      const result = await verify(bytes, laptopAnchors(vault));
      return { cancelled: false, fileName: path.basename(file), result };
    },
    'certificates.trustedRoots': () => roots(),
    'certificates.previewRoot': async () => {
      vault.session();
      const file = await dialogs.pickCertificateFile();
      if (!file) return { cancelled: true, candidate: null };
      const bytes = await readPicked(file);
      const found = bytes ? await rootCandidatesIn(bytes) : [];
      const root = found[0];
      if (!root) throw new AppError('TRUST_ROOT_INVALID');
      const token = randomUUID();
      candidates.set(token, { root, expires: now().getTime() + CANDIDATE_TTL_MS });
      const alreadyTrusted = listTrustedRoots(vault.session()).some((r) => r.fingerprint === root.fingerprint);
      return {
        cancelled: false,
        candidate: { token, fingerprint: root.fingerprint, label: root.label, notAfter: root.notAfter, alreadyTrusted },
      };
    },
    'certificates.trustRoot': ({ token, fingerprint }) => {
      const session = vault.session();
      const candidate = candidates.get(token);
      if (!candidate || candidate.expires < now().getTime()) throw new AppError('TRUST_ROOT_INVALID');
      // The engineer types what the contract says; only an exact match trusts the root.
      if (normalizeFingerprint(fingerprint) !== candidate.root.fingerprint) throw new AppError('TRUST_FINGERPRINT_MISMATCH');
      candidates.delete(token);
      addTrustedRoot(session, candidate.root, now(), 'confirmed-fingerprint');
      return roots();
    },
    'certificates.untrustRoot': ({ fingerprint }) => {
      removeTrustedRoot(vault.session(), fingerprint);
      return roots();
    },
    'certificates.importRevocationList': async () => {
      const session = vault.session();
      const file = await dialogs.pickCertificateFile();
      if (!file) return { cancelled: true, revoked: 0 };
      const bytes = await readPicked(file);
      if (!bytes) throw new AppError('CRL_INVALID');
      return { cancelled: false, revoked: await importRevocationLists(session, bytes, now()) };
    },
    'certificates.engineerCertificate': async () => statusOf(vault.session(), now()),
    'certificates.createEnrollmentRequest': async () => {
      const session = vault.session();
      const file = await dialogs.pickSaveFile(
        `fieldguard-enrollment-${session.profile().employeeId.replace(/[^A-Za-z0-9-]/g, '_')}.pem`,
        'pem',
      );
      if (!file) return { saved: false };
      const request = await createEnrollmentRequest(session, now());
      await writeFile(file, request, { mode: 0o600 }).catch(() => {
        throw new AppError('VAULT_DESTINATION_UNWRITABLE');
      });
      return { saved: true };
    },
    'certificates.importEnrollmentReply': async () => {
      const session = vault.session();
      const file = await dialogs.pickCertificateFile();
      if (!file) return { cancelled: true, status: null };
      const bytes = await readPicked(file);
      if (!bytes) throw new AppError('ENROLLMENT_REPLY_INVALID');
      await importEnrollmentReply(session, bytes, now());
      return { cancelled: false, status: await statusOf(session, now()) };
    },
    'certificates.list': ({ kind }) => ({ certificates: listCertificates(vault.session().db, kind ? { kind } : {}) }),
    'certificates.export': async ({ id }) => {
      const certificate = getCertificate(vault.session().db, id);
      if (!certificate) throw new AppError('VAULT_ITEM_NOT_FOUND');
      const file = await dialogs.pickSaveFile(`${certificate.number}.pdf`, 'pdf');
      if (!file) return { saved: false, file: null };
      await writeFile(file, certificate.pdf, { mode: 0o600 }).catch(() => {
        throw new AppError('VAULT_DESTINATION_UNWRITABLE');
      });
      return { saved: true, file: savedFiles.remember(file) };
    },
  };
}
