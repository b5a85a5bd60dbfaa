/**
 * The data-erasure certificate a site receives, end to end through the app's own channels:
 * targets chosen in the (scripted) dialog, the typed confirmation, the verified erasure, and
 * the signed certificate — which `pdfsig` accepts, whose Japanese headings `pdftotext` finds,
 * which masks file names on the page but carries them in its signed evidence, and which
 * FieldGuard's verifier calls genuine. Page 1 is rendered to test-results for a reviewer.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { verifyCertificate } from '../../electron/core/certificates/verify-certificate';
import { errorCodeOf } from '../support/error-code';
import { createTestCore, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
const artifacts = path.resolve(import.meta.dirname, '../../test-results/certificates');
let core: TestCore;
let pdf: Buffer;
let number: string;
let folder: string;

beforeAll(async () => {
  core = await createTestCore();
  // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
  core.dialogs.confirm = 'yes';
  await core.createVault();
  folder = `${core.dataDir}-visit/鈴木花子_MRI`;
  await mkdir(path.join(folder, 'series'), { recursive: true });
  await writeFile(path.join(folder, 'series', '鈴木花子_001.dcm'), Buffer.alloc(512 * 1024, 1));
  await writeFile(path.join(folder, 'report.txt'), '検査報告\n');
  core.dialogs.importSources = [folder];
  const { targets } = await core.handlers['erasure.addTargets']({ pick: 'folder' });
  expect(targets).toMatchObject([{ kind: 'folder', files: 2 }]);
  const site = { hospital: '東都病院', department: '放射線科', administrator: '佐藤 一郎', reference: 'WO-2026-1126' };
  expect(
    await errorCodeOf(() =>
      core.handlers['erasure.start']({ jobId: crypto.randomUUID(), method: 'random-verify', site, confirmation: '3' }),
    ),
  ).toBe('ERASURE_CONFIRMATION_MISMATCH');
  const summary = await core.handlers['erasure.start']({ jobId: crypto.randomUUID(), method: 'random-verify', site, confirmation: '２' });
  expect(summary).toMatchObject({ state: 'completed', status: 'erased', filesErased: 2, exceptions: 0 });
  const issued = await core.handlers['erasure.issueCertificate']({ erasureJobId: summary.erasureJobId, countersignature: null });
  number = issued.number;
  pdf = getCertificate(core.vault.session().db, issued.certificateId)!.pdf;
  await mkdir(artifacts, { recursive: true });
  await writeFile(path.join(artifacts, 'erasure-certificate.pdf'), pdf);
}, 120_000);
afterAll(async () => {
  await core.cleanup();
});

describe('the data-erasure certificate', () => {
  it('is numbered per engineer and kind, and listed in the vault', async () => {
    expect(number).toMatch(/^E-20417-ER-\d{4}-000001-[0-9A-HJKMNP-TV-Z]{6}$/);
    const { certificates } = await core.handlers['certificates.list']({});
    expect(certificates.map((c) => c.number)).toEqual([number]);
    const { entries } = await core.handlers['audit.list']({ types: ['erasure.started', 'erasure.finished', 'certificate.issued'] });
    expect(entries.map((e) => e.type)).toEqual(['certificate.issued', 'erasure.finished', 'erasure.started']);
  });

  it('carries a PDF signature poppler accepts, over the whole document', async () => {
    const file = path.join(artifacts, 'erasure-certificate.pdf');
    const { stdout } = await exec('pdfsig', [file]).catch((error: unknown) => ({ stdout: (error as { stdout: string }).stdout }));
    expect(stdout).toContain('Signature is Valid.');
    expect(stdout).toContain('Total document signed');
  });

  it('[10-1] says in Japanese and English what was done, in NIST SP 800-88 words, with file names masked', async () => {
    const { stdout } = await exec('pdftotext', ['-layout', path.join(artifacts, 'erasure-certificate.pdf'), '-']);
    for (const text of ['データ消去証明書', 'Data Erasure Certificate', '東都病院', '佐藤 一郎', 'Clear', '消去完了', 'WO-2026-1126'])
      expect(stdout).toContain(text);
    expect(stdout).not.toContain('鈴木花子');
    const evidence = JSON.parse(
      getCertificate(core.vault.session().db, (await core.handlers['certificates.list']({})).certificates[0]!.id)!.evidenceJson,
    ) as { payload: { facts: { erasure: { items: Array<{ path: string; sha256Before: string | null }> } } } };
    const dicom = evidence.payload.facts.erasure.items.find((i) => i.path.endsWith('鈴木花子_001.dcm'));
    expect(dicom?.sha256Before).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is intact for FieldGuard’s verifier, but 会社の認証なし until the engineer enrolls — even when their own certificate is "trusted"', async () => {
    const result = await verifyCertificate(pdf);
    expect(result).toMatchObject({ status: 'issuer-unconfirmed', problem: 'CERT_NOT_COMPANY_CERTIFIED', companyCertified: false, number });
    const own = core.vault.session().db.prepare('SELECT fingerprint, der FROM engineer_certificates').get() as {
      fingerprint: string;
      der: Buffer;
    };
    expect(
      (await verifyCertificate(pdf, { fingerprints: new Set([own.fingerprint]), certificates: [own.der], revocationLists: [] })).status,
    ).toBe('issuer-unconfirmed');
    expect((await core.handlers['certificates.list']({})).certificates[0]?.companyCertified).toBe(false);
  });

  it('renders page 1 for a reviewer (test-results/certificates/erasure-certificate-1.png)', async () => {
    await exec('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path.join(artifacts, 'erasure-certificate.pdf'),
      path.join(artifacts, 'erasure-certificate-1'),
    ]);
    expect((await readFile(path.join(artifacts, 'erasure-certificate-1.png'))).subarray(1, 4).toString()).toBe('PNG');
  });
});
