/**
 * Kill -9 in the middle of an import, an export, an erase and a master-key rotation, at
 * several points each: afterwards the vault must open with the right password, its audit
 * log must verify, every listed item must decrypt to its recorded SHA-256, nothing may be
 * left half-done (no orphan ciphertext, no partial export) and no plaintext may be in the
 * data folder. Each operation is either fully done or fully undone.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const MARKER = 'CRASH-MARKER-患者-4711';
const root = path.resolve(import.meta.dirname, '../..');
const created: string[] = [];

afterAll(async () => {
  for (const dir of created) await rm(dir, { recursive: true, force: true });
});

async function sourceFiles(dir: string, count: number, size: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = path.join(dir, `file-${i}.bin`);
    const body = Buffer.alloc(size, i % 251);
    Buffer.from(MARKER).copy(body, 0);
    await writeFile(file, body);
    files.push(file);
  }
  return files;
}

async function preparedVault(itemCount: number, itemSize: number): Promise<TestCore> {
  const core = await createTestCore();
  created.push(core.dataDir, `${core.dataDir}-src`, `${core.dataDir}-out`);
  await core.createVault();
  if (itemCount > 0) {
    core.dialogs.importSources = await sourceFiles(`${core.dataDir}-src`, itemCount, itemSize);
    await core.handlers['vault.items.import']({ jobId: crypto.randomUUID(), collection: 'before', pick: 'files' });
  }
  core.vault.lock('shutdown');
  return core;
}

/**
 * Runs the worker and kills it `delayMs` after it reports that the operation started. A
 * worker that fails on its own (an exception, not our SIGKILL) fails the test: the crash
 * must interrupt real work.
 */
function runAndKill(core: TestCore, delayMs: number, op: string, args: string[]): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/integration/crash-worker.ts', core.dataDir, core.keychainService, op, ...args],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    let finished = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('finished')) finished = true;
      if (output.includes('started') && !child.killed) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (finished) resolve('finished');
      else if (signal === 'SIGKILL') resolve('killed');
      else reject(new Error(`the worker failed by itself (exit ${code})`));
    });
  });
}

async function assertConsistent(core: TestCore): Promise<Set<string>> {
  const reopened = await createTestCore({}, { dataDir: core.dataDir, keychainService: core.keychainService });
  await reopened.vault.unlock(TEST_PASSWORD);
  expect(await reopened.handlers['audit.verify']({})).toMatchObject({ intact: true });
  const { items } = await reopened.handlers['vault.items.list']({});
  const onDisk = (await readdir(path.join(core.dataDir, 'files'))).sort();
  expect(onDisk).toEqual(items.map((i) => `${i.id}.fgv`).sort());

  const out = `${core.dataDir}-check-${crypto.randomUUID()}`;
  created.push(out);
  reopened.dialogs.exportFolder = out;
  if (items.length > 0) await reopened.handlers['vault.items.export']({ jobId: crypto.randomUUID(), itemIds: items.map((i) => i.id) });
  for (const item of items) {
    const bytes = await readFile(path.join(out, item.relativePath));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(item.sha256);
  }
  const entries = await readdir(core.dataDir, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const bytes = await readFile(path.join(entry.parentPath, entry.name));
    expect(bytes.includes(Buffer.from(MARKER)), `${entry.name} holds plaintext`).toBe(false);
  }
  reopened.vault.lock('shutdown');
  return new Set(items.map((i) => i.id));
}

const DELAYS_MS = [0, 25, 60, 120, 250];
const outcomes: Record<'import' | 'export' | 'erase' | 'rotate', Array<'killed' | 'finished'>> = {
  import: [],
  export: [],
  erase: [],
  rotate: [],
};

/** Guards against a vacuous suite: at least one kill of each operation must land before it finished. */
function expectSomeKilled(op: keyof typeof outcomes): void {
  it('at least one kill interrupted the operation before it finished', () => {
    expect(outcomes[op]).toContain('killed');
  });
}

describe('kill -9 during an import', () => {
  for (const delay of DELAYS_MS) {
    it(`${delay} ms in: each file is either fully imported or not at all`, async () => {
      const core = await preparedVault(0, 0);
      const sources = await sourceFiles(`${core.dataDir}-new`, 4, 24 * 1024 * 1024);
      created.push(`${core.dataDir}-new`);
      outcomes.import.push(await runAndKill(core, delay, 'import', sources));
      const ids = await assertConsistent(core);
      expect(ids.size).toBeLessThanOrEqual(4);
    }, 120_000);
  }
  expectSomeKilled('import');
});

describe('kill -9 during an export', () => {
  for (const delay of DELAYS_MS) {
    it(`${delay} ms in: no half-written plaintext is left behind`, async () => {
      const core = await preparedVault(3, 24 * 1024 * 1024);
      const out = `${core.dataDir}-out`;
      outcomes.export.push(await runAndKill(core, delay, 'export', [out]));
      const before = await readdir(out, { recursive: true }).catch(() => [] as string[]);
      await assertConsistent(core);
      const after = await readdir(out, { recursive: true }).catch(() => [] as string[]);
      expect(after.filter((f) => f.endsWith('.partial'))).toEqual([]);
      expect(before.filter((f) => !f.endsWith('.partial')).every((f) => after.includes(f))).toBe(true);
    }, 120_000);
  }
  expectSomeKilled('export');
});

describe('kill -9 during an erase', () => {
  for (const delay of DELAYS_MS) {
    it(`${delay} ms in: each item is either still whole or gone with its key`, async () => {
      const core = await preparedVault(40, 64 * 1024);
      outcomes.erase.push(await runAndKill(core, delay, 'erase', []));
      const ids = await assertConsistent(core);
      expect(ids.size).toBeLessThanOrEqual(40);
    }, 120_000);
  }
  expectSomeKilled('erase');
});

describe('kill -9 during a master-key rotation', () => {
  for (const delay of [0, 5, 15, 40, 100]) {
    it(`${delay} ms in: the vault opens under the old or the new key with everything in it`, async () => {
      const core = await preparedVault(120, 1024);
      outcomes.rotate.push(await runAndKill(core, delay, 'rotate', []));
      const ids = await assertConsistent(core);
      expect(ids.size).toBe(120);
    }, 120_000);
  }
  expectSomeKilled('rotate');
});
