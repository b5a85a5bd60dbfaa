/**
 * Issue 3: the vault's file encryption (7-3) on a 1 GiB file against `openssl enc -aes-256-ctr`
 * on the same file. Importing (encryptFile) and exporting (decryptFile) must each reach 0.6 of
 * openssl's throughput. Every run writes a fresh destination and deletes it afterwards; ours
 * also authenticates every chunk and fsyncs, which openssl does not, and import hashes the
 * plaintext (export skips that, as the vault's export does: the import's digest stands).
 * The notes give the subject's peak RSS growth (sampled) and the process's peak RSS.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomFillSync } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decryptFile, encryptFile } from '../../electron/core/vault/file-cipher';
import { measureRssGrowth } from '../support/peak-memory';
import type { Benchmark } from './benchmark';

const exec = promisify(execFile);
const SIZE = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;
const FILE_ID = 'bench-item/one-gib.bin';

interface Context {
  readonly dir: string;
  /** 1 GiB of random plaintext. */
  readonly plain: string;
  /** The plaintext as a vault file, and as openssl's ciphertext: the inputs of the decrypt runs. */
  readonly vault: string;
  readonly opensslCiphertext: string;
  readonly key: Buffer;
  readonly iv: Buffer;
  runs: number;
  peakRssGrowth: number;
}

/** Lets the disk finish writing the inputs, so that no run pays for setup's writeback. */
async function settleDisk(): Promise<void> {
  await exec('sync');
}

async function setup(): Promise<Context> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-bench-'));
  const plain = path.join(dir, 'one-gib.bin');
  const handle = await open(plain, 'w');
  const block = Buffer.alloc(16 * MIB);
  for (let written = 0; written < SIZE; written += block.length) await handle.write(randomFillSync(block));
  await handle.close();
  await settleDisk();
  return {
    dir,
    plain,
    vault: path.join(dir, 'one-gib.fgvf'),
    opensslCiphertext: path.join(dir, 'one-gib.ctr'),
    key: randomBytes(32),
    iv: randomBytes(16),
    runs: 0,
    peakRssGrowth: 0,
  };
}

function freshDestination(context: Context): string {
  context.runs += 1;
  return path.join(context.dir, `run-${context.runs}.out`);
}

/** Times `work` writing to a fresh destination, deletes that file, and returns MiB/s of plaintext. */
async function throughput(context: Context, work: (destination: string) => Promise<unknown>): Promise<number> {
  const destination = freshDestination(context);
  try {
    const start = process.hrtime.bigint();
    await work(destination);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return SIZE / MIB / seconds;
  } finally {
    await rm(destination, { force: true });
  }
}

/** Like throughput, sampling this process's RSS while FieldGuard's code runs. */
async function subjectThroughput(context: Context, work: (destination: string) => Promise<unknown>): Promise<number> {
  const { result, growth } = await measureRssGrowth(() => throughput(context, work));
  context.peakRssGrowth = Math.max(context.peakRssGrowth, growth);
  return result;
}

function openssl(context: Context, direction: '-e' | '-d', input: string, output: string): Promise<unknown> {
  const hex = (bytes: Buffer) => bytes.toString('hex');
  return exec('openssl', ['enc', direction, '-aes-256-ctr', '-K', hex(context.key), '-iv', hex(context.iv), '-in', input, '-out', output]);
}

function memoryNotes(context: Context): string {
  const peakRss = process.resourceUsage().maxRSS / 1024;
  return `subject's peak RSS growth ${(context.peakRssGrowth / MIB).toFixed(0)} MiB (sampled every 5 ms); process peak RSS ${peakRss.toFixed(0)} MiB`;
}

const common = {
  unit: 'MiB/s',
  higherIsBetter: true,
  target: 0.6,
  rounds: 3,
  teardown: ({ dir }: Context) => rm(dir, { recursive: true, force: true }),
  notes: memoryNotes,
} as const;

const vaultImport: Benchmark<Context> = {
  ...common,
  name: 'vault import (encrypt), 1 GiB',
  referenceName: 'openssl enc -aes-256-ctr',
  setup,
  subject: (context) =>
    subjectThroughput(context, (destination) => encryptFile(context.plain, destination, context.key, { fileId: FILE_ID })),
  reference: (context) => throughput(context, (destination) => openssl(context, '-e', context.plain, destination)),
};

const vaultExport: Benchmark<Context> = {
  ...common,
  name: 'vault export (decrypt), 1 GiB',
  referenceName: 'openssl enc -d -aes-256-ctr',
  async setup() {
    const context = await setup();
    await encryptFile(context.plain, context.vault, context.key, { fileId: FILE_ID });
    await openssl(context, '-e', context.plain, context.opensslCiphertext);
    await settleDisk();
    return context;
  },
  subject: (context) =>
    subjectThroughput(context, (destination) =>
      decryptFile(context.vault, destination, context.key, { fileId: FILE_ID, skipDigest: true }),
    ),
  reference: (context) => throughput(context, (destination) => openssl(context, '-d', context.opensslCiphertext, destination)),
};

export default [vaultImport, vaultExport];
