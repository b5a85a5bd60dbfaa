/**
 * Trusted time on FieldGuard documents (issue 13; PAdES B-T and document timestamps), with a
 * real RFC 3161 responder the test starts on 127.0.0.1 (`openssl ts -reply`): a document signed
 * online carries a signature timestamp that FieldGuard and `openssl ts -verify` both accept; a
 * document signed while the authority cannot be reached is queued, and later gets a document
 * timestamp appended without touching its signature; until then, and whenever the timestamp
 * authority is not trusted, its time is "laptop clock, not verified".
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSignatureRanges, signedParts } from '../../electron/core/certificates/certificate-pdf-reader';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { verifyDetachedCms } from '../../electron/core/certificates/cms-signature';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import { queuedTimestamps, setTimestampAuthorityUrl, timestampQueued } from '../../electron/core/certificates/timestamp-queue';
import { anchorsFromSources } from '../../electron/core/certificates/trust-anchors';
import { verifyCertificate, type TrustAnchors } from '../../electron/core/certificates/verify-certificate';
import { createRevocationList } from '../../electron/core/authority/company-authority';
import { AUTHORITY_PASSPHRASE, enrollWithNewAuthority, type TestAuthority } from '../support/company-authority';
import { runFieldguard } from '../support/run-cli';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { opensslVerifyToken, startTimestampAuthority, type TimestampAuthority } from '../support/tsa-responder';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

let dir: string;
let core: TestCore;
let authority: TestAuthority;
let tsa: TimestampAuthority;
let companyOnly: TrustAnchors;
let companyAndTsa: TrustAnchors;

async function issue(): Promise<{ id: string; pdf: Buffer }> {
  const session = core.vault.session();
  const now = new Date();
  const issued = await issueVaultCertificate(
    session,
    'erasure',
    (number) => ({ document: sampleErasureDocument(number, now.toISOString(), { countersign: false }), facts: sampleErasureFacts() }),
    now,
  );
  return { id: issued.id, pdf: getCertificate(session.db, issued.id)!.pdf };
}

function firstSignature(pdf: Buffer) {
  const parts = signedParts(pdf, findSignatureRanges(pdf)[0]!)!;
  return { parts, cms: verifyDetachedCms(Buffer.from(parts.contentsHex, 'hex'), parts.signedBytes) };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-time-'));
  mkdirSync(path.join(dir, 'tsa'));
  tsa = await startTimestampAuthority(path.join(dir, 'tsa'));
  writeFileSync(path.join(dir, 'tsa-root.pem'), tsa.rootPem);
  core = await createTestCore();
  await core.createVault({ passwordOnly: true });
  authority = await enrollWithNewAuthority(core.vault.session(), path.join(dir, 'authority'), new Date());
  companyOnly = await anchorsFromSources([authority.rootFile], []);
  companyAndTsa = await anchorsFromSources([authority.rootFile, path.join(dir, 'tsa-root.pem')], []);
}, 120_000);

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  await core?.cleanup();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  await tsa?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('signed while the timestamp authority answers', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    setTimestampAuthorityUrl(core.vault.session(), tsa.url);
    ({ pdf } = await issue());
  }, 60_000);

  it('carries a signature timestamp: genuine, with the authority and its time instead of the laptop clock', async () => {
    const result = await verifyCertificate(pdf, companyAndTsa);
    expect(result.status).toBe('genuine');
    expect(result.signingTime?.source).toBe('timestamp');
    expect(result.signingTime?.authority).toContain('TSA');
    expect(Math.abs(Date.parse(result.signingTime!.at) - Date.now())).toBeLessThan(120_000);
    expect(result.checks.find((c) => c.check === 'timestamp')).toEqual({ check: 'timestamp', ok: true });
    expect(queuedTimestamps(core.vault.session())).toBe(0);
  });

  it('its token verifies with `openssl ts -verify` over the signature value', () => {
    const { cms } = firstSignature(pdf);
    expect(cms.valid && cms.signatureTimestamp).toBeTruthy();
    if (!cms.valid || !cms.signatureTimestamp) return;
    expect(
      opensslVerifyToken({
        token: cms.signatureTimestamp.token,
        digestHex: cms.signatureTimestamp.imprint.toString('hex'),
        rootPem: tsa.rootPem,
        tsaCertPem: tsa.tsaCertPem,
      }),
    ).toBe(true);
  });

  it('with a timestamp authority nobody trusts, the time is the laptop clock again (still genuine: the chain is the company’s)', async () => {
    const result = await verifyCertificate(pdf, companyOnly);
    expect(result.status).toBe('genuine');
    expect(result.signingTime?.source).toBe('laptop-clock');
  });
});

describe('signed offline, timestamped later', () => {
  let id: string;
  let offline: Buffer;
  beforeAll(async () => {
    // Nothing listens on port 9 of this machine: the authority cannot be reached.
    setTimestampAuthorityUrl(core.vault.session(), 'http://127.0.0.1:9/');
    ({ id, pdf: offline } = await issue());
  }, 60_000);

  it('is issued at once, queued, and says its time is the laptop clock', async () => {
    expect(queuedTimestamps(core.vault.session())).toBe(1);
    const result = await verifyCertificate(offline, companyAndTsa);
    expect(result.status).toBe('genuine');
    expect(result.signingTime?.source).toBe('laptop-clock');
    expect(result.documentTimestamps).toBeUndefined();
  });

  it('`fieldguard timestamp --pending` appends a document timestamp without touching the first signature', async () => {
    setTimestampAuthorityUrl(core.vault.session(), tsa.url);
    core.vault.lock('manual');
    const run = await runFieldguard(['timestamp', '--pending', '--data-dir', core.dataDir, '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('タイムスタンプを付けた文書: 1 件');
    await core.vault.unlock(TEST_PASSWORD);
    expect(queuedTimestamps(core.vault.session())).toBe(0);

    const extended = getCertificate(core.vault.session().db, id)!.pdf;
    expect(extended.length).toBeGreaterThan(offline.length);
    expect(extended.subarray(0, offline.length).equals(offline)).toBe(true);
    const result = await verifyCertificate(extended, companyAndTsa);
    expect(result.status).toBe('genuine');
    expect(result.documentTimestamps).toHaveLength(1);
    expect(result.documentTimestamps?.[0]?.source).toBe('timestamp');

    const file = path.join(dir, 'timestamped.pdf');
    writeFileSync(file, extended);
    const report = execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(report).toContain('Signature #2');
    expect(report.split('Signature #2')[0]).toContain('Signature Validation: Signature is Valid.');
    const digest = createHash('sha256').update(firstSignature(extended).parts.signedBytes).digest('hex');
    expect(digest).toBe(createHash('sha256').update(firstSignature(offline).parts.signedBytes).digest('hex'));
  }, 60_000);

  it('anything appended after the document timestamp makes it not genuine', async () => {
    const extended = getCertificate(core.vault.session().db, id)!.pdf;
    const result = await verifyCertificate(
      Buffer.concat([extended, Buffer.from('\n1 0 obj << /OpenAction 2 0 R >> endobj\n')]),
      companyAndTsa,
    );
    expect(result.status).toBe('not-genuine');
    expect(['CERT_APPENDED_CHANGES', 'CERT_NOT_WHOLE_DOCUMENT']).toContain(result.problem);
  });

  it('a queue with no authority reachable keeps the document queued and says why', async () => {
    setTimestampAuthorityUrl(core.vault.session(), 'http://127.0.0.1:9/');
    const { id: another } = await issue();
    const run = await timestampQueued(core.vault.session(), () => new Date());
    expect(run).toEqual({ timestamped: 0, failed: 1, remaining: 1 });
    const row = core.vault
      .session()
      .db.prepare('SELECT attempts, last_error AS lastError FROM timestamp_queue WHERE certificate_id = ?')
      .get(another) as { attempts: number; lastError: string };
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBeTruthy();
    expect(readFileSync(path.join(dir, 'tsa-root.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  }, 60_000);

  it('a company policy file names the authority and brings the CRL; the next unlock timestamps what waited', async () => {
    const waiting = queuedTimestamps(core.vault.session());
    expect(waiting).toBe(1);
    const crl = await createRevocationList(authority.dir, AUTHORITY_PASSPHRASE, {}, new Date());
    const policy = path.join(dir, 'company-policy.json');
    writeFileSync(policy, JSON.stringify({ name: '東都メディカル 2026 下期', timestampAuthority: tsa.url, revocationLists: [crl] }));
    core.dialogs.policyFile = policy;
    expect((await core.handlers['selfCheck.importPolicy']({})).imported).toBe(true);
    expect((await core.handlers['certificates.engineerCertificate']({})).revocationLists).toBe(1);
    await core.handlers['vault.lock']({});
    await core.handlers['vault.unlock']({ password: TEST_PASSWORD });
    for (let i = 0; i < 100 && queuedTimestamps(core.vault.session()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queuedTimestamps(core.vault.session())).toBe(0);
    const { entries } = core.vault.session().audit.list({ types: ['certificate.timestamped', 'trust.crl-imported'] });
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['certificate.timestamped', 'trust.crl-imported']));
  }, 60_000);
});
