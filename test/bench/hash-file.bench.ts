/**
 * Issue 2: streaming SHA-256 of a 1 GiB file by the core's hashFile against coreutils'
 * sha256sum on the same file; target: at least 0.95 of sha256sum's throughput.
 */
import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { hashFile } from '../../electron/core/files/hash-file';
import type { Benchmark } from './benchmark';

const exec = promisify(execFile);
const SIZE = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

interface Context {
  readonly dir: string;
  readonly file: string;
}

async function throughput(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return SIZE / MIB / seconds;
}

const benchmark: Benchmark<Context> = {
  name: 'hashFile SHA-256, 1 GiB',
  unit: 'MiB/s',
  higherIsBetter: true,
  target: 0.95,
  referenceName: 'sha256sum',
  rounds: 5,
  async setup() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-bench-'));
    const file = path.join(dir, 'one-gib.bin');
    const handle = await open(file, 'w');
    const chunk = Buffer.alloc(16 * MIB);
    for (let written = 0; written < SIZE; written += chunk.length) await handle.write(randomFillSync(chunk));
    await handle.close();
    return { dir, file };
  },
  subject: ({ file }) => throughput(() => hashFile(file)),
  reference: ({ file }) => throughput(() => exec('sha256sum', [file])),
  teardown: ({ dir }) => rm(dir, { recursive: true, force: true }),
};

export default benchmark;
