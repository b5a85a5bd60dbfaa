/**
 * The company signing authority (issue 13): run once by the vendor's security office, on a
 * machine of its choice (offline is the normal case), it is the root every hospital is told
 * to trust. It issues engineer certificates from enrollment requests (PKCS#10), revokes them,
 * and publishes signed CRLs. FieldGuard is only a small CA here on purpose: one root, no
 * intermediates, every issued certificate kept in a list the office can read.
 *
 * The folder holds `root.pem` (the root certificate, public), `root-key.json` (the root's
 * PKCS#8 key, wrapped with AES-256-GCM under an Argon2id key from the passphrase) and
 * `authority.json` (issued and revoked certificates, the CRL number). The root key is never
 * written unwrapped and is held only while one command runs.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../app-error';
import {
  parseCertificate,
  derFingerprint,
  ECDSA_P256_SHA256,
  FIELDGUARD_POLICY_OID,
  pemBlocks,
  nameField,
  OID_COMMON_NAME,
  OID_ORGANIZATION,
  OID_SERIAL_NUMBER,
  toPem,
  type WebCryptoKey,
  x509,
} from '../certificates/x509';
import { unwrapKeyFromBlob, wrapKeyToBlob } from '../vault/key-hierarchy';
import { writeFileAtomically } from '../vault/atomic-file';
import { calibrateKdf, KdfParameters, stretchPassword } from '../vault/password-kdf';

export const authorityAlgorithms = ['ecdsa-p256', 'rsa-3072'] as const;
export type AuthorityAlgorithm = (typeof authorityAlgorithms)[number];

const ROOT_FILE = 'root.pem';
const KEY_FILE = 'root-key.json';
const STATE_FILE = 'authority.json';
const KEY_CONTEXT = 'fieldguard/authority-root-key/v1';
const ROOT_YEARS = 20;
export const DEFAULT_ENGINEER_DAYS = 730;
const MAX_ENGINEER_DAYS = 5 * 365;
export const DEFAULT_CRL_DAYS = 30;
const MIN_PASSPHRASE = 12;
const DAY_MS = 24 * 60 * 60 * 1000;
// A little in the past, so that a certificate used at once is already valid on a laptop whose clock is slightly behind.
const BACKDATE_MS = 60 * 60 * 1000;

const signingAlgorithms = {
  'ecdsa-p256': { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: ECDSA_P256_SHA256 },
  'rsa-3072': {
    generate: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]) },
    sign: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  },
} as const;

const KeyFile = z.strictObject({
  format: z.literal('fieldguard-authority-key/1'),
  algorithm: z.enum(authorityAlgorithms),
  kdf: KdfParameters,
  salt: z.base64(),
  wrapped: z.base64(),
});

const IssuedEntry = z.strictObject({
  serial: z.string().regex(/^[0-9a-f]+$/),
  fingerprint: z.string().length(64),
  name: z.string(),
  company: z.string(),
  employeeId: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  issuedAt: z.string(),
});
export type IssuedEntry = z.infer<typeof IssuedEntry>;

export const revocationReasons = ['unspecified', 'key-compromise', 'affiliation-changed', 'superseded', 'cessation-of-operation'] as const;
export type RevocationReason = (typeof revocationReasons)[number];
const crlReasons: Record<RevocationReason, x509.X509CrlReason> = {
  unspecified: x509.X509CrlReason.unspecified,
  'key-compromise': x509.X509CrlReason.keyCompromise,
  'affiliation-changed': x509.X509CrlReason.affiliationChanged,
  superseded: x509.X509CrlReason.superseded,
  'cessation-of-operation': x509.X509CrlReason.cessationOfOperation,
};

const StateFile = z.strictObject({
  format: z.literal('fieldguard-authority/1'),
  policyOid: z.string(),
  crlNumber: z.number().int().nonnegative(),
  issued: z.array(IssuedEntry),
  revoked: z.array(z.strictObject({ serial: z.string(), revokedAt: z.string(), reason: z.enum(revocationReasons) })),
});
type AuthorityState = z.infer<typeof StateFile>;

export interface AuthoritySummary {
  readonly dir: string;
  readonly rootPem: string;
  /** SHA-256 of the root certificate's DER, lowercase hex: what contracts and letters to hospitals quote. */
  readonly rootFingerprint: string;
  readonly rootSubject: string;
  readonly issued: readonly IssuedEntry[];
  readonly revoked: AuthorityState['revoked'];
}

interface OpenAuthority {
  readonly root: x509.X509Certificate;
  readonly algorithm: AuthorityAlgorithm;
  readonly signingKey: WebCryptoKey;
  readonly state: AuthorityState;
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFKC')].length < MIN_PASSPHRASE) throw new AppError('AUTHORITY_PASSPHRASE_TOO_SHORT');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  // A positive INTEGER with no leading zero byte (RFC 5280 §4.1.2.2).
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

async function saveState(dir: string, state: AuthorityState): Promise<void> {
  await writeFileAtomically(path.join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Creates the company root in `dir` (which must not hold one yet). `kdf` is for tests, which
 * use Argon2id at its floor; the command line always calibrates.
 */
export async function initAuthority(
  dir: string,
  options: { readonly company: string; readonly passphrase: string; readonly algorithm?: AuthorityAlgorithm; readonly kdf?: KdfParameters },
  now: Date,
): Promise<AuthoritySummary> {
  checkPassphrase(options.passphrase);
  const company = options.company.trim();
  if (!company) throw new AppError('AUTHORITY_INVALID_OPTION');
  if (await exists(path.join(dir, ROOT_FILE))) throw new AppError('AUTHORITY_EXISTS');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const algorithm = options.algorithm ?? 'ecdsa-p256';
  const spec = signingAlgorithms[algorithm];
  const keys = await webcrypto.subtle.generateKey(spec.generate, true, ['sign', 'verify']);
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + ROOT_YEARS);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: new x509.Name([
      { [OID_COMMON_NAME]: [{ utf8String: `${company} FieldGuard ルート認証局 Root CA` }] },
      { [OID_ORGANIZATION]: [{ utf8String: company }] },
    ]),
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: spec.sign,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });

  const kdf = options.kdf ?? (await calibrateKdf());
  const salt = randomBytes(16);
  const kek = await stretchPassword(options.passphrase, salt, kdf);
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const wrapped = wrapKeyToBlob(kek, pkcs8, KEY_CONTEXT);
  pkcs8.fill(0);
  kek.fill(0);
  const keyFile: z.infer<typeof KeyFile> = {
    format: 'fieldguard-authority-key/1',
    algorithm,
    kdf,
    salt: salt.toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
  await writeFileAtomically(path.join(dir, KEY_FILE), `${JSON.stringify(keyFile, null, 2)}\n`);
  await writeFileAtomically(path.join(dir, ROOT_FILE), root.toString('pem') + '\n');
  await saveState(dir, { format: 'fieldguard-authority/1', policyOid: FIELDGUARD_POLICY_OID, crlNumber: 0, issued: [], revoked: [] });
  return describeAuthority(dir);
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AppError('AUTHORITY_NOT_FOUND');
  }
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    throw new AppError('AUTHORITY_DAMAGED');
  }
}

async function readRoot(dir: string): Promise<x509.X509Certificate> {
  const pem = await readFile(path.join(dir, ROOT_FILE), 'utf8').catch(() => {
    throw new AppError('AUTHORITY_NOT_FOUND');
  });
  const der = pemBlocks(pem)[0];
  if (!der) throw new AppError('AUTHORITY_DAMAGED');
  return parseCertificate(der);
}

/** What the authority holds, without its passphrase. */
export async function describeAuthority(dir: string): Promise<AuthoritySummary> {
  const root = await readRoot(dir);
  const state = await readJson(path.join(dir, STATE_FILE), StateFile);
  return {
    dir,
    rootPem: root.toString('pem') + '\n',
    rootFingerprint: derFingerprint(root.rawData),
    rootSubject: root.subject,
    issued: state.issued,
    revoked: state.revoked,
  };
}

async function openAuthority(dir: string, passphrase: string): Promise<OpenAuthority> {
  const root = await readRoot(dir);
  const keyFile = await readJson(path.join(dir, KEY_FILE), KeyFile);
  const state = await readJson(path.join(dir, STATE_FILE), StateFile);
  const kek = await stretchPassword(passphrase, Buffer.from(keyFile.salt, 'base64'), keyFile.kdf);
  const pkcs8 = unwrapKeyFromBlob(kek, Buffer.from(keyFile.wrapped, 'base64'), KEY_CONTEXT);
  kek.fill(0);
  if (!pkcs8) throw new AppError('AUTHORITY_WRONG_PASSPHRASE');
  try {
    const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, signingAlgorithms[keyFile.algorithm].generate, false, ['sign']);
    return { root, algorithm: keyFile.algorithm, signingKey, state };
  } finally {
    pkcs8.fill(0);
  }
}

export interface IssuedCertificateReply {
  readonly entry: IssuedEntry;
  /** The enrollment reply: the engineer certificate, then the root, as PEM. */
  readonly replyPem: string;
}

/**
 * Issues an engineer certificate for an enrollment request: the request's own signature must
 * verify (proof that the requester holds the key), and it must name the engineer (CN), the
 * company (O) and the employee id (serialNumber).
 */
export async function issueEngineerCertificate(
  dir: string,
  passphrase: string,
  requestText: string | Buffer,
  options: { readonly days?: number },
  now: Date,
): Promise<IssuedCertificateReply> {
  const days = options.days ?? DEFAULT_ENGINEER_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_ENGINEER_DAYS) throw new AppError('AUTHORITY_INVALID_OPTION');
  let request: x509.Pkcs10CertificateRequest;
  try {
    const der =
      typeof requestText === 'string'
        ? pemBlocks(requestText, 'CERTIFICATE REQUEST')[0]
        : (pemBlocks(requestText.toString('latin1'), 'CERTIFICATE REQUEST')[0] ?? requestText);
    if (!der) throw new Error('no request');
    request = new x509.Pkcs10CertificateRequest(new Uint8Array(der));
  } catch {
    throw new AppError('ENROLLMENT_REQUEST_INVALID');
  }
  if (!(await request.verify().catch(() => false))) throw new AppError('ENROLLMENT_REQUEST_INVALID');
  const name = nameField(request.subjectName, OID_COMMON_NAME);
  const company = nameField(request.subjectName, OID_ORGANIZATION);
  const employeeId = nameField(request.subjectName, OID_SERIAL_NUMBER);
  if (!name || !company || !employeeId) throw new AppError('ENROLLMENT_REQUEST_INVALID');

  const authority = await openAuthority(dir, passphrase);
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(Math.min(now.getTime() + days * DAY_MS, authority.root.notAfter.getTime()));
  const serial = randomSerial();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: request.subjectName,
    issuer: authority.root.subjectName,
    notBefore,
    notAfter,
    publicKey: request.publicKey,
    signingKey: authority.signingKey,
    signingAlgorithm: signingAlgorithms[authority.algorithm].sign,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.CertificatePolicyExtension([authority.state.policyOid]),
      await x509.SubjectKeyIdentifierExtension.create(request.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority.root, false),
    ],
  });
  const entry: IssuedEntry = {
    serial,
    fingerprint: derFingerprint(certificate.rawData),
    name,
    company,
    employeeId,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    issuedAt: now.toISOString(),
  };
  await saveState(dir, { ...authority.state, issued: [...authority.state.issued, entry] });
  return { entry, replyPem: certificate.toString('pem') + '\n' + authority.root.toString('pem') + '\n' };
}

/** Finds an issued certificate by serial (hex), fingerprint or a certificate file's contents. */
export function findIssued(issued: readonly IssuedEntry[], reference: string): IssuedEntry | undefined {
  const der = pemBlocks(reference)[0];
  const wanted = (der ? derFingerprint(der) : reference).replace(/[\s:]/g, '').toLowerCase();
  return issued.find((entry) => entry.serial === wanted || entry.fingerprint === wanted);
}

/** Marks an issued certificate revoked; the next CRL lists it. */
export async function revokeEngineerCertificate(
  dir: string,
  passphrase: string,
  reference: string,
  reason: RevocationReason,
  now: Date,
): Promise<IssuedEntry> {
  const authority = await openAuthority(dir, passphrase);
  const entry = findIssued(authority.state.issued, reference);
  if (!entry) throw new AppError('AUTHORITY_CERTIFICATE_NOT_FOUND');
  if (!authority.state.revoked.some((r) => r.serial === entry.serial)) {
    await saveState(dir, {
      ...authority.state,
      revoked: [...authority.state.revoked, { serial: entry.serial, revokedAt: now.toISOString(), reason }],
    });
  }
  return entry;
}

const OID_CRL_NUMBER = '2.5.29.20';

/** RFC 5280 §5.2.3: the CRL number, a small positive INTEGER (the library has no class for it). */
function crlNumberExtension(value: number): x509.Extension {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  const content = Buffer.from(hex, 'hex');
  return new x509.Extension(OID_CRL_NUMBER, false, Buffer.concat([Buffer.from([0x02, content.length]), content]));
}

/** A CRL signed by the root listing every revoked certificate, valid for `days`. Returns PEM. */
export async function createRevocationList(
  dir: string,
  passphrase: string,
  options: { readonly days?: number },
  now: Date,
): Promise<string> {
  const days = options.days ?? DEFAULT_CRL_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError('AUTHORITY_INVALID_OPTION');
  const authority = await openAuthority(dir, passphrase);
  const crlNumber = authority.state.crlNumber + 1;
  const crl = await x509.X509CrlGenerator.create({
    issuer: authority.root.subjectName,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + days * DAY_MS),
    entries: authority.state.revoked.map((r) => ({
      serialNumber: r.serial,
      revocationDate: new Date(r.revokedAt),
      reason: crlReasons[r.reason],
    })),
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(authority.root, false), crlNumberExtension(crlNumber)],
    signingKey: authority.signingKey,
    signingAlgorithm: signingAlgorithms[authority.algorithm].sign,
  });
  await saveState(dir, { ...authority.state, crlNumber });
  return toPem(new Uint8Array(crl.rawData), 'X509 CRL');
}
