/**
 * A vault written by a newer FieldGuard (issue 18): opening it with this build is refused with
 * a typed error that says which schema the vault has and which this build handles — through
 * the app's router and from the command line — and the database file is left exactly as it
 * was (no migration, no silent downgrade). Real SQLCipher vaults and the real CLI.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations/index';
import { createRouter } from '../../electron/core/ipc/router';
import { databasePath } from '../../electron/core/vault/vault-session';
import { KEYCHAIN_SERVICE } from '../../electron/platform/keychain/keytar-key-store';
import { errorMessage } from '../../electron/shared/error-messages';
import { initVaultWithCli, runFieldguard } from '../support/run-cli';
import { createTestCore, recordingLogger, TEST_PASSWORD, type TestCore } from '../support/test-core';

const SUPPORTED = Math.max(...migrations.map((m) => m.version));
const NEWER = SUPPORTED + 3;

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** Marks the unlocked vault's database as written by a newer schema, then locks it. */
async function pretendNewerSchema(core: TestCore): Promise<void> {
  core.vault.session().db.pragma(`user_version = ${NEWER}`);
  await core.handlers['vault.lock']({});
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('a vault from a newer FieldGuard', () => {
  it('is refused at unlock with both schema numbers, and its database is not touched', async () => {
    const core = await createTestCore();
    cleanups.push(() => core.cleanup());
    await core.createVault();
    await pretendNewerSchema(core);
    const before = await sha256(databasePath(core.dataDir));

    const reply = await createRouter(core.handlers, recordingLogger(core.logLines)).handle('vault.unlock', { password: TEST_PASSWORD });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'VAULT_SCHEMA_NEWER', messageKey: 'errors.VAULT_SCHEMA_NEWER', params: { found: NEWER, supported: SUPPORTED } },
    });
    expect((await core.handlers['vault.status']({})).state).toBe('locked');
    expect(await sha256(databasePath(core.dataDir))).toBe(before);
    // What the screen shows, in both languages: the numbers, and that nothing was changed.
    expect(errorMessage('VAULT_SCHEMA_NEWER', 'ja', { found: NEWER, supported: SUPPORTED })).toContain(`スキーマ ${NEWER}`);
    expect(errorMessage('VAULT_SCHEMA_NEWER', 'en', { found: NEWER, supported: SUPPORTED })).toMatch(
      new RegExp(`schema ${NEWER}; this FieldGuard handles up to ${SUPPORTED}`),
    );
  });

  it('is refused by the command line with the same message', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-schema-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await initVaultWithCli(dataDir, TEST_PASSWORD);
    const core = await createTestCore({}, { dataDir, keychainService: KEYCHAIN_SERVICE });
    await core.vault.unlock(TEST_PASSWORD);
    await pretendNewerSchema(core);
    const before = await sha256(databasePath(dataDir));

    const run = await runFieldguard(['vault', 'list', '--password-stdin', '--data-dir', dataDir], `${TEST_PASSWORD}\n`, 'en_US.UTF-8');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `VAULT_SCHEMA_NEWER: This vault was updated by a newer version of FieldGuard (vault schema ${NEWER}; this FieldGuard handles up to ${SUPPORTED}).`,
    );
    expect(await sha256(databasePath(dataDir))).toBe(before);
  });
});
