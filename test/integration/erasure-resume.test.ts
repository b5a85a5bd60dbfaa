/**
 * The Erasure screen's "interrupted job" banner — a job left planned or running by a crash is
 * offered for resumption and finishes; a job running right now is neither offered nor started
 * twice — and vault data erased cryptographically, with its certificate.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { errorCodeOf } from '../support/error-code';
import { createTestCore, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
let core: TestCore;
let folder: string;

beforeEach(async () => {
  core = await createTestCore();
  // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
  core.dialogs.confirm = 'yes';
  await core.createVault();
  folder = `${core.dataDir}-target`;
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'a.bin'), Buffer.alloc(64 * 1024, 1));
  await writeFile(path.join(folder, 'b.bin'), Buffer.alloc(64 * 1024, 2));
});
afterEach(async () => {
  await core.cleanup();
});

describe('interrupted erasure jobs', () => {
  it('a job planned before a crash is offered, resumes to the end, and is then no longer offered', async () => {
    const erasureJobId = await planErasure(core.vault.session().db, {
      targets: [folder],
      method: 'zeros-verify',
      siteReference: JSON.stringify({ hospital: '東都病院' }),
    });
    const { jobs } = await core.handlers['erasure.interrupted']({});
    expect(jobs).toEqual([expect.objectContaining({ erasureJobId, remaining: 3 })]);

    const summary = await core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId });
    expect(summary).toMatchObject({ status: 'erased', filesErased: 2 });
    expect((await core.handlers['erasure.interrupted']({})).jobs).toEqual([]);
    expect(await errorCodeOf(() => core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId }))).toBe(
      'ERASURE_JOB_NOT_RUNNABLE',
    );
  });

  it('a job running now is not offered, and a second start of it is refused', async () => {
    const erasureJobId = await planErasure(core.vault.session().db, { targets: [folder], method: 'three-pass' });
    const first = core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId });
    expect(await errorCodeOf(() => core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId }))).toBe(
      'ERASURE_JOB_NOT_RUNNABLE',
    );
    expect((await core.handlers['erasure.interrupted']({})).jobs).toEqual([]);
    await expect(first).resolves.toMatchObject({ status: 'erased' });
  });
});

describe('erasing a visit’s data in the vault', () => {
  async function importVisit(name: string): Promise<void> {
    const source = `${core.dataDir}-${name}`;
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, '患者一覧.csv'), '山田,1970\n');
    await writeFile(path.join(source, 'image.dcm'), Buffer.alloc(10_000, 5));
    core.dialogs.importSources = [source];
    await core.handlers['vault.items.import']({ jobId: crypto.randomUUID(), collection: name, pick: 'folder' });
  }

  it('crypto-erases the collection, and the certificate says so in NIST words', async () => {
    await importVisit('2026-11-26 東都病院');
    await importVisit('2026-11-27 西町クリニック');
    const { targets } = await core.handlers['erasure.addVaultCollection']({ collection: '2026-11-26 東都病院' });
    expect(targets).toMatchObject([{ kind: 'vault', label: '2026-11-26 東都病院', files: 2 }]);
    const site = { hospital: '東都病院', department: '', administrator: '', reference: '' };
    const summary = await core.handlers['erasure.start']({ jobId: crypto.randomUUID(), method: 'random-verify', site, confirmation: '2' });
    expect(summary).toMatchObject({ status: 'erased', filesErased: 2 });
    const left = (await core.handlers['vault.items.list']({})).items.map((i) => i.collection);
    expect(new Set(left)).toEqual(new Set(['2026-11-27 西町クリニック']));

    const issued = await core.handlers['erasure.issueCertificate']({ erasureJobId: summary.erasureJobId, countersignature: null });
    const stored = getCertificate(core.vault.session().db, issued.certificateId)!;
    const facts = (
      JSON.parse(stored.evidenceJson) as { payload: { facts: { cryptoErase: Array<{ path: string; sha256: string }>; erasure: unknown } } }
    ).payload.facts;
    expect(facts.erasure).toBeNull();
    expect(facts.cryptoErase.map((i) => path.posix.basename(i.path)).sort()).toEqual(['image.dcm', '患者一覧.csv'].sort());
    expect(facts.cryptoErase.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    const file = `${core.dataDir}-certificate.pdf`;
    await writeFile(file, stored.pdf);
    const { stdout } = await exec('pdftotext', ['-layout', file, '-']);
    expect(stdout).toContain('保管庫内データの暗号消去');
    expect(stdout).toContain('Cryptographic Erase');
    expect(stdout).not.toContain('患者一覧');
  });
});
