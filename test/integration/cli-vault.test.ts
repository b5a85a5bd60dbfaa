/**
 * The vault and audit commands as an engineer scripts them: passwords on standard input
 * (never in arguments), JSON output, and the exit codes 0 / 1 (refused) / 2 (error) — the
 * real CLI process, the real keychain, calibrated Argon2id.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/test-core';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let dataDir: string;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function fieldguard(args: string[], stdin = '', language = 'ja_JP.UTF-8'): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', ...args, ...(args[0] === 'verify' ? [] : ['--data-dir', dataDir])],
      { cwd: root, env: { ...process.env, LANG: language } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number | string }).code ?? 2) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-cli-'));
  dataDir = path.join(work, 'data');
  await mkdir(path.join(work, 'visit'), { recursive: true });
  await writeFile(path.join(work, 'visit', 'report.txt'), '点検報告 2026-11-26\n');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const init = [
  'vault',
  'init',
  '--name',
  '山田 太郎',
  '--company',
  '東都メディカル株式会社',
  '--employee-id',
  'E-20417',
  '--password-stdin',
];

describe('fieldguard vault and audit', () => {
  it('init refuses a weak password with the reason (exit 1), then creates the vault and prints the recovery key once', async () => {
    const weak = await fieldguard(init, 'password1234\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('VAULT_PASSWORD_REJECTED');
    expect(weak.stderr).toContain('よく使われるパスワード');

    const created = await fieldguard([...init, '--json'], `${TEST_PASSWORD}\n`);
    expect(created.code).toBe(0);
    const result = JSON.parse(created.stdout) as { created: boolean; protection: string; recoveryKey: string };
    expect(result).toMatchObject({ created: true, protection: 'password+device' });
    expect(result.recoveryKey).toMatch(/^(\d{6}-){7}\d{6}$/);

    const again = await fieldguard(init, `${TEST_PASSWORD}\n`);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('VAULT_ALREADY_INITIALIZED');
  }, 90_000);

  it('status needs no password', async () => {
    const status = await fieldguard(['vault', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      state: 'locked',
      protection: 'password+device',
      deviceSecret: 'present',
      failures: 0,
    });
  }, 30_000);

  it('import, list, export and erase-item, each with the password on standard input', async () => {
    const imported = await fieldguard(
      ['vault', 'import', path.join(work, 'visit'), '--collection', '東都病院', '--password-stdin', '--json'],
      `${TEST_PASSWORD}\n`,
    );
    expect(imported.code).toBe(0);
    const [item] = (JSON.parse(imported.stdout) as { items: Array<{ id: string; relativePath: string }> }).items;
    expect(item?.relativePath).toBe('visit/report.txt');

    const listed = await fieldguard(['vault', 'list', '--password-stdin', '--json'], `${TEST_PASSWORD}\n`);
    expect((JSON.parse(listed.stdout) as { items: unknown[] }).items).toHaveLength(1);

    const out = path.join(work, 'out');
    const exported = await fieldguard(['vault', 'export', item!.id, '--out', out, '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect(exported.code).toBe(0);
    expect(await readFile(path.join(out, 'visit', 'report.txt'), 'utf8')).toBe('点検報告 2026-11-26\n');

    const erased = await fieldguard(['vault', 'erase-item', item!.id, '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect(erased.code).toBe(0);
    const after = await fieldguard(['vault', 'list', '--password-stdin', '--json'], `${TEST_PASSWORD}\n`);
    expect((JSON.parse(after.stdout) as { items: unknown[] }).items).toEqual([]);
  }, 120_000);

  it('a wrong password is a refusal (exit 1) and is counted', async () => {
    const wrong = await fieldguard(['vault', 'list', '--password-stdin'], 'not the password at all\n', 'en_US.UTF-8');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('VAULT_WRONG_PASSWORD: The password is not correct.\n');
    const status = await fieldguard(['vault', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ failures: 1 });
  }, 60_000);

  it('audit list shows what happened and audit verify says the log is intact', async () => {
    const list = await fieldguard(
      ['audit', 'list', '--type', 'vault.item-imported', '--type', 'vault.item-erased', '--password-stdin', '--json'],
      `${TEST_PASSWORD}\n`,
    );
    const entries = (JSON.parse(list.stdout) as { entries: Array<{ type: string }> }).entries;
    expect(entries.map((e) => e.type)).toEqual(['vault.item-erased', 'vault.item-imported']);
    const verify = await fieldguard(['audit', 'verify', '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^監査ログは完全です（\d+ 件）。\n$/);
  }, 60_000);

  it('erase overwrites, verifies and removes a folder, and writes a certificate that verify accepts', async () => {
    const folder = path.join(work, '消去対象');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'a.log'), 'ログ 1\n'.repeat(1000));
    await writeFile(path.join(folder, 'b.dcm'), Buffer.alloc(200_000, 3));
    const certificate = path.join(work, 'erasure.pdf');
    const erased = await fieldguard(
      ['erase', folder, '--site', '東都病院', '--administrator', '佐藤 一郎', '--certificate', certificate, '--password-stdin', '--json'],
      `${TEST_PASSWORD}\n`,
    );
    expect(erased.code).toBe(0);
    const result = JSON.parse(erased.stdout) as { status: string; totals: { filesErased: number }; certificate: string };
    expect(result).toMatchObject({ status: 'erased', totals: { filesErased: 2 } });
    expect(result.certificate).toMatch(/^E-20417-ER-\d{4}-000001-[0-9A-HJKMNP-TV-Z]{6}$/);
    await expect(readFile(path.join(folder, 'a.log'))).rejects.toThrow();
    // This vault's engineer never enrolled with the company authority: intact, issuer not confirmed (exit 1).
    const verified = await fieldguard(['verify', certificate, '--json']);
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      status: 'issuer-unconfirmed',
      problem: 'CERT_NOT_COMPANY_CERTIFIED',
      number: result.certificate,
    });
  }, 120_000);

  it('change-password reads the current and the new password from two lines', async () => {
    const next = 'べつの 長い合言葉 staple orbit 7';
    const changed = await fieldguard(['vault', 'change-password', '--password-stdin'], `${TEST_PASSWORD}\n${next}\n`);
    expect(changed.code).toBe(0);
    expect((await fieldguard(['vault', 'list', '--password-stdin'], `${TEST_PASSWORD}\n`)).code).toBe(1);
    expect((await fieldguard(['vault', 'list', '--password-stdin'], `${next}\n`)).code).toBe(0);
  }, 90_000);
});
