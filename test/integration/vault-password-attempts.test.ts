/**
 * Every password try counts, however it arrives (issue 17): thirty wrong unlocks sent at once
 * through the app's router, and six `fieldguard` processes started together, may not test more
 * passwords than the throttle allows, and the counter on disk says how many were tried. Changing
 * the password and rotating the master key take the password too: both wait for the throttle and
 * count a wrong password, so an unlocked vault is no unlimited password oracle. Real SQLCipher
 * vaults, the real keychain, the real CLI.
 */
import { link, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core/ipc/router';
import { FREE_ATTEMPTS } from '../../electron/core/vault/unlock-throttle';
import { errorCodeOf as code } from '../support/error-code';
import { initVaultWithCli, runFieldguard } from '../support/run-cli';
import { createTestCore, recordingLogger, TEST_PASSWORD, type TestCore } from '../support/test-core';

const PASSWORD = TEST_PASSWORD;
const WRONG = 'まちがった合言葉 staple orbit 9';

let core: TestCore;
beforeEach(async () => {
  core = await createTestCore({ now: () => new Date() });
});
afterEach(async () => {
  await core.cleanup();
});

async function setUp(): Promise<void> {
  await core.createVault();
}

describe('password tries at the same time', () => {
  it('thirty wrong unlocks at once through the router: no more than the free tries are tested, and each is counted', async () => {
    await setUp();
    await core.handlers['vault.lock']({});
    const router = createRouter(core.handlers, recordingLogger(core.logLines));
    const replies = await Promise.all(Array.from({ length: 30 }, () => router.handle('vault.unlock', { password: WRONG })));
    const codes = replies.map((reply) => (reply.ok ? 'OK' : reply.error.code));
    const tested = codes.filter((c) => c === 'VAULT_WRONG_PASSWORD').length;
    expect(codes.filter((c) => c !== 'VAULT_WRONG_PASSWORD' && c !== 'VAULT_THROTTLED')).toEqual([]);
    expect(tested).toBe(FREE_ATTEMPTS);
    expect((await core.handlers['vault.status']({})).failures).toBe(tested);
    // The right password now waits too: the throttle holds whoever asks.
    expect(await code(() => core.handlers['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_THROTTLED');
  });

  it('six CLI processes at once: every wrong password they tested is on the counter', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-attempts-'));
    try {
      await initVaultWithCli(dataDir, PASSWORD);
      const runs = await Promise.all(
        Array.from({ length: 6 }, () =>
          runFieldguard(['vault', 'list', '--password-stdin', '--data-dir', dataDir], `${WRONG}\n`, 'en_US.UTF-8'),
        ),
      );
      const wrong = runs.filter((run) => /password is not correct/i.test(run.stderr)).length;
      const throttled = runs.filter((run) => /Too many wrong passwords/i.test(run.stderr)).length;
      expect(runs.map((run) => run.code).every((exit) => exit !== 0)).toBe(true);
      expect(wrong + throttled).toBe(6);
      expect(wrong).toBeLessThanOrEqual(FREE_ATTEMPTS);
      const status = JSON.parse((await runFieldguard(['vault', 'status', '--json', '--data-dir', dataDir])).stdout) as { failures: number };
      expect(status.failures).toBe(wrong);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('operations of an unlocked vault that take the password', () => {
  it('a wrong password for a master-key rotation is counted like a wrong unlock', async () => {
    await setUp();
    expect(await code(async () => core.handlers['vault.rotateMasterKey']((await core.prepareRotation(WRONG)).request))).toBe(
      'VAULT_WRONG_PASSWORD',
    );
    expect((await core.handlers['vault.status']({})).failures).toBe(1);
  });

  it('once the throttle holds, changing the password and rotating wait too, even with the right password', async () => {
    await setUp();
    for (let i = 0; i < FREE_ATTEMPTS; i += 1) {
      expect(
        await code(() =>
          core.handlers['vault.changePassword']({
            currentPassword: WRONG,
            newPassword: 'あたらしい 長い合言葉 orbit 77',
            newPasswordConfirmation: 'あたらしい 長い合言葉 orbit 77',
          }),
        ),
      ).toBe('VAULT_WRONG_PASSWORD');
    }
    expect((await core.handlers['vault.status']({})).failures).toBe(FREE_ATTEMPTS);
    expect(
      await code(() =>
        core.handlers['vault.changePassword']({
          currentPassword: PASSWORD,
          newPassword: 'あたらしい 長い合言葉 orbit 77',
          newPasswordConfirmation: 'あたらしい 長い合言葉 orbit 77',
        }),
      ),
    ).toBe('VAULT_THROTTLED');
    expect(await code(async () => core.handlers['vault.rotateMasterKey']((await core.prepareRotation(PASSWORD)).request))).toBe(
      'VAULT_THROTTLED',
    );
    expect((await core.handlers['vault.status']({})).failures).toBe(FREE_ATTEMPTS);
  });
});

describe('two password changes at once', () => {
  it('exactly one succeeds, and the password in effect is the one that said so', async () => {
    await setUp();
    const first = 'ひとつめの 新しい合言葉 orbit 71';
    const second = 'ふたつめの 新しい合言葉 orbit 72';
    const results = await Promise.allSettled(
      [first, second].map(async (next) =>
        core.handlers['vault.changePassword']({ currentPassword: PASSWORD, newPassword: next, newPasswordConfirmation: next }),
      ),
    );
    const succeeded = results.flatMap((result, i) => (result.status === 'fulfilled' ? [[first, second][i] as string] : []));
    expect(succeeded).toHaveLength(1);
    const failed = results.find((result) => result.status === 'rejected');
    expect(failed && (failed.reason as { code?: string }).code).toBe('VAULT_WRONG_PASSWORD');
    await core.handlers['vault.lock']({});
    const other = succeeded[0] === first ? second : first;
    expect(await code(() => core.handlers['vault.unlock']({ password: other }))).toBe('VAULT_WRONG_PASSWORD');
    await core.handlers['vault.unlock']({ password: succeeded[0] as string });
    expect((await core.handlers['vault.status']({})).state).toBe('unlocked');
  });
});

describe('a vault.json that asks for more work than FieldGuard ever sets', () => {
  it.each([
    ['4 GiB of memory', { memoryKiB: 4 * 1024 * 1024 }],
    ['64 passes', { iterations: 64 }],
  ])('%s per try is refused as a damaged header before any derivation', async (_name, kdf) => {
    await setUp();
    await core.handlers['vault.lock']({});
    const file = path.join(core.dataDir, 'vault.json');
    const header = JSON.parse(await readFile(file, 'utf8')) as { kdf: Record<string, unknown> };
    await writeFile(file, JSON.stringify({ ...header, kdf: { ...header.kdf, ...kdf } }));
    const started = performance.now();
    expect(await code(() => core.handlers['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_HEADER_DAMAGED');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe.skipIf(process.platform === 'win32')('the database file a master-key rotation replaces', () => {
  it('is overwritten, so whoever held the old database key finds nothing in its blocks', async () => {
    await setUp();
    // Locking checkpoints the write-ahead log into the file, so the file holds the vault's pages.
    await core.handlers['vault.lock']({});
    await core.handlers['vault.unlock']({ password: PASSWORD });
    // A second name for the database file stands for its blocks, freed but not yet reused.
    const db = path.join(core.dataDir, 'vault.db');
    const oldBlocks = path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-old-blocks.db`);
    await link(db, oldBlocks);
    try {
      const before = await readFile(oldBlocks);
      await core.handlers['vault.rotateMasterKey']((await core.prepareRotation(PASSWORD)).request);
      const after = await readFile(oldBlocks);
      expect(before.length).toBeGreaterThan(4096 * 8);
      expect(after.length).toBeGreaterThanOrEqual(before.length);
      // Not one 4 KiB page of the old file is left as it was.
      const pages = Math.floor(before.length / 4096);
      const unchanged = Array.from({ length: pages }, (_, i) =>
        before.subarray(i * 4096, (i + 1) * 4096).equals(after.subarray(i * 4096, (i + 1) * 4096)),
      ).filter(Boolean).length;
      expect(unchanged).toBe(0);
      // The vault itself opens under the new key.
      await core.handlers['vault.lock']({});
      await core.handlers['vault.unlock']({ password: PASSWORD });
    } finally {
      await rm(oldBlocks, { force: true });
    }
  });
});
