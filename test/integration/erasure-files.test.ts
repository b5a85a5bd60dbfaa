/**
 * Erasing files and folders the engineer chose (10-1), on real trees in a temporary folder
 * and a real SQLCipher vault database: what an auditor would check afterwards — the files and
 * folders are gone, the evidence lists every planted file as overwritten, verified and removed
 * with its SHA-256 from before, nothing outside the targets was touched, and every file that
 * could not be erased is an exception with a reason, never a silent success.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, lstat, mkdir, mkdtemp, open, readdir, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import {
  CACHED_VERIFICATION,
  DIRECT_VERIFICATION,
  erasureEvidence,
  STREAM_DESCRIPTION,
  type ErasureEvidence,
} from '../../electron/core/erasure/erasure-evidence';
import { listJobItems } from '../../electron/core/erasure/erasure-journal';
import type { ErasureProgress } from '../../electron/core/erasure/erasure-progress';
import { readMedium } from '../../electron/platform/media/read-medium';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { resumeJob, runErasureJob } from '../../electron/core/erasure/run-erasure-job';
import { erasureWorkerFromSource, runErasureJobInWorker } from '../../electron/core/erasure/run-erasure-in-worker';
import { O_DIRECT } from '../../electron/core/erasure/direct-io';
import { exists, freshFolder as newFolder, markerBody as plantedBody, sha256 } from '../support/erasure-files';
import { cpuTicksOf, whyThreadCpuCannotBeRead, type CpuTicks } from '../support/thread-cpu';

const exec = promisify(execFile);
const MIB = 1024 * 1024;
const MARKER = Buffer.from('PATIENT-山田太郎-MRN-4711-');
const TOOL = { toolVersion: '0.1.0-test' };

let dir: string;
let db: VaultDatabase;
const databaseKey = randomBytes(32);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erasure-'));
  db = openVaultDatabase(path.join(dir, 'vault.db'), databaseKey, { create: true });
  migrate(db);
});
afterAll(async () => {
  db.close();
  await exec('chattr', ['-R', '-i', dir]).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const markerBody = (size: number): Buffer => plantedBody(MARKER, size);
const freshFolder = (name: string): Promise<string> => newFolder(dir, name);

async function erase(
  targets: string[],
  method: 'random-verify' | 'zeros-verify' | 'three-pass' = 'random-verify',
  onProgress?: (p: ErasureProgress) => void,
): Promise<ErasureEvidence> {
  const jobId = await planErasure(db, {
    targets,
    method,
    siteReference: '東都大学病院 放射線科 2024-05-14',
    readMedium: (target) => readMedium(target),
  });
  // As the app and the CLI run it: in a worker thread with its own connection to the database.
  await runErasureJobInWorker(erasureWorkerFromSource, { path: path.join(dir, 'vault.db'), key: databaseKey }, jobId, { onProgress });
  return erasureEvidence(db, jobId, TOOL);
}

function itemFor(evidence: ErasureEvidence, file: string) {
  const item = evidence.items.find((i) => i.path === file);
  if (!item) throw new Error(`${file} is not in the evidence`);
  return item;
}

describe('a planted tree', () => {
  const planted = new Map<string, string>();
  const folders: string[] = [];
  let root: string;
  let evidence: ErasureEvidence;
  const progress: ErasureProgress[] = [];
  /** CPU ticks of this (the main) thread and of the whole process while the job ran. */
  let cpu: CpuTicks | null = null;

  beforeAll(async () => {
    root = await freshFolder('tree');
    const put = async (relative: string, body: Buffer) => {
      const file = path.join(root, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
      planted.set(file, sha256(body));
    };
    // Written block by block: the test keeps one 4 MiB block in memory, not the gigabyte.
    const putLarge = async (relative: string, size: number) => {
      const file = path.join(root, relative);
      await mkdir(path.dirname(file), { recursive: true });
      const block = markerBody(4 * MIB);
      const digest = createHash('sha256');
      const handle = await open(file, 'w');
      for (let offset = 0; offset < size; offset += block.length) {
        await handle.write(block, 0, block.length, offset);
        digest.update(block);
      }
      await handle.close();
      planted.set(file, digest.digest('hex'));
    };
    await put('患者データ/山田太郎_頭部MRI_2024年5月.dcm', markerBody(100_000));
    const longName = `${'検査結果'.repeat(17)}.txt`;
    expect(Buffer.byteLength(longName)).toBeGreaterThan(200);
    await put(`患者データ/${longName}`, markerBody(4321));
    await put(`deep/${Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('/')}/leaf.txt`, markerBody(777));
    await put('empty.txt', Buffer.alloc(0));
    await put('readonly.txt', markerBody(5000));
    await chmod(path.join(root, 'readonly.txt'), 0o444);
    await putLarge('big/scan-1gib.raw', 1024 * MIB);
    // Sparse: 32 MiB long, a marker at 16 MiB, holes around it.
    const sparse = path.join(root, 'sparse.img');
    const handle = await open(sparse, 'w');
    await handle.write(MARKER, 0, MARKER.length, 16 * MIB);
    await handle.truncate(32 * MIB);
    await handle.close();
    planted.set(sparse, sha256(await readFile(sparse)));
    expect((await stat(sparse)).blocks * 512).toBeLessThan(32 * MIB);
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true }))
      if (entry.isDirectory()) folders.push(path.join(entry.parentPath, entry.name));
    folders.push(root);

    const measured = await cpuTicksOf(() => erase([root], 'random-verify', (p) => progress.push(p)));
    evidence = measured.result;
    cpu = measured.ticks;
  }, 120_000);

  it('[10-1] is gone: every file and every folder, the target itself included', async () => {
    expect(await exists(root)).toBe(false);
    expect((await readdir(dir)).filter((name) => !name.startsWith('vault.db'))).toEqual([]);
  });

  it('[10-1] is listed file by file as erased: every pass written, read back in full, removed', () => {
    expect(evidence.status).toBe('erased');
    expect(evidence.totals).toMatchObject({ files: planted.size, filesErased: planted.size, exceptions: 0, notErased: 0 });
    for (const [file, digest] of planted) {
      const item = itemFor(evidence, file);
      expect(item).toMatchObject({ kind: 'file', state: 'removed', outcome: 'erased', sha256Before: digest, passes: 1 });
      expect(item.bytesVerified).toBe(item.bytesWritten);
      expect(item.bytesWritten).toBeGreaterThanOrEqual(item.size);
    }
    const folderItems = evidence.items.filter((i) => i.kind === 'folder');
    expect(folderItems.map((i) => i.path).sort()).toEqual([...folders].sort());
    expect(folderItems.every((i) => i.outcome === 'removed')).toBe(true);
    // Children before their folder: a folder is removed only after everything in it.
    for (const folder of folderItems)
      expect(evidence.items.filter((i) => i.path.startsWith(`${folder.path}/`)).every((i) => i.seq < folder.seq)).toBe(true);
  });

  it('sums up the target the way the certificate shows it', () => {
    const bytes = [...planted.keys()].reduce((sum, file) => sum + itemFor(evidence, file).size, 0);
    expect(evidence.targets).toEqual([
      {
        path: root,
        files: planted.size,
        folders: folders.length,
        links: 0,
        bytes,
        filesErased: planted.size,
        bytesErased: bytes,
        exceptions: 0,
      },
    ]);
    expect(evidence.siteReference).toBe('東都大学病院 放射線科 2024-05-14');
    // The build is the SHA-256 of the code that ran (NIST SP 800-88 Rev. 2 §4.6 asks for the tool's build).
    expect(evidence.tool).toEqual({ name: 'FieldGuard', version: '0.1.0-test', build: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // This machine's disk is virtual (or tmpfs): nothing better than partial sanitization can be claimed on it.
    expect(evidence.method).toMatchObject({
      id: 'random-verify',
      category: 'partial',
      sanitization: 'partial',
      technique: 'overwrite',
      passes: 1,
      prng: STREAM_DESCRIPTION,
    });
    expect(evidence.media).toEqual([expect.objectContaining({ target: root, grade: 'partial' })]);
    expect(evidence.media[0]?.medium?.volume?.fileSystem).toBeTruthy();
    expect(evidence.media[0]?.reasons.length).toBeGreaterThan(0);
    expect(evidence.method.verification).toBe(O_DIRECT !== 0 ? DIRECT_VERIFICATION : CACHED_VERIFICATION);
    expect(evidence.durationSeconds).toBeGreaterThan(0);
    expect(evidence.runCount).toBe(1);
    expect(evidence.runs).toEqual([expect.objectContaining({ run: 1, outcome: 'completed' })]);
    // Every residual risk is in Japanese and English.
    expect(evidence.residualRisks.every((risk) => risk.ja.length > 0 && risk.en.length > 0 && /[ぁ-んァ-ン一-龯]/.test(risk.ja))).toBe(
      true,
    );
    expect(evidence.residualRisks.map((r) => r.en).join(' ')).toMatch(/names|directory/);
  });

  it('notes what was special: the read-only file made writable, the sparse file filled, the empty file', () => {
    expect(itemFor(evidence, path.join(root, 'readonly.txt')).observations).toContain('made-writable');
    expect(itemFor(evidence, path.join(root, 'sparse.img')).observations).toContain('sparse-filled');
    expect(itemFor(evidence, path.join(root, 'sparse.img')).bytesWritten).toBe(32 * MIB);
    expect(itemFor(evidence, path.join(root, 'empty.txt'))).toMatchObject({ observations: ['empty'], bytesWritten: 0, outcome: 'erased' });
    expect(evidence.notes.map((n) => n.en).join(' ')).toMatch(/1 read-only file/);
  });

  it('reported progress with counts, bytes, passes and throughput — and never a path', () => {
    const last = progress.at(-1);
    expect(last).toMatchObject({ filesDone: planted.size, filesTotal: planted.size, passes: 1 });
    expect(last?.bytesDone).toBe(last?.bytesTotal);
    expect(progress.some((p) => p.phase === 'verify' && p.currentItem !== null)).toBe(true);
    expect(progress.some((p) => p.throughputBytesPerSecond > 0)).toBe(true);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]!.bytesDone).toBeGreaterThanOrEqual(progress[i - 1]!.bytesDone);
    const text = JSON.stringify(progress);
    for (const name of ['山田', '検査結果', 'readonly', 'sparse', root]) expect(text).not.toContain(name);
  });

  it.skipIf(whyThreadCpuCannotBeRead() !== null)(
    `did its work off the main thread (a 1 GiB file among it): the worker and its lanes spent the CPU, not the thread that serves the window (${whyThreadCpuCannotBeRead() ?? 'per-thread CPU readable'})`,
    () => {
      // CPU accounting, not the wall clock (a loaded machine stretched a stall check to 257 ms
      // once; how responsive the main thread stays is measured by `npm run bench`, erasure-main-thread).
      // Measured on 256 MiB: 1.4 % of the process's CPU on the main thread with the worker, 18.5 %
      // with the same job run on the main thread (its lanes' helpers still hashing), all of it
      // where no helper thread can be started.
      expect(cpu?.process).toBeGreaterThan(0);
      expect((cpu?.thread ?? Infinity) / (cpu?.process ?? 1)).toBeLessThan(0.1);
    },
  );
});

describe('links', () => {
  it('a symbolic link to a file or folder outside the target is removed; what it points to is untouched', async () => {
    const outside = await freshFolder('outside-of-links');
    const outsideFile = path.join(outside, 'keep.txt');
    await writeFile(outsideFile, markerBody(10_000));
    await writeFile(path.join(outside, 'inner.txt'), 'inner');
    const root = await freshFolder('links');
    await symlink(outsideFile, path.join(root, '患者へのリンク.txt'));
    await symlink(outside, path.join(root, 'folder-link'));
    await symlink(path.join(outside, 'missing'), path.join(root, 'dangling'));
    const evidence = await erase([root]);
    expect(await exists(root)).toBe(false);
    expect((await readFile(outsideFile)).equals(markerBody(10_000))).toBe(true);
    expect(await readFile(path.join(outside, 'inner.txt'), 'utf8')).toBe('inner');
    expect(evidence.items.filter((i) => i.kind === 'link').map((i) => [path.basename(i.path), i.outcome, i.bytesWritten])).toEqual([
      ['dangling', 'removed', 0],
      ['folder-link', 'removed', 0],
      ['患者へのリンク.txt', 'removed', 0],
    ]);
    expect(evidence.targets[0]).toMatchObject({ links: 3, files: 0 });
  });

  it('a file with a hard link outside the job is an exception (HARD_LINKED) and is left untouched', async () => {
    const outside = await freshFolder('outside-of-hardlinks');
    const root = await freshFolder('hardlinked');
    const file = path.join(root, 'shared.dcm');
    await writeFile(file, markerBody(50_000));
    await link(file, path.join(outside, 'other-name.dcm'));
    await writeFile(path.join(root, 'alone.txt'), markerBody(100));
    const evidence = await erase([root]);
    expect((await readFile(file)).equals(markerBody(50_000))).toBe(true);
    expect(itemFor(evidence, file)).toMatchObject({
      state: 'exception',
      exceptionCode: 'HARD_LINKED',
      outcome: 'exception',
      bytesWritten: 0,
    });
    expect(itemFor(evidence, root)).toMatchObject({ exceptionCode: 'NOT_EMPTY' });
    expect(itemFor(evidence, path.join(root, 'alone.txt')).outcome).toBe('erased');
    expect(evidence.status).toBe('erased-with-exceptions');
    expect(evidence.exceptions.map((e) => e.code).sort()).toEqual(['HARD_LINKED', 'NOT_EMPTY']);
    expect(evidence.exceptions[0]?.description).toBeTruthy();
  });

  it('hard links that all lie inside the job are erased', async () => {
    const root = await freshFolder('hardlinks-inside');
    await writeFile(path.join(root, 'a.txt'), markerBody(9000));
    await link(path.join(root, 'a.txt'), path.join(root, 'b.txt'));
    const evidence = await erase([root]);
    expect(await exists(root)).toBe(false);
    expect(evidence.items.filter((i) => i.kind === 'file').map((i) => [i.outcome, i.observations])).toEqual([
      ['erased', ['hard-links-in-job']],
      ['erased', ['hard-links-in-job']],
    ]);
  });
});

describe('files that cannot be erased are exceptions, never silent successes', () => {
  it('FIFOs and sockets: NOT_A_REGULAR_FILE, left as they are', async () => {
    const root = await freshFolder('specials');
    await exec('mkfifo', [path.join(root, 'pipe')]);
    const server = net.createServer();
    const socketPath = path.join(root, 'sock');
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    await writeFile(path.join(root, 'data.txt'), markerBody(2000));
    try {
      const evidence = await erase([root]);
      expect(itemFor(evidence, path.join(root, 'pipe'))).toMatchObject({ exceptionCode: 'NOT_A_REGULAR_FILE', outcome: 'exception' });
      expect(itemFor(evidence, socketPath)).toMatchObject({ exceptionCode: 'NOT_A_REGULAR_FILE' });
      expect((await lstat(path.join(root, 'pipe'))).isFIFO()).toBe(true);
      expect((await lstat(socketPath)).isSocket()).toBe(true);
      expect(await exists(path.join(root, 'data.txt'))).toBe(false);
      expect(evidence.totals).toMatchObject({ files: 3, filesErased: 1, exceptions: 3 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a file that vanishes mid-job: VANISHED, not erased', async () => {
    const root = await freshFolder('vanishing');
    for (const name of ['a.bin', 'b.bin', 'c.bin']) await writeFile(path.join(root, name), markerBody(6 * MIB));
    const jobId = await planErasure(db, { targets: [root] });
    let removed = false;
    await runErasureJob(db, jobId, {
      onProgress: (p) => {
        if (!removed && p.currentItem === 1) {
          removed = true;
          void unlink(path.join(root, 'c.bin'));
        }
      },
    });
    const evidence = erasureEvidence(db, jobId, TOOL);
    expect(itemFor(evidence, path.join(root, 'c.bin'))).toMatchObject({ exceptionCode: 'VANISHED', outcome: 'exception', bytesWritten: 0 });
    expect(itemFor(evidence, path.join(root, 'a.bin')).outcome).toBe('erased');
    expect(itemFor(evidence, path.join(root, 'b.bin')).outcome).toBe('erased');
  });

  it('a file the OS refuses to open for writing (immutable): PERMISSION_DENIED, untouched', async (context) => {
    const root = await freshFolder('immutable');
    const file = path.join(root, 'locked.dcm');
    await writeFile(file, markerBody(8000));
    try {
      await exec('chattr', ['+i', file]);
    } catch {
      context.skip('chattr +i is not available here (needs root and a file system with attributes)');
    }
    try {
      const evidence = await erase([root]);
      expect(itemFor(evidence, file)).toMatchObject({ exceptionCode: 'PERMISSION_DENIED', outcome: 'exception' });
      expect((await readFile(file)).equals(markerBody(8000))).toBe(true);
      expect(evidence.status).toBe('erased-with-exceptions');
    } finally {
      await exec('chattr', ['-i', file]);
    }
  });

  it('a file replaced by a link after planning is not followed (CHANGED_SINCE_PLAN)', async () => {
    const outside = await freshFolder('outside-of-swap');
    const target = path.join(outside, 'precious.txt');
    await writeFile(target, markerBody(3000));
    const root = await freshFolder('swapped');
    const file = path.join(root, 'report.pdf');
    await writeFile(file, markerBody(3000));
    const jobId = await planErasure(db, { targets: [root] });
    await unlink(file);
    await symlink(target, file);
    await runErasureJob(db, jobId);
    const evidence = erasureEvidence(db, jobId, TOOL);
    expect(itemFor(evidence, file)).toMatchObject({ exceptionCode: 'CHANGED_SINCE_PLAN', outcome: 'exception' });
    expect((await readFile(target)).equals(markerBody(3000))).toBe(true);
  });
});

describe('methods', () => {
  for (const [method, passes] of [
    ['zeros-verify', 1],
    ['three-pass', 3],
  ] as const) {
    it(`${method}: ${passes} pass(es) written, the last read back`, async () => {
      const root = await freshFolder(`method-${method}`);
      await writeFile(path.join(root, 'x.bin'), markerBody(5 * MIB + 1));
      const evidence = await erase([root], method);
      const item = itemFor(evidence, path.join(root, 'x.bin'));
      expect(item).toMatchObject({ outcome: 'erased', passes });
      expect(item.bytesWritten).toBe(passes * item.bytesVerified);
      expect(evidence.method).toMatchObject({ id: method, passes, prng: method === 'zeros-verify' ? null : STREAM_DESCRIPTION });
      expect(evidence.method.pattern).toMatch(method === 'three-pass' ? /pass 1: AES.*pass 2: AES.*pass 3: zeros/ : /pass 1: zeros/);
    });
  }
});

describe('cancelling', () => {
  it('ends the job as aborted: erased files stay erased, the others are listed as not erased and still exist', async () => {
    const root = await freshFolder('cancelled');
    const files = ['1.bin', '2.bin', '3.bin', '4.bin'].map((name) => path.join(root, name));
    for (const file of files) await writeFile(file, markerBody(12 * MIB));
    const jobId = await planErasure(db, { targets: [root] });
    const controller = new AbortController();
    // Two files are erased at a time: cancel as soon as the first is done, the second still under way.
    const summary = await runErasureJob(db, jobId, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.filesDone === 1) controller.abort();
      },
    });
    expect(summary.state).toBe('aborted');
    expect(summary.filesErased).toBeGreaterThanOrEqual(1);
    expect(summary.notErased).toBeGreaterThanOrEqual(2);
    const evidence = erasureEvidence(db, jobId, TOOL);
    expect(evidence.status).toBe('aborted');
    // The first to finish of the two erased side by side stopped the job.
    expect([files[0]!, files[1]!].map((file) => itemFor(evidence, file).outcome)).toContain('erased');
    for (const file of files) {
      const item = itemFor(evidence, file);
      // Erased means gone; not erased means still there, marked when a pass had begun on it.
      expect(await exists(file), file).toBe(item.outcome !== 'erased');
      if (item.outcome === 'erased') continue;
      expect(item.outcome).toBe('not-erased');
      const untouched = (await readFile(file)).equals(markerBody(12 * MIB));
      expect(item.observations.includes('partially-overwritten'), file).toBe(!untouched);
    }
    expect((await readFile(files[3]!)).equals(markerBody(12 * MIB))).toBe(true);
    expect(evidence.residualRisks.map((r) => r.en).join(' ')).toMatch(/cancelled/);
    await expect(resumeJob(db, jobId)).rejects.toMatchObject({ code: 'ERASURE_JOB_NOT_RUNNABLE' });
  });
});

describe('requests that are refused', () => {
  it('a target that does not exist, a file-system root, a job run twice, evidence of an unfinished job', async () => {
    await expect(planErasure(db, { targets: [path.join(dir, 'no-such-folder')] })).rejects.toMatchObject({
      code: 'ERASURE_TARGET_NOT_FOUND',
    });
    await expect(planErasure(db, { targets: ['/'] })).rejects.toMatchObject({ code: 'ERASURE_TARGET_REFUSED' });
    const root = await freshFolder('refusals');
    await writeFile(path.join(root, 'a.txt'), 'a');
    const jobId = await planErasure(db, { targets: [root, path.join(root, 'a.txt')] });
    expect(listJobItems(db, jobId)).toHaveLength(2);
    expect(() => erasureEvidence(db, jobId, TOOL)).toThrow(expect.objectContaining({ code: 'ERASURE_JOB_NOT_FINISHED' }));
    await expect(resumeJob(db, jobId)).rejects.toMatchObject({ code: 'ERASURE_JOB_NOT_RUNNABLE' });
    await runErasureJob(db, jobId);
    await expect(runErasureJob(db, jobId)).rejects.toMatchObject({ code: 'ERASURE_JOB_NOT_RUNNABLE' });
    await expect(runErasureJob(db, 'no-such-job')).rejects.toMatchObject({ code: 'ERASURE_JOB_NOT_FOUND' });
  });
});
