/**
 * Interruptions are never lost (issue 14): `fieldguard erase` killed with SIGKILL part way —
 * the real command line, its worker thread and all, killed by the kernel — then run again as
 * an auditor would. The next erasure is refused and names the interrupted job; `--list-jobs`
 * shows it; `--resume` finishes it and issues ONE certificate that lists every planted file
 * with the SHA-256 it had before erasure (the file being overwritten at the kill included,
 * never the hash of its half-overwritten bytes) and every run; `--abandon` without a reason is
 * refused, and with one gives a certificate that says exactly what was and was not erased.
 * Real files, a real password-only vault, the real CLI.
 */
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificateEvidence } from '../../electron/core/certificates/verify-certificate';
import type { ErasureEvidence } from '../../electron/core/erasure/erasure-evidence';
import { exists, markerBody, sha256 } from '../support/erasure-files';
import { eraseAndKill as killedErase, filesLeft } from '../support/interrupted-erasure';
import { initVaultWithCli, runFieldguard, type CliRun } from '../support/run-cli';
import { TEST_PASSWORD } from '../support/test-core';

const MARKER = Buffer.from('KILL9-患者-山田花子-');
const SMALL_FILES = 40;
const BIG_FILE_BYTES = 48 * 1024 * 1024;
let work: string;
let dataDir: string;

function fieldguard(args: string[]): Promise<CliRun> {
  return runFieldguard([...args, '--data-dir', dataDir, '--password-stdin'], `${TEST_PASSWORD}\n`);
}

/** A folder of a visit: small files, and one big file that takes a while to overwrite. Returns name → SHA-256. */
async function plantVisit(name: string): Promise<{ folder: string; planted: Map<string, string>; big: string }> {
  const folder = path.join(work, name, '患者_山田花子');
  await mkdir(path.join(folder, '画像'), { recursive: true });
  const planted = new Map<string, string>();
  for (let i = 0; i < SMALL_FILES; i += 1) {
    const file = path.join(folder, '画像', `img${String(i).padStart(3, '0')}.dcm`);
    const body = markerBody(Buffer.concat([MARKER, Buffer.from(String(i))]), 64 * 1024 + i);
    await writeFile(file, body);
    planted.set(file, sha256(body));
  }
  // Named to sort after the small files, so that it is erased last, in the run after the first kill.
  const big = path.join(folder, '画像', 'img999-volume.raw');
  const body = markerBody(MARKER, BIG_FILE_BYTES);
  await writeFile(big, body);
  planted.set(big, sha256(body));
  return { folder, planted, big };
}

/** Whether the first bytes of `file` are no longer what was planted: the overwrite has begun (and the file is still there). */
async function overwriteBegun(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(MARKER.length);
    await handle.read(head, 0, head.length, 0);
    return !head.equals(MARKER);
  } finally {
    await handle.close();
  }
}

async function evidenceOf(pdfFile: string): Promise<ErasureEvidence> {
  const document = await readCertificateEvidence(await readFile(pdfFile));
  expect(document).not.toBeNull();
  return (document?.payload.facts as unknown as { erasure: ErasureEvidence }).erasure;
}

/** The text of the certificate's page, as a site reads it. */
async function pageText(pdfFile: string): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) =>
    execFile('pdftotext', ['-layout', pdfFile, '-'], (error, stdout) =>
      error ? reject(new Error(error.message, { cause: error })) : resolve(stdout),
    ),
  );
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erase-kill9-'));
  dataDir = path.join(work, 'data');
  await initVaultWithCli(dataDir, TEST_PASSWORD);
}, 90_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const site = ['--site', '東都病院', '--administrator', '佐藤 一郎'];

describe('fieldguard erase killed with SIGKILL', () => {
  it('is named by the next erase, listed, and resumed to one certificate covering every file and every run', async () => {
    const { folder, planted, big } = await plantVisit('resume');
    // First kill: among the small files, a third of them gone.
    await eraseAndKill([folder, ...site], async () => (await filesLeft(folder)) <= SMALL_FILES + 1 - 14);
    const afterFirstKill = await filesLeft(folder);
    expect(afterFirstKill).toBeLessThan(SMALL_FILES + 1);

    const other = path.join(work, 'unrelated.txt');
    await writeFile(other, 'another visit');
    const refused = await fieldguard(['erase', other, ...site]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ERASURE_JOB_INTERRUPTED');
    expect(refused.stderr).toContain(folder);
    const jobId = /fieldguard erase --resume (\S+)/.exec(refused.stderr)?.[1] ?? '';
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readFile(other, 'utf8')).toBe('another visit');

    const listed = await fieldguard(['erase', '--list-jobs', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { jobs: unknown[] }).jobs).toEqual([
      expect.objectContaining({ id: jobId, state: 'running', interrupted: true, runs: 1, targets: [folder] }),
    ]);

    // Second kill: while the big file is being overwritten — its first bytes already changed.
    await eraseAndKillResume(jobId, () => overwriteBegun(big));
    expect(await exists(big)).toBe(true);

    const certificate = path.join(work, 'resume.pdf');
    const resumed = await fieldguard(['erase', '--resume', jobId.slice(0, 8), '--certificate', certificate, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      erasureJobId: jobId,
      status: 'erased',
      totals: { files: SMALL_FILES + 1, filesErased: SMALL_FILES + 1 },
    });
    expect(await exists(folder)).toBe(false);

    const evidence = await evidenceOf(certificate);
    const files = evidence.items.filter((i) => i.kind === 'file');
    expect(new Map(files.map((f) => [f.path, f.sha256Before]))).toEqual(planted);
    expect(files.every((f) => f.outcome === 'erased')).toBe(true);
    expect(evidence.runs.map((r) => [r.run, r.runner, r.outcome])).toEqual([
      [1, 'cli', 'interrupted'],
      [2, 'cli', 'interrupted'],
      [3, 'cli', 'completed'],
    ]);
    expect(evidence.runs[0]?.lastStepAt).not.toBeNull();
    const page = await pageText(certificate);
    expect(page).toContain('実行の経過');
    expect(page).not.toContain('山田花子');

    // The job is done: nothing is interrupted any more, and a new erasure may start.
    const again = await fieldguard(['erase', other, ...site]);
    expect(again.code, again.stderr).toBe(0);
  }, 300_000);

  it('is abandoned only with a reason, and the certificate says what was and was not erased', async () => {
    const { folder, planted } = await plantVisit('abandon');
    await eraseAndKill([folder, ...site], async () => (await filesLeft(folder)) <= SMALL_FILES + 1 - 10);
    const listed = JSON.parse((await fieldguard(['erase', '--list-jobs', '--json'])).stdout) as {
      jobs: Array<{ id: string; interrupted: boolean }>;
    };
    const jobId = listed.jobs.find((j) => j.interrupted)?.id ?? '';

    const noReason = await fieldguard(['erase', '--abandon', jobId]);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('ERASURE_ABANDON_REASON_REQUIRED');

    const certificate = path.join(work, 'abandon.pdf');
    const abandoned = await fieldguard([
      'erase',
      '--abandon',
      jobId,
      '--reason',
      '施設の停電のため中止',
      '--certificate',
      certificate,
      '--json',
    ]);
    expect(abandoned.code, abandoned.stderr).toBe(1);
    expect(JSON.parse(abandoned.stdout)).toMatchObject({ status: 'abandoned' });
    const evidence = await evidenceOf(certificate);
    expect(evidence.abandonReason).toBe('施設の停電のため中止');
    for (const item of evidence.items.filter((i) => i.kind === 'file')) {
      expect(item.sha256Before ?? planted.get(item.path)).toBe(planted.get(item.path));
      // Never wrong in the unsafe direction: a file still there is never called erased. (The one
      // being removed at the kill may be gone without the journal knowing: it stays "not erased".)
      if (await exists(item.path)) expect(item.outcome).not.toBe('erased');
      if (item.outcome === 'erased') expect(await exists(item.path)).toBe(false);
    }
    const erased = evidence.items.filter((i) => i.kind === 'file' && i.outcome === 'erased').length;
    expect(erased).toBeGreaterThanOrEqual(9);
    expect(evidence.totals.filesErased).toBe(erased);
    expect(evidence.totals.notErased).toBeGreaterThan(0);
    const stillThere = (await readdir(path.join(folder, '画像'))).length;
    expect(stillThere).toBeGreaterThan(0);
    expect(evidence.totals.notErased).toBeGreaterThanOrEqual(stillThere);
    const page = await pageText(certificate);
    expect(page).toContain('中断後に中止');
    expect(page).toContain('施設の停電のため中止');

    const resumeAbandoned = await fieldguard(['erase', '--resume', jobId]);
    expect(resumeAbandoned.code).toBe(1);
    expect(resumeAbandoned.stderr).toContain('ERASURE_JOB_NOT_RUNNABLE');
  }, 300_000);
});

/** `fieldguard erase ARGS` on this test's vault, killed with SIGKILL once `when()` holds. */
function eraseAndKill(args: string[], when: () => Promise<boolean>): Promise<void> {
  return killedErase(args, { dataDir, password: TEST_PASSWORD, when });
}

/** `erase --resume JOB`, killed again at `when()`. */
async function eraseAndKillResume(jobId: string, when: () => Promise<boolean>): Promise<void> {
  await eraseAndKill(['--resume', jobId], when);
}
