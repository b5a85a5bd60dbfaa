/**
 * Issue 18 ("timing assertions leave pass/fail tests"): how responsive the main thread — the
 * one that serves the window's IPC — stays while an erasure job runs in its worker thread.
 * A pass/fail test cannot hold a wall-clock limit on this (a loaded machine stretched a 100 ms
 * limit to 257 ms once); here it is measured against an idle baseline taken in the same run.
 *
 * - subject: the longest event-loop delay (perf_hooks monitorEventLoopDelay, 10 ms resolution)
 *   on this thread while the whole job runs as the app runs it (plan, then in the bundled worker:
 *   SHA-256, one random pass, read-back verification, removal) over a 256 MiB file and 64
 *   small ones, ms;
 * - reference: the longest delay of the same monitor over an idle wait as long as the last job.
 * Ratio = idle ÷ job (lower is better for both). Target ≥ 0.25: the longest stall during erasure
 * at most four times the scheduler's own hiccups; an erasure on this thread would stall it for
 * the seconds of the large file's passes (a ratio near 0.01). The pass/fail test
 * (erasure-files.test.ts) keeps a check by CPU accounting that the work ran off this thread.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { runErasureJobInWorker } from '../../electron/core/erasure/run-erasure-in-worker';
import { median, type Benchmark } from './benchmark';
import { bundledWorker } from './erasure.bench';

const exec = promisify(execFile);
const LARGE_MIB = 256;
const SMALL_FILES = 64;

interface Context {
  readonly dir: string;
  readonly template: string;
  readonly db: VaultDatabase;
  readonly database: { readonly path: string; readonly key: Buffer };
  readonly worker: URL;
  /** How long the last job took, ms: the idle baseline waits as long. */
  lastJobMs: number;
  readonly jobMs: number[];
  readonly jobP99: number[];
  readonly idleP99: number[];
}

/** The longest and the 99th-percentile event-loop delay of this thread while `work` runs, ms. */
async function delaysDuring(work: () => Promise<unknown>): Promise<{ max: number; p99: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    await work();
  } finally {
    delay.disable();
  }
  return { max: delay.max / 1e6, p99: delay.percentile(99) / 1e6 };
}

const benchmark: Benchmark<Context> = {
  name: 'erasure: longest main-thread stall while a worker erases 256 MiB + 64 files',
  unit: 'ms',
  higherIsBetter: false,
  target: 0.25,
  referenceName: 'longest stall while idle as long',
  rounds: 5,
  async setup() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-bench-stall-'));
    const template = path.join(dir, 'template');
    await mkdir(template);
    await exec('dd', ['if=/dev/urandom', `of=${path.join(template, 'scan.raw')}`, 'bs=4M', `count=${LARGE_MIB / 4}`, 'status=none']);
    for (let i = 0; i < SMALL_FILES; i += 1) await writeFile(path.join(template, `report-${i}.txt`), randomBytes(16 * 1024));
    const database = { path: path.join(dir, 'vault.db'), key: randomBytes(32) };
    const db = openVaultDatabase(database.path, database.key, { create: true });
    migrate(db);
    return { dir, template, db, database, worker: await bundledWorker(), lastJobMs: 3000, jobMs: [], jobP99: [], idleP99: [] };
  },
  async subject(context) {
    const root = path.join(context.dir, 'job');
    await rm(root, { recursive: true, force: true });
    await exec('cp', ['-r', context.template, root]);
    await exec('sync');
    const jobId = await planErasure(context.db, { targets: [root] });
    const started = performance.now();
    const { max, p99 } = await delaysDuring(async () => {
      const summary = await runErasureJobInWorker(context.worker, context.database, jobId);
      if (summary.filesErased !== SMALL_FILES + 1) throw new Error(`only ${summary.filesErased} files erased`);
    });
    context.lastJobMs = performance.now() - started;
    context.jobMs.push(context.lastJobMs);
    context.jobP99.push(p99);
    return max;
  },
  async reference(context) {
    const { max, p99 } = await delaysDuring(() => sleep(context.lastJobMs));
    context.idleP99.push(p99);
    return max;
  },
  async teardown(context) {
    context.db.close();
    await rm(context.dir, { recursive: true, force: true });
  },
  notes: (context) =>
    `job ${(median(context.jobMs) / 1000).toFixed(1)} s (median); 99th-percentile delay ${median(context.jobP99).toFixed(1)} ms during the job, ${median(context.idleP99).toFixed(1)} ms idle`,
};

export default benchmark;
