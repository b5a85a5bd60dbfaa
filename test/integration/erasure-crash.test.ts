/**
 * Kill -9 in the middle of an erasure job (10-1), at several points, then resume it as the
 * next start of the app would: the journal finds the job, the resumed run finishes it, and the
 * final evidence lists every planted file as overwritten, verified and removed — while at no
 * moment does the journal call an entry removed that still exists. The child is a real
 * process running the real code (through tsx), killed by the kernel, not asked to stop.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { erasureEvidence } from '../../electron/core/erasure/erasure-evidence';
import { getJob, listJobItems, updateItem } from '../../electron/core/erasure/erasure-journal';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { findInterruptedJobs, resumeJob, runErasureJob } from '../../electron/core/erasure/run-erasure-job';

const root = path.resolve(import.meta.dirname, '../..');
const MIB = 1024 * 1024;
const MARKER = Buffer.from('CRASH-患者-4711-');

/**
 * The FieldGuard process that gets killed: opens the vault database, says "started", runs (or
 * resumes) the job, and kills itself with SIGKILL at the chosen progress event, if any.
 */
const CHILD = `
import { openVaultDatabase } from ${JSON.stringify(path.join(root, 'electron/db/open-vault-database.ts'))};
import { runErasureJob } from ${JSON.stringify(path.join(root, 'electron/core/erasure/run-erasure-job.ts'))};
const db = openVaultDatabase(process.env.FG_DB, Buffer.from(process.env.FG_KEY, 'hex'), { create: false });
const killAt = Number(process.env.FG_KILL_AT || 0);
let events = 0;
process.stdout.write('started\\n');
await runErasureJob(db, process.env.FG_JOB, {
  onProgress: () => {
    events += 1;
    if (events === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('finished\\n');
db.close();
`;

let dir: string;
const key = randomBytes(32);
const dbFile = () => path.join(dir, 'vault.db');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erasure-crash-'));
  const db = openVaultDatabase(dbFile(), key, { create: true });
  migrate(db);
  db.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens the database as a restarted app would: a new connection after the crash. */
async function withDatabase<T>(work: (db: VaultDatabase) => Promise<T> | T): Promise<T> {
  const db = openVaultDatabase(dbFile(), key, { create: false });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** 16 files of 3 MiB, one of 24 MiB, nested folders, an empty file and a link: what a visit leaves behind. */
async function plantTree(name: string): Promise<{ tree: string; digests: Map<string, string> }> {
  const tree = path.join(dir, name);
  const digests = new Map<string, string>();
  const put = async (relative: string, size: number) => {
    const file = path.join(tree, relative);
    await mkdir(path.dirname(file), { recursive: true });
    const body = Buffer.alloc(size, relative.length);
    for (let offset = 0; offset + MARKER.length <= size; offset += 4096) MARKER.copy(body, offset);
    await writeFile(file, body);
    digests.set(file, createHash('sha256').update(body).digest('hex'));
  };
  for (let i = 0; i < 16; i += 1) await put(`検査${i % 4}/画像-${i}.dcm`, 3 * MIB);
  await put('raw/volume.raw', 24 * MIB);
  await put('empty.txt', 0);
  await symlink(path.join(tree, 'raw/volume.raw'), path.join(tree, 'shortcut'));
  return { tree, digests };
}

type Outcome = 'killed' | 'finished';

function runChild(jobId: string, options: { killAtEvent?: number; killAfterMs?: number }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: root,
      env: { ...process.env, FG_DB: dbFile(), FG_KEY: key.toString('hex'), FG_JOB: jobId, FG_KILL_AT: String(options.killAtEvent ?? 0) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (options.killAfterMs !== undefined && output.includes('started') && !child.killed)
        setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (output.includes('finished')) resolve('finished');
      else if (signal === 'SIGKILL') resolve('killed');
      else reject(new Error(`the child failed by itself (exit ${code})`));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** Nothing the journal calls removed may still exist, under its name or the random one it was given. */
async function assertJournalHonest(db: VaultDatabase, jobId: string): Promise<void> {
  for (const item of listJobItems(db, jobId)) {
    if (item.state !== 'removed') continue;
    expect(await exists(item.path), `${item.path} is listed as removed`).toBe(false);
    if (item.renamedTo) expect(await exists(path.join(path.dirname(item.path), item.renamedTo))).toBe(false);
  }
}

async function assertFullyErased(db: VaultDatabase, jobId: string, tree: string, digests: Map<string, string>): Promise<void> {
  const evidence = erasureEvidence(db, jobId, { toolVersion: 'test' });
  expect(evidence.status).toBe('erased');
  expect(evidence.totals).toMatchObject({ files: digests.size, filesErased: digests.size, exceptions: 0, notErased: 0 });
  for (const [file, digest] of digests) {
    const item = evidence.items.find((i) => i.path === file);
    expect(item, file).toMatchObject({ outcome: 'erased', sha256Before: digest, passes: 1 });
    expect(item?.bytesVerified).toBe(item?.bytesWritten);
  }
  for (const item of evidence.items)
    if (item.outcome === 'erased' || item.outcome === 'removed') expect(await exists(item.path)).toBe(false);
  expect(await exists(tree)).toBe(false);
  // No randomly renamed leftovers next to the tree either.
  expect((await readdir(dir)).filter((name) => !name.startsWith('vault.db') && !name.startsWith('tree-'))).toEqual([]);
}

const outcomes: Outcome[] = [];
/** Kills that landed inside a running job (not before it began). */
let interruptedRuns = 0;
/** Progress events of this tree, in order: 1–2 the empty file, 3–16 the 24 MiB file (4–9 written blocks, 10–15 read back), then folders, the link and the 3 MiB files up to 94. */
const cases: Array<{ label: string; killAtEvent?: number; killAfterMs?: number }> = [
  { label: 'at the first progress event (the job has just started)', killAtEvent: 1 },
  { label: 'right after the first file was removed', killAtEvent: 2 },
  { label: 'while the 24 MiB file is being overwritten', killAtEvent: 5 },
  { label: 'while the 24 MiB file is being read back', killAtEvent: 12 },
  { label: 'among the small files and their folders', killAtEvent: 40 },
  { label: 'towards the end', killAtEvent: 88 },
  { label: '0 ms after start (wherever that lands)', killAfterMs: 0 },
  { label: '60 ms after start (wherever that lands)', killAfterMs: 60 },
  { label: '150 ms after start (wherever that lands)', killAfterMs: 150 },
];

describe('kill -9 during an erasure job, then resume', () => {
  for (const [index, point] of cases.entries()) {
    it(`${point.label}: resumed to completion, every planted file erased and verified`, async () => {
      const { tree, digests } = await plantTree(`tree-${index}`);
      const jobId = await withDatabase((db) => planErasure(db, { targets: [tree] }));
      const outcome = await runChild(jobId, point);
      outcomes.push(outcome);
      await withDatabase(async (db) => {
        await assertJournalHonest(db, jobId);
        if (outcome === 'killed' && getJob(db, jobId)?.state === 'planned') {
          // Killed before the run began: nothing was touched, and the job simply runs.
          expect(listJobItems(db, jobId).every((i) => i.state === 'pending' && i.bytesWritten === 0)).toBe(true);
          for (const file of digests.keys()) expect(await exists(file)).toBe(true);
          await runErasureJob(db, jobId);
        } else if (outcome === 'killed') {
          expect(getJob(db, jobId)?.state).toBe('running');
          expect(findInterruptedJobs(db).map((j) => j.id)).toContain(jobId);
          const summary = await resumeJob(db, jobId);
          expect(summary.state).toBe('completed');
          expect(getJob(db, jobId)?.runs).toBe(2);
          interruptedRuns += 1;
        }
        expect(findInterruptedJobs(db).map((j) => j.id)).not.toContain(jobId);
        await assertFullyErased(db, jobId, tree, digests);
        const evidence = erasureEvidence(db, jobId, { toolVersion: 'test' });
        if (evidence.runCount > 1) {
          expect(evidence.notes.map((n) => n.en).join(' ')).toMatch(/interrupted and resumed/);
          expect(evidence.runs.slice(0, -1).every((run) => run.outcome === 'interrupted')).toBe(true);
        }
        expect(evidence.runs.at(-1)?.outcome).toBe('completed');
      });
    }, 120_000);
  }

  it('and twice in a row: killed, killed again while resuming, then resumed', async () => {
    const { tree, digests } = await plantTree('tree-twice');
    const jobId = await withDatabase((db) => planErasure(db, { targets: [tree] }));
    expect(await runChild(jobId, { killAtEvent: 20 })).toBe('killed');
    expect(await runChild(jobId, { killAtEvent: 30 })).toBe('killed');
    await withDatabase(async (db) => {
      await assertJournalHonest(db, jobId);
      await resumeJob(db, jobId);
      expect(getJob(db, jobId)?.runs).toBe(3);
      await assertFullyErased(db, jobId, tree, digests);
    });
  }, 120_000);

  it('the kills really interrupted running jobs (the suite is not vacuous)', () => {
    expect(outcomes.filter((o) => o === 'killed').length).toBeGreaterThanOrEqual(6);
    expect(interruptedRuns).toBeGreaterThanOrEqual(6);
  });
});

describe('resuming an entry the crash left verified but not yet removed', () => {
  it('finishes it from wherever it stood: renamed or not, and one already gone counts as removed', async () => {
    const tree = path.join(dir, 'tree-verified');
    await mkdir(tree);
    for (const name of ['renamed.txt', 'not-renamed.txt', 'gone.txt']) await writeFile(path.join(tree, name), Buffer.alloc(8192));
    await withDatabase(async (db) => {
      const jobId = await planErasure(db, { targets: [tree] });
      const items = listJobItems(db, jobId);
      const seqOf = (name: string) => items.find((i) => i.path === path.join(tree, name))?.seq ?? 0;
      // What the journal holds after a crash between the 'verified' step and the removal.
      db.prepare("UPDATE erasure_jobs SET state = 'running', runs = 1 WHERE id = ?").run(jobId);
      for (const name of ['renamed.txt', 'not-renamed.txt', 'gone.txt']) {
        updateItem(db, jobId, seqOf(name), {
          state: 'verified',
          passesDone: 1,
          bytesWritten: 8192,
          bytesVerified: 8192,
          readBack: 'direct',
          renamedTo: `r${name.length}`.padEnd(name.length, 'x'),
        });
      }
      await rename(path.join(tree, 'renamed.txt'), path.join(tree, 'r11xxxxxxxx'));
      await rm(path.join(tree, 'gone.txt'));
      await resumeJob(db, jobId);
      expect(await exists(tree)).toBe(false);
      const evidence = erasureEvidence(db, jobId, { toolVersion: 'test' });
      expect(evidence.status).toBe('erased');
      expect(evidence.items.filter((i) => i.kind === 'file').map((i) => [path.basename(i.path), i.outcome, i.observations])).toEqual([
        ['gone.txt', 'erased', ['vanished-after-verify']],
        ['not-renamed.txt', 'erased', []],
        ['renamed.txt', 'erased', []],
      ]);
    });
  });
});
