/**
 * A company signing authority and engineers made the way a security office and the app make
 * them (issue 13), for the tests: a real root in a temporary folder (Argon2id at its floor),
 * engineer keys with real PKCS#10 requests, and — for the forgeries — keys and certificates
 * made with openssl, as an outsider would make them.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { initAuthority, issueEngineerCertificate, type AuthoritySummary } from '../../electron/core/authority/company-authority';
import { certificateFingerprint } from '../../electron/core/certificates/certificate-identity';
import { createEnrollmentRequest, importEnrollmentReply } from '../../electron/core/certificates/enrollment';
import type { EngineerCredentials, EngineerProfile } from '../../electron/core/certificates/engineer-certificate';
import { certificatesIn } from '../../electron/core/certificates/trust-anchors';
import { engineerName, importRsaKeyPair, RSA_PKCS1_SHA256, x509 } from '../../electron/core/certificates/x509';
import { KDF_FLOOR } from '../../electron/core/vault/password-kdf';
import type { VaultSession } from '../../electron/core/vault/vault-session';

export const AUTHORITY_PASSPHRASE = '東都メディカル 認証局 2026 春';

export interface TestAuthority extends AuthoritySummary {
  readonly rootFile: string;
}

export async function createTestAuthority(dir: string, company: string, now: Date): Promise<TestAuthority> {
  const summary = await initAuthority(dir, { company, passphrase: AUTHORITY_PASSPHRASE, kdf: KDF_FLOOR }, now);
  return { ...summary, rootFile: path.join(dir, 'root.pem') };
}

function rsaKeys(): { privateKey: Buffer; publicKey: Buffer } {
  return generateKeyPairSync('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
}

/** An engineer key certified by the authority at `now`, as signing credentials (what a vault would hold after enrolling). */
export async function certifiedEngineer(
  authority: TestAuthority,
  profile: EngineerProfile,
  now: Date,
  days?: number,
): Promise<EngineerCredentials & { readonly serial: string }> {
  const keys = rsaKeys();
  const request = await x509.Pkcs10CertificateRequestGenerator.create({
    name: engineerName(profile),
    keys: await importRsaKeyPair(keys.privateKey, keys.publicKey),
    signingAlgorithm: RSA_PKCS1_SHA256,
  });
  const reply = await issueEngineerCertificate(
    authority.dir,
    AUTHORITY_PASSPHRASE,
    request.toString('pem'),
    days === undefined ? {} : { days },
    now,
  );
  const [leaf, ...chain] = certificatesIn(Buffer.from(reply.replyPem));
  return {
    certificateDer: leaf!,
    privateKeyDer: keys.privateKey,
    fingerprint: certificateFingerprint(leaf!),
    chainDer: chain,
    companyCertified: true,
    serial: reply.entry.serial,
  };
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/**
 * What an outsider makes with openssl alone: a self-signed certificate with the engineer's
 * exact subject, or a whole fake root with the company root's subject and an engineer
 * certificate under it.
 */
export function opensslForgery(dir: string, profile: EngineerProfile, fakeRootSubject?: string): EngineerCredentials {
  const subject = `/CN=${profile.name}/O=${profile.company}/serialNumber=${profile.employeeId}`;
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072', '-out', 'forger.key'], dir);
  if (!fakeRootSubject) {
    openssl(
      [
        'req',
        '-x509',
        '-utf8',
        '-new',
        '-key',
        'forger.key',
        '-subj',
        subject,
        '-days',
        '3650',
        '-addext',
        'basicConstraints=critical,CA:FALSE',
        '-addext',
        'keyUsage=critical,digitalSignature,nonRepudiation',
        '-out',
        'forger.pem',
      ],
      dir,
    );
  } else {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'fake-root.key'], dir);
    openssl(
      [
        'req',
        '-x509',
        '-utf8',
        '-new',
        '-key',
        'fake-root.key',
        '-subj',
        fakeRootSubject,
        '-days',
        '3650',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
        '-out',
        'fake-root.pem',
      ],
      dir,
    );
    openssl(['req', '-utf8', '-new', '-key', 'forger.key', '-subj', subject, '-out', 'forger.csr'], dir);
    writeFileSync(
      path.join(dir, 'leaf.ext'),
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\ncertificatePolicies=2.25.190360327542316040779290390133040618807\n',
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'forger.csr',
        '-CA',
        'fake-root.pem',
        '-CAkey',
        'fake-root.key',
        '-CAcreateserial',
        '-days',
        '730',
        '-extfile',
        'leaf.ext',
        '-out',
        'forger.pem',
      ],
      dir,
    );
  }
  const certificateDer = certificatesIn(readFileSync(path.join(dir, 'forger.pem')))[0]!;
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'forger.key', '-outform', 'DER', '-out', 'forger.p8'], dir);
  const chainDer = fakeRootSubject ? certificatesIn(readFileSync(path.join(dir, 'fake-root.pem'))) : [];
  return {
    certificateDer,
    privateKeyDer: readFileSync(path.join(dir, 'forger.p8')),
    fingerprint: certificateFingerprint(certificateDer),
    chainDer,
    companyCertified: chainDer.length > 0,
  };
}

/** An NSS database holding the company root, trusted for e-mail/document signing, for `pdfsig -nssdir`. */
export function nssDatabaseWithRoot(dir: string, rootFile: string): string {
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'company-root', '-t', 'CT,C,C', '-i', rootFile]);
  return `sql:${dir}`;
}

/**
 * Enrolls an unlocked vault with a company authority made for the test (in `dir`), as the
 * engineer and the security office would, so that what the vault signs next is genuine for
 * anyone who trusts `rootFile`. `now` is the vault's clock.
 */
export async function enrollWithNewAuthority(session: VaultSession, dir: string, now: Date): Promise<TestAuthority> {
  const authority = await createTestAuthority(dir, session.profile().company, now);
  const request = await createEnrollmentRequest(session, now);
  const reply = await issueEngineerCertificate(authority.dir, AUTHORITY_PASSPHRASE, request, {}, now);
  await importEnrollmentReply(session, Buffer.from(reply.replyPem), now);
  return authority;
}
