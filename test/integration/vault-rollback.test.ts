/**
 * Putting back an older copy of the data folder (issue 17). Someone who copied `throttle.json`
 * a moment earlier could restore it and start guessing again from zero; someone who restores an
 * older `vault.db` removes the end of the audit log without a trace, and the next unlock
 * shredded the items imported since as "orphans". With a monotonic anchor in the OS keychain
 * (next to the device secret): the counter survives the restored file, and the unlock of a
 * rolled-back database says so in the audit log and in the vault's status, and keeps the
 * ciphertexts it cannot account for instead of shredding them. Real SQLCipher, real keychain.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCodeOf as code } from '../support/error-code';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const PASSWORD = TEST_PASSWORD;
const WRONG = 'まちがった合言葉 staple orbit 9';

let core: TestCore;
beforeEach(async () => {
  core = await createTestCore({ now: () => new Date() });
  await core.createVault();
});
afterEach(async () => {
  await core.cleanup();
});

const file = (name: string) => path.join(core.dataDir, name);

describe('a restored throttle.json', () => {
  it('does not give the guesses back', async () => {
    await core.handlers['vault.lock']({});
    await copyFile(file('throttle.json'), file('throttle.json.copy'));
    for (let i = 0; i < 3; i += 1)
      expect(await code(() => core.handlers['vault.unlock']({ password: WRONG }))).toBe('VAULT_WRONG_PASSWORD');
    await copyFile(file('throttle.json.copy'), file('throttle.json'));
    expect((await core.handlers['vault.status']({})).failures).toBe(3);
  });
});

describe('a restored, older vault.db', () => {
  it('is found at unlock, written in the audit log and the status, and nothing imported since is shredded', async () => {
    await core.handlers['vault.lock']({});
    await copyFile(file('vault.db'), path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-vault.db.old`));

    await core.handlers['vault.unlock']({ password: PASSWORD });
    const source = path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-visit`);
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, 'scan.txt'), 'patient list');
    core.dialogs.importSources = [source];
    await core.handlers['vault.items.import']({ jobId: crypto.randomUUID(), collection: 'visit-1', pick: 'folder' });
    const imported = await readdir(file('files'));
    expect(imported.length).toBeGreaterThan(0);
    await core.handlers['vault.lock']({});

    await copyFile(path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-vault.db.old`), file('vault.db'));
    await core.handlers['vault.unlock']({ password: PASSWORD });

    const status = await core.handlers['vault.status']({});
    expect(status.rollback).toMatchObject({ kind: 'older' });
    expect(status.rollback?.foundSeq).toBeLessThan(status.rollback?.anchorSeq ?? 0);
    const { entries } = await core.handlers['audit.list']({ types: ['vault.rollback-detected'] });
    expect(entries).toHaveLength(1);
    expect(await readdir(file('files'))).toEqual(imported);
  });

  it('an unchanged vault unlocks without a finding', async () => {
    await core.handlers['vault.lock']({});
    await core.handlers['vault.unlock']({ password: PASSWORD });
    expect((await core.handlers['vault.status']({})).rollback ?? null).toBeNull();
  });
});
