/**
 * The data folder is the engineer's alone (issue 17): on POSIX the folder and every folder in it
 * are 0700 and every file 0600 — the database, its journal, the header, the throttle counter, the
 * encrypted items — whatever the umask, whether the CLI or the app made it; a certificate PDF the
 * CLI saves is 0600 too (it names the site and the engineer). Made with the real CLI, with a
 * permissive umask as a shared workstation might have.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initVaultWithCli, runFieldguard } from '../support/run-cli';

const PASSWORD = '湯呑みと珈琲 horse battery 42';

async function modes(root: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  const visit = async (dir: string): Promise<void> => {
    out.push([path.relative(root, dir) || '.', ((await stat(dir)).mode & 0o777).toString(8)]);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await visit(full);
      else out.push([path.relative(root, full), ((await stat(full)).mode & 0o777).toString(8)]);
    }
  };
  await visit(root);
  return out;
}

describe.skipIf(process.platform === 'win32')('permissions of what FieldGuard writes (POSIX)', () => {
  let work: string;
  let oldMask: number;
  beforeAll(async () => {
    oldMask = process.umask(0o002);
    work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-perm-'));
  });
  afterAll(async () => {
    process.umask(oldMask);
    await rm(work, { recursive: true, force: true });
  });

  it('the data folder and everything in it is the owner’s only', { timeout: 120_000 }, async () => {
    const dataDir = path.join(work, 'new', 'data');
    await initVaultWithCli(dataDir, PASSWORD);
    const source = path.join(work, 'scan.txt');
    await writeFile(source, 'patient list');
    const imported = await runFieldguard(
      ['vault', 'import', source, '--collection', 'visit-1', '--password-stdin', '--data-dir', dataDir],
      `${PASSWORD}\n`,
    );
    expect(imported.stderr).toBe('');
    const found = await modes(dataDir);
    expect(found.filter(([name]) => name.endsWith('.db') || name === 'vault.json').length).toBeGreaterThan(0);
    expect(found.filter(([, mode]) => mode !== '700' && mode !== '600')).toEqual([]);
  });

  it('a certificate the CLI saves is the owner’s only', { timeout: 120_000 }, async () => {
    const dataDir = path.join(work, 'cert-data');
    await initVaultWithCli(dataDir, PASSWORD);
    const target = path.join(work, 'visit');
    await writeFile(path.join(work, 'placeholder'), '');
    await rm(target, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(target));
    await writeFile(path.join(target, 'a.dcm'), 'x'.repeat(10_000));
    const certificate = path.join(work, 'erasure.pdf');
    const erased = await runFieldguard(
      ['erase', target, '--site', '東都病院', '--certificate', certificate, '--password-stdin', '--data-dir', dataDir],
      `${PASSWORD}\n`,
    );
    expect(erased.code, erased.stderr).toBe(0);
    expect(((await stat(certificate)).mode & 0o777).toString(8)).toBe('600');
  });
});

describe('a data folder whose vault.json went missing', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-noheader-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('is never wiped by a new setup: the setup is refused and says how to recover', { timeout: 120_000 }, async () => {
    const dataDir = path.join(work, 'data');
    await initVaultWithCli(dataDir, PASSWORD);
    const source = path.join(work, 'scan.txt');
    await writeFile(source, 'patient list');
    expect(
      (
        await runFieldguard(
          ['vault', 'import', source, '--collection', 'visit-1', '--password-stdin', '--data-dir', dataDir],
          `${PASSWORD}\n`,
        )
      ).code,
    ).toBe(0);
    const before = await modes(dataDir);
    await rm(path.join(dataDir, 'vault.json'));

    const again = await runFieldguard(
      [
        'vault',
        'init',
        '--name',
        '山田 太郎',
        '--company',
        '東都メディカル株式会社',
        '--employee-id',
        'E-20417',
        '--password-only',
        '--password-stdin',
        '--data-dir',
        dataDir,
      ],
      `${PASSWORD}\n`,
      'en_US.UTF-8',
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/Put vault\.json back from a backup/);
    expect((await modes(dataDir)).map(([name]) => name)).toEqual(before.map(([name]) => name).filter((name) => name !== 'vault.json'));
  });
});
