/**
 * Issue 4 (10-1): erasure throughput on the same 1 GiB of mixed files (one 512 MiB file,
 * eight of 32 MiB, sixty-four of 4 MiB), each side starting from the same freshly written and
 * synced tree:
 * - one overwrite pass of the AES-256-CTR stream (FieldGuard's writePass, fsync per file)
 *   against dd writing the same bytes from a pre-generated stream file with the same
 *   durability (oflag=direct, conv=notrunc,fsync per file, then sync); target ≥ 0.9. The same
 *   on one 1 GiB file, where dd pays for one process instead of 73;
 * - the whole job as the app runs it (plan; then in a worker thread, two files at a time: SHA-256
 *   of each file, overwrite, fsync, read-back verification, rename, remove) against
 *   `shred -n 1 -u` on the same files (plus removing the emptied folders); target: ours ≤ 1.6 ×
 *   shred's time, i.e. ratio ≥ 0.625;
 * - the same whole job against the fair reference for a job that verifies (issue 14): shred
 *   does not read anything back, so its side here is `shred -n 1` (O_DIRECT 64 KiB writes and
 *   an fdatasync per file, exactly as under -u), then every file read back in full with
 *   O_DIRECT — `dd iflag=direct bs=4M` per file, from one shell loop so that starting 73
 *   processes costs milliseconds rather than node's spawn per file — so the same bytes come
 *   from the device, not from the page cache, as FieldGuard's verification reads them; then
 *   `shred -n 0 -u`, which performs -u's removal alone (truncate, rename, directory flush,
 *   unlink: the strace of `shred -n 1 -u` ends the same way). Our side also takes each file's
 *   SHA-256 before erasure, which shred never does; target ≥ 0.9.
 * Peak memory is reported in the notes (target < 200 MB): the bench process's RSS, which
 * includes the worker thread's blocks (threads share the process).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { migrate } from '../../electron/db/migrate';
import { openForOverwrite } from '../../electron/core/erasure/direct-io';
import { patternSource } from '../../electron/core/erasure/erasure-pattern';
import { createIoBuffers, writePass } from '../../electron/core/erasure/overwrite-file';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { runErasureJobInWorker } from '../../electron/core/erasure/run-erasure-in-worker';
import { measureRssGrowth } from '../support/peak-memory';
import type { Benchmark } from './benchmark';

const exec = promisify(execFile);
const MIB = 1024 * 1024;
const TOTAL_MIB = 1024;
const LAYOUT: ReadonlyArray<{ count: number; mib: number }> = [
  { count: 1, mib: 512 },
  { count: 8, mib: 32 },
  { count: 64, mib: 4 },
];

interface Context {
  readonly dir: string;
  /** One 1 GiB file, for the single-file comparison. */
  readonly single: string;
  readonly template: string;
  readonly stream: string;
  readonly db: VaultDatabase;
  readonly database: { readonly path: string; readonly key: Buffer };
  /** The worker as the app ships it: bundled, not the TypeScript one behind tsx. */
  readonly worker: URL;
  readonly files: string[];
  peakRss: number;
  /** The largest growth over the RSS the bench process had just before FieldGuard's work. */
  peakGrowth: number;
}

function fileList(root: string): string[] {
  const files: string[] = [];
  for (const { count, mib } of LAYOUT) for (let i = 0; i < count; i += 1) files.push(path.join(root, `${mib}mib`, `file-${i}.bin`));
  return files;
}

async function writeRandomTree(root: string): Promise<void> {
  for (const { mib } of LAYOUT) await mkdir(path.join(root, `${mib}mib`), { recursive: true });
  for (const file of fileList(root)) {
    const mib = Number(path.basename(path.dirname(file)).replace('mib', ''));
    await exec('dd', ['if=/dev/urandom', `of=${file}`, 'bs=4M', `count=${mib / 4}`, 'status=none']);
  }
}

/** A fresh copy of the template tree, flushed, so that each timed run starts from the same state. */
async function freshTree(context: Context, name: string): Promise<string> {
  const root = path.join(context.dir, name);
  await rm(root, { recursive: true, force: true });
  await exec('cp', ['-r', context.template, root]);
  await exec('sync');
  return root;
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function setup(): Promise<Context> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-bench-erasure-'));
  const template = path.join(dir, 'template');
  await writeRandomTree(template);
  // dd's input: the very stream FieldGuard writes, generated once.
  const stream = path.join(dir, 'stream.bin');
  const key = randomBytes(32);
  const source = patternSource('random', key, { seq: 1, pass: 1 });
  const block = Buffer.alloc(4 * MIB);
  const handle = await open(stream, 'w');
  for (let offset = 0; offset < TOTAL_MIB * MIB; offset += block.length) {
    source.fill(block, block.length, offset);
    await handle.write(block);
  }
  await handle.close();
  const database = { path: path.join(dir, 'vault.db'), key: randomBytes(32) };
  const db = openVaultDatabase(database.path, database.key, { create: true });
  migrate(db);
  const work = path.join(dir, 'overwrite');
  await exec('cp', ['-r', template, work]);
  const single = path.join(dir, 'single.bin');
  await exec('dd', ['if=/dev/urandom', `of=${single}`, 'bs=4M', `count=${TOTAL_MIB / 4}`, 'status=none']);
  await exec('sync');
  return { dir, single, template, stream, db, database, worker: await bundledWorker(), files: fileList(work), peakRss: 0, peakGrowth: 0 };
}

/** Bundles the worker as scripts/build-cli.mjs does, into out/bench (node_modules stay resolvable from there). */
export async function bundledWorker(): Promise<URL> {
  const outfile = path.resolve(import.meta.dirname, '../../out/bench/erasure-worker.js');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../electron/core/erasure/erasure-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return pathToFileURL(outfile);
}

async function teardown(context: Context): Promise<void> {
  context.db.close();
  await rm(context.dir, { recursive: true, force: true });
}

/** Peak resident memory of this process while `work` runs, remembered across rounds. */
async function tracked<T>(context: Context, work: () => Promise<T>): Promise<T> {
  const before = process.memoryUsage().rss;
  const { result, growth } = await measureRssGrowth(work);
  context.peakRss = Math.max(context.peakRss, before + growth);
  context.peakGrowth = Math.max(context.peakGrowth, growth);
  return result;
}

/** FieldGuard's one pass over each file: the job's writePass, without the read-back and removal. */
async function overwriteFiles(files: readonly string[]): Promise<void> {
  const buffers = createIoBuffers();
  const key = randomBytes(32);
  for (const [seq, file] of files.entries()) {
    const { handle } = await openForOverwrite(file);
    try {
      const { size } = await handle.stat();
      await writePass(handle, size, patternSource('random', key, { seq: seq + 1, pass: 1 }), buffers);
    } finally {
      await handle.close();
    }
  }
}

async function ddFile(stream: string, file: string, mib: number): Promise<void> {
  await exec('dd', [`if=${stream}`, `of=${file}`, 'bs=4M', `count=${mib / 4}`, 'conv=notrunc,fsync', 'oflag=direct', 'status=none']);
}

// The bench process itself (tsx, the template tree's bookkeeping) is part of the peak; the growth is FieldGuard's own.
const memoryNote = (context: Context) =>
  `peak RSS of the bench process while FieldGuard ran: ${(context.peakRss / MIB).toFixed(0)} MiB (of which FieldGuard's work added at most ${(context.peakGrowth / MIB).toFixed(0)} MiB)`;

const overwriteOnly: Benchmark<Context> = {
  name: 'erasure: 1-pass overwrite, 1 GiB in 73 files',
  unit: 'MiB/s',
  higherIsBetter: true,
  target: 0.9,
  referenceName: 'dd oflag=direct conv=notrunc,fsync (+ sync)',
  rounds: 5,
  setup,
  async subject(context) {
    return TOTAL_MIB / (await tracked(context, () => seconds(() => overwriteFiles(context.files))));
  },
  async reference(context) {
    const time = await seconds(async () => {
      for (const file of context.files) await ddFile(context.stream, file, Number(path.basename(path.dirname(file)).replace('mib', '')));
      await exec('sync');
    });
    return TOTAL_MIB / time;
  },
  teardown,
  notes: memoryNote,
};

const overwriteOneFile: Benchmark<Context> = {
  name: 'erasure: 1-pass overwrite, one 1 GiB file',
  unit: 'MiB/s',
  higherIsBetter: true,
  target: 0.9,
  referenceName: 'dd oflag=direct conv=notrunc,fsync (+ sync)',
  rounds: 5,
  setup,
  subject: async (context) => TOTAL_MIB / (await tracked(context, () => seconds(() => overwriteFiles([context.single])))),
  async reference(context) {
    return (
      TOTAL_MIB /
      (await seconds(async () => {
        await ddFile(context.stream, context.single, TOTAL_MIB);
        await exec('sync');
      }))
    );
  },
  teardown,
  notes: memoryNote,
};

/** The whole job as the app runs it, timed from planning to the summary. */
async function wholeJobSeconds(context: Context): Promise<number> {
  const root = await freshTree(context, 'job');
  return tracked(context, () =>
    seconds(async () => {
      const jobId = await planErasure(context.db, { targets: [root] });
      const summary = await runErasureJobInWorker(context.worker, context.database, jobId);
      if (summary.filesErased !== context.files.length) throw new Error(`only ${summary.filesErased} files erased`);
    }),
  );
}

/** Every file read back in full, unbuffered, by dd in one shell loop. */
async function readBackDirect(files: readonly string[]): Promise<void> {
  await exec('sh', ['-c', 'for f do dd if="$f" of=/dev/null bs=4M iflag=direct status=none || exit 1; done', 'sh', ...files]);
}

const wholeJob: Benchmark<Context> = {
  name: 'erasure: whole job (plan, hash, overwrite, verify, remove; worker), 1 GiB in 73 files',
  unit: 's',
  higherIsBetter: false,
  target: 0.625,
  referenceName: 'shred -n 1 -u (+ rm of the emptied folders)',
  rounds: 5,
  setup,
  subject: wholeJobSeconds,
  async reference(context) {
    const root = await freshTree(context, 'shred');
    return seconds(async () => {
      await exec('shred', ['-n', '1', '-u', ...fileList(root)]);
      await rm(root, { recursive: true });
    });
  },
  teardown,
  notes: memoryNote,
};

const wholeJobVerified: Benchmark<Context> = {
  name: 'erasure: whole job vs shred plus an O_DIRECT read-back, 1 GiB in 73 files',
  unit: 's',
  higherIsBetter: false,
  target: 0.9,
  referenceName: 'shred -n 1, dd iflag=direct of each file, shred -n 0 -u (+ rm of the folders)',
  rounds: 5,
  setup,
  subject: wholeJobSeconds,
  async reference(context) {
    const root = await freshTree(context, 'shred');
    const files = fileList(root);
    return seconds(async () => {
      await exec('shred', ['-n', '1', ...files]);
      await readBackDirect(files);
      await exec('shred', ['-n', '0', '-u', ...files]);
      await rm(root, { recursive: true });
    });
  },
  teardown,
  notes: memoryNote,
};

export default [overwriteOnly, overwriteOneFile, wholeJob, wholeJobVerified];
