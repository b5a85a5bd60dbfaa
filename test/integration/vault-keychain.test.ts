/**
 * Without any OS keychain (no Secret Service on the session bus), creating a vault fails
 * with a clear message unless the engineer explicitly asks for a password-only vault. Run
 * through the real CLI in a process whose D-Bus session address points nowhere.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/test-core';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-nokeychain-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function cliWithoutKeychain(args: string[], stdin: string) {
  const child = exec(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    cwd: root,
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '', LANG: 'ja_JP.UTF-8' },
  });
  child.child.stdin?.end(`${stdin}\n`);
  return child.then(
    (r) => ({ code: 0, ...r }),
    (error: unknown) => {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    },
  );
}

const init = ['vault', 'init', '--name', '山田 太郎', '--company', '東都メディカル', '--employee-id', 'E-1', '--password-stdin'];

describe('a laptop with no OS keychain', () => {
  it('refuses to create a device-bound vault, saying why', async () => {
    const result = await cliWithoutKeychain([...init, '--data-dir', dataDir], TEST_PASSWORD);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(result.stderr).toContain('OS キーチェーンを利用できません');
  }, 60_000);

  it('creates a password-only vault when asked to, and says it is one', async () => {
    const result = await cliWithoutKeychain([...init, '--password-only', '--data-dir', dataDir], TEST_PASSWORD);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/(\d{6}-){7}\d{6}/);
    expect(result.stdout).toContain('パスワードのみで保護');
    const status = await cliWithoutKeychain(['vault', 'status', '--json', '--data-dir', dataDir], '');
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'locked', protection: 'password-only', deviceSecret: 'not-used' });
  }, 60_000);
});
