/**
 * Every signed document carries the audit log's position when it was issued (issue 17), and
 * `fieldguard audit verify --anchor DOC.pdf` checks that the log still holds that entry. With the
 * real CLI on a password-only vault (no keychain anchor at all): after an erasure certificate the
 * log holds its anchor; an older copy of vault.db put back — the log's own chain intact again —
 * no longer does; a document from before anchors, or an altered one, is never taken as proof.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initVaultWithCli, runFieldguard } from '../support/run-cli';

const exec = promisify(execFile);
const PASSWORD = '湯呑みと珈琲 horse battery 42';
const LEGACY = path.resolve(import.meta.dirname, '../fixtures/certificates/legacy-erasure-certificate.pdf');

describe('the audit log position in signed documents', () => {
  let work: string;
  let dataDir: string;
  let certificate: string;
  let olderDb: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-anchor-'));
    dataDir = path.join(work, 'data');
    await initVaultWithCli(dataDir, PASSWORD);
    olderDb = path.join(work, 'vault.db.older');
    await copyFile(path.join(dataDir, 'vault.db'), olderDb);
    const target = path.join(work, 'visit');
    await mkdir(target);
    await writeFile(path.join(target, 'a.dcm'), 'x'.repeat(10_000));
    certificate = path.join(work, 'erasure.pdf');
    const erased = await runFieldguard(
      ['erase', target, '--site', '東都病院', '--certificate', certificate, '--password-stdin', '--data-dir', dataDir],
      `${PASSWORD}\n`,
    );
    if (erased.code !== 0) throw new Error(erased.stderr);
  }, 120_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('the page shows the position, and the log holds it', { timeout: 60_000 }, async () => {
    const { stdout: page } = await exec('pdftotext', ['-layout', certificate, '-']);
    expect(page).toMatch(/監査ログの位置/);
    const seq = /#(\d+)/.exec(page.slice(page.indexOf('監査ログの位置')))?.[1];
    const checked = await runFieldguard(
      ['audit', 'verify', '--anchor', certificate, '--password-stdin', '--data-dir', dataDir],
      `${PASSWORD}\n`,
    );
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`監査ログの位置 #${seq} は、この監査ログに変わらずに残っています`);
  });

  it('a document from before anchors, or an altered one, proves nothing (exit 1)', { timeout: 60_000 }, async () => {
    const legacy = await runFieldguard(
      ['audit', 'verify', '--anchor', LEGACY, '--password-stdin', '--data-dir', dataDir],
      `${PASSWORD}\n`,
      'en_US.UTF-8',
    );
    expect(legacy.code).toBe(1);
    expect(legacy.stdout).toMatch(/records no audit log position/);
    const altered = path.join(work, 'altered.pdf');
    const bytes = await readFile(certificate);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(altered, bytes);
    const answer = await runFieldguard(
      ['audit', 'verify', '--anchor', altered, '--password-stdin', '--data-dir', dataDir],
      `${PASSWORD}\n`,
      'en_US.UTF-8',
    );
    expect(answer.code).not.toBe(0);
  });

  it('an older vault.db put back: its chain is intact, but the document’s entry is gone (exit 1)', { timeout: 60_000 }, async () => {
    await copyFile(olderDb, path.join(dataDir, 'vault.db'));
    const checked = await runFieldguard(
      ['audit', 'verify', '--anchor', certificate, '--password-stdin', '--data-dir', dataDir],
      `${PASSWORD}\n`,
      'en_US.UTF-8',
    );
    expect(checked.stdout).toMatch(/The audit log is intact/);
    expect(checked.stdout).toMatch(/is not in this audit log/);
    expect(checked.code).toBe(1);
  });
});
