/**
 * `fieldguard verify` as a hospital uses it, offline and without a vault: a document signed
 * without a company certificate is intact but its issuer unconfirmed (exit 1), a changed or
 * extended one is not genuine with the reason, and what is not a certificate cannot be
 * checked. (Genuine documents from the company authority: company-authority.test.ts.)
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../electron/core/certificates/issue-certificate';
import { createEngineer, YAMADA } from '../fixtures/certificates/engineers';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let pdf: string;
let fingerprint: string;

function verify(args: string[], language = 'ja_JP.UTF-8'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'verify', ...args],
      { cwd: root, env: { ...process.env, LANG: language } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number | string }).code ?? 2) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-verify-'));
  const now = new Date('2026-11-26T03:00:00Z');
  const engineer = await createEngineer(dir, YAMADA, now);
  fingerprint = engineer.credentials.fingerprint;
  const issued = await issueCertificate(
    sampleErasureDocument('E-20417-ER-2026-000001', now.toISOString()),
    sampleErasureFacts(),
    engineer.credentials,
  );
  pdf = path.join(dir, 'certificate.pdf');
  await writeFile(pdf, issued.pdf);
  engineer.db.close();
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fieldguard verify', () => {
  it('a document signed without a company certificate: intact, issuer not confirmed, exit 1, and says so', async () => {
    const result = await verify([pdf]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('改ざんなし・発行者未確認');
    expect(result.stdout).toContain('CERT_NOT_COMPANY_CERTIFIED');
    expect(result.stdout).toContain('会社の認証なし');
    expect(result.stdout).toContain('山田 太郎 (東都メディカル株式会社, E-20417)');
    expect(result.stdout).toContain('ノートPCの時計・未検証');
    expect(result.stdout).toContain(fingerprint);
  }, 30_000);

  it('trusting the signer’s own fingerprint (even from a labelled trust file) confirms nothing, and --trust is refused', async () => {
    const trust = path.join(dir, 'trusted.txt');
    await writeFile(
      trust,
      `# our engineers
山田 太郎  ${fingerprint.replace(/(..)(?!$)/g, '$1:').toUpperCase()}  # 2026
`,
    );
    const result = await verify([pdf, '--trust-root', trust, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'issuer-unconfirmed',
      problem: 'CERT_NOT_COMPANY_CERTIFIED',
      kind: 'erasure',
    });
    const old = await verify([pdf, '--trust', pdf]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('--trust-root');
  }, 30_000);

  it('a flipped byte inside the signed range: exit 1, the PDF signature is named', async () => {
    const bytes = await readFile(pdf);
    bytes[2000]! ^= 1;
    const changed = path.join(dir, 'changed.pdf');
    await writeFile(changed, bytes);
    const result = await verify([changed], 'en_US.UTF-8');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Not genuine.');
    expect(result.stdout).toContain('CERT_PDF_SIGNATURE_INVALID');
  }, 30_000);

  it('anything appended after signing: exit 1, not the whole document', async () => {
    const extended = path.join(dir, 'extended.pdf');
    await writeFile(extended, await readFile(pdf));
    await appendFile(extended, '\n% appended after signing\n');
    const result = await verify([extended]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('CERT_NOT_WHOLE_DOCUMENT');
  }, 30_000);

  it('a file that is not a certificate cannot be checked: exit 2', async () => {
    const other = path.join(dir, 'note.txt');
    await writeFile(other, 'just a note');
    const result = await verify([other]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('CERT_UNREADABLE');
  }, 30_000);
});
