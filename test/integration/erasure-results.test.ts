/**
 * Erasure results kept until their certificate is issued (issue 19, 10-1), through the app's
 * real IPC router as the renderer calls it: a finished erasure's result is in the vault — not
 * only on the screen — so it survives leaving the screen and an auto-lock; it is issued once,
 * and exactly as it was measured; the countersigner's name and what they confirm are printed
 * by their signature and signed in the evidence.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { erasureResultOf, recordErasureResult } from '../../electron/core/erasure/erasure-results';
import type { ErasureSummary, SiteDetails } from '../../electron/shared/erasure';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
const SITE: SiteDetails = { hospital: '東都病院', department: '放射線科', administrator: '佐藤 一郎', reference: 'WO-2026-1207' };

let core: TestCore;
let invoke: Invoke;

/** Erases a new folder of `files` files through the Erasure screen's channels; returns what the screen was shown. */
async function eraseFolder(name: string, files: number): Promise<ErasureSummary> {
  const folder = path.join(`${core.dataDir}-sources`, name);
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < files; i += 1) await writeFile(path.join(folder, `検査_${i}.dcm`), Buffer.alloc(32 * 1024, i + 1));
  core.dialogs.importSources = [folder];
  await invoke('erasure.addTargets', { pick: 'folder' });
  return invoke('erasure.start', { jobId: crypto.randomUUID(), method: 'random-verify', site: SITE, confirmation: String(files) });
}

const pendingIds = async () => (await invoke('erasure.pendingResults', {})).results.map((r) => r.summary.erasureJobId);
const certificateCount = async () => (await invoke('certificates.list', {})).certificates.length;

beforeAll(async () => {
  core = await createTestCore();
  // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
  core.dialogs.confirm = 'yes';
  await core.createVault();
  invoke = invokeThroughRouter(core.handlers, core.log);
}, 60_000);
afterAll(async () => {
  await core.cleanup();
});

describe('a finished erasure’s result', () => {
  it('[10-1] is kept in the vault exactly as shown, and survives the vault being locked and unlocked', async () => {
    const shown = await eraseFolder('lock', 2);
    expect(shown).toMatchObject({ state: 'completed', status: 'erased', filesErased: 2, exceptions: 0, notErased: 0 });
    const before = (await invoke('erasure.pendingResults', {})).results.find((r) => r.summary.erasureJobId === shown.erasureJobId);
    expect(before).toMatchObject({ summary: shown, site: { hospital: SITE.hospital, administrator: SITE.administrator } });

    await invoke('vault.lock', {});
    expect(await errorCodeOf(() => invoke('erasure.pendingResults', {}))).toBe('VAULT_LOCKED');
    await invoke('vault.unlock', { password: TEST_PASSWORD });

    const after = (await invoke('erasure.pendingResults', {})).results.find((r) => r.summary.erasureJobId === shown.erasureJobId);
    expect(after).toEqual(before);
  });

  it('[10-1] is issued once: then it leaves the pending list, and a second issue is refused and signs nothing', async () => {
    const shown = await eraseFolder('once', 1);
    const certificates = await certificateCount();
    const issued = await invoke('erasure.issueCertificate', {
      erasureJobId: shown.erasureJobId,
      countersignature: null,
      signerName: '  佐藤 一郎 ',
    });
    expect(await pendingIds()).not.toContain(shown.erasureJobId);
    expect(erasureResultOf(core.vault.session().db, shown.erasureJobId)).toMatchObject({
      summary: shown,
      certificateId: issued.certificateId,
    });

    expect(await errorCodeOf(() => invoke('erasure.issueCertificate', { erasureJobId: shown.erasureJobId, countersignature: null }))).toBe(
      'ERASURE_RESULT_ALREADY_ISSUED',
    );
    expect(await certificateCount()).toBe(certificates + 1);

    // The name typed by the countersigner, trimmed, is signed in the evidence and printed with what they confirm.
    const stored = getCertificate(core.vault.session().db, issued.certificateId)!;
    const facts = (JSON.parse(stored.evidenceJson) as { payload: { facts: { countersignedBy?: string } } }).payload.facts;
    expect(facts.countersignedBy).toBe('佐藤 一郎');
    const file = `${core.dataDir}-once.pdf`;
    await writeFile(file, stored.pdf);
    const { stdout } = await exec('pdftotext', ['-layout', file, '-']);
    expect(stdout.replace(/\s+/g, '')).toContain('（佐藤一郎）：上記の消去結果を確認しました');
  });

  it('[10-1] cannot be issued twice at the same time: one certificate, the other call refused', async () => {
    const shown = await eraseFolder('race', 1);
    const certificates = await certificateCount();
    const request = { erasureJobId: shown.erasureJobId, countersignature: null };
    const outcomes = await Promise.all([
      errorCodeOf(() => invoke('erasure.issueCertificate', request)),
      errorCodeOf(() => invoke('erasure.issueCertificate', request)),
    ]);
    expect(outcomes.sort()).toEqual(['ERASURE_RESULT_ALREADY_ISSUED', 'resolved']);
    expect(await certificateCount()).toBe(certificates + 1);
  });

  it('[10-1] cannot be issued twice by the app and `fieldguard` at once: one certificate, the other refused before signing', async () => {
    const shown = await eraseFolder('two-processes', 1);
    const certificates = await certificateCount();
    // A second core on the same data folder is what `fieldguard` is beside the running app: its own handlers, its own memory.
    const cli = await createTestCore({}, { dataDir: core.dataDir, keychainService: core.keychainService });
    try {
      await cli.handlers['vault.unlock']({ password: TEST_PASSWORD });
      const cliInvoke = invokeThroughRouter(cli.handlers, cli.log);
      const request = { erasureJobId: shown.erasureJobId, countersignature: null };
      const outcomes = await Promise.all([
        errorCodeOf(() => invoke('erasure.issueCertificate', request)),
        errorCodeOf(() => cliInvoke('erasure.issueCertificate', request)),
      ]);
      expect(outcomes.sort()).toEqual(['ERASURE_RESULT_ALREADY_ISSUED', 'resolved']);
      expect(await certificateCount()).toBe(certificates + 1);
    } finally {
      cli.vault.lock('shutdown');
    }
  });

  it('[10-1] is never edited: the vault refuses a change, and a kept result that differs from the journal is not signed', async () => {
    const shown = await eraseFolder('edit', 2);
    const db = core.vault.session().db;
    expect(() =>
      db
        .prepare('UPDATE erasure_results SET summary = ? WHERE erasure_job_id = ?')
        .run(JSON.stringify({ ...shown, filesErased: 3 }), shown.erasureJobId),
    ).toThrow(/never edited/);

    // A kept result that says more than the journal (removed and written again outside the store's rules) is refused.
    db.prepare('DELETE FROM erasure_results WHERE erasure_job_id = ?').run(shown.erasureJobId);
    recordErasureResult(db, {
      summary: { ...shown, notErased: 0, filesErased: 3 },
      site: { ...SITE },
      finishedAt: new Date().toISOString(),
    });
    const certificates = await certificateCount();
    expect(await errorCodeOf(() => invoke('erasure.issueCertificate', { erasureJobId: shown.erasureJobId, countersignature: null }))).toBe(
      'ERASURE_RESULT_CHANGED',
    );
    expect(await certificateCount()).toBe(certificates);
  });

  it('[10-1] once issued, is kept with its certificate: the vault refuses to delete it or issue it again', async () => {
    const shown = await eraseFolder('kept', 1);
    const { certificateId } = await invoke('erasure.issueCertificate', { erasureJobId: shown.erasureJobId, countersignature: null });
    const db = core.vault.session().db;
    expect(() => db.prepare('DELETE FROM erasure_results WHERE erasure_job_id = ?').run(shown.erasureJobId)).toThrow(
      /issued erasure result is kept/,
    );
    expect(() =>
      db.prepare('UPDATE erasure_results SET certificate_id = ? WHERE erasure_job_id = ?').run(certificateId, shown.erasureJobId),
    ).toThrow(/issued once/);
  });
});

describe('the channels’ requests', () => {
  it('refuses a malformed request before any handler runs', async () => {
    const shown = await eraseFolder('requests', 1);
    const bad: Array<() => Promise<unknown>> = [
      () => invoke('erasure.pendingResults', { extra: 1 } as never),
      () => invoke('erasure.issueCertificate', { erasureJobId: shown.erasureJobId, countersignature: null, signerName: 'x'.repeat(101) }),
      () => invoke('erasure.issueCertificate', { erasureJobId: shown.erasureJobId, countersignature: null, signerName: 7 } as never),
      () => invoke('erasure.issueCertificate', { erasureJobId: '', countersignature: null }),
      () => invoke('erasure.issueCertificate', { erasureJobId: shown.erasureJobId, countersignature: null, summary: shown } as never),
    ];
    for (const call of bad) expect(await errorCodeOf(call)).toBe('IPC_INVALID_REQUEST');
    expect(await pendingIds()).toContain(shown.erasureJobId);
  });

  it('names no certificate for a job that does not exist', async () => {
    expect(await errorCodeOf(() => invoke('erasure.issueCertificate', { erasureJobId: 'no-such-job', countersignature: null }))).toBe(
      'ERASURE_JOB_NOT_FOUND',
    );
  });
});
