/**
 * The vault as an engineer meets it: setup with the password rule and the recovery key,
 * unlock and lock, wrong passwords and throttling, a laptop whose keychain lost the device
 * secret, damaged files, password change, recovery and master-key rotation — with real
 * SQLCipher files and the real OS keychain (gnome-keyring under scripts/test.sh).
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openVaultDatabase } from '../../electron/db/open-vault-database';
import { deriveRecoveryKey, unwrapKey, type WrappedKey } from '../../electron/core/vault/key-hierarchy';
import { parseRecoveryKey } from '../../electron/core/vault/recovery-key';
import { masterKeyContext, type VaultHeader } from '../../electron/core/vault/vault-header';
import { errorCodeOf as code } from '../support/error-code';
import { createTestCore, type TestCore } from '../support/test-core';

const PASSWORD = '湯呑みと珈琲 horse battery 42';
const NEW_PASSWORD = 'べつの 長い合言葉 staple orbit 7';
const profile = { name: '山田 太郎', company: '東都メディカル株式会社', employeeId: 'E-20417' };

let clock = new Date('2026-11-26T01:00:00.000Z');
let core: TestCore;

beforeEach(async () => {
  clock = new Date('2026-11-26T01:00:00.000Z');
  core = await createTestCore({ now: () => clock });
});
afterEach(async () => {
  await core.cleanup();
});

const h = () => core.handlers;

async function setUp(options: { passwordOnly?: boolean } = {}): Promise<string> {
  const prepared = await h()['vault.prepareSetup']({
    profile,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    passwordOnly: options.passwordOnly ?? false,
  });
  const answers = prepared.confirmGroups.map((group) => ({ group, digits: prepared.groups[group]! }));
  await h()['vault.completeSetup']({ answers });
  return prepared.recoveryKey;
}

describe('first run', () => {
  it('starts uninitialized, and setup leaves the vault unlocked with the engineer’s profile', async () => {
    expect((await h()['vault.status']({})).state).toBe('uninitialized');
    await setUp();
    const status = await h()['vault.status']({});
    expect(status).toMatchObject({ state: 'unlocked', protection: 'password+device', deviceSecret: 'present', autoLockMinutes: 5 });
    expect(status.profile).toMatchObject(profile);
  });

  it('[14-6] refuses a weak password and mismatched confirmation before creating anything', async () => {
    expect(
      await code(() =>
        h()['vault.prepareSetup']({ profile, password: 'password1234', passwordConfirmation: 'password1234', passwordOnly: false }),
      ),
    ).toBe('VAULT_PASSWORD_REJECTED');
    expect(
      await code(() =>
        h()['vault.prepareSetup']({ profile, password: PASSWORD, passwordConfirmation: `${PASSWORD}x`, passwordOnly: false }),
      ),
    ).toBe('VAULT_PASSWORDS_DIFFER');
    expect((await h()['vault.status']({})).state).toBe('uninitialized');
  });

  it('finishes only when two groups of the recovery key are typed back correctly', async () => {
    const prepared = await h()['vault.prepareSetup']({ profile, password: PASSWORD, passwordConfirmation: PASSWORD, passwordOnly: false });
    expect(prepared.recoveryKey).toMatch(/^(\d{6}-){7}\d{6}$/);
    const wrong = prepared.confirmGroups.map((group) => ({ group, digits: '000000' }));
    expect(await code(() => h()['vault.completeSetup']({ answers: wrong }))).toBe('VAULT_RECOVERY_CONFIRMATION_MISMATCH');
    expect((await h()['vault.status']({})).state).toBe('uninitialized');
    const right = prepared.confirmGroups.map((group) => ({ group, digits: prepared.groups[group]! }));
    expect((await h()['vault.completeSetup']({ answers: right })).state).toBe('unlocked');
  });

  it('saves the recovery key to the file the engineer picks, in Japanese and English', async () => {
    const prepared = await h()['vault.prepareSetup']({ profile, password: PASSWORD, passwordConfirmation: PASSWORD, passwordOnly: false });
    core.dialogs.saveFile = path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-recovery.txt`);
    await expect(h()['vault.saveRecoveryKey']({})).resolves.toEqual({ saved: true });
    const text = await readFile(core.dialogs.saveFile, 'utf8');
    expect(text).toContain(prepared.recoveryKey);
    expect(text).toContain('回復キー');
    expect(text).toContain('Recovery key');
  });
});

describe('unlock and lock', () => {
  it('[7-3] lock drops the session; the right password opens it again; a wrong one is refused', async () => {
    await setUp();
    expect((await h()['vault.lock']({})).state).toBe('locked');
    expect(await code(() => h()['vault.items.list']({}))).toBe('VAULT_LOCKED');
    expect(core.events).toContainEqual(['vault.locked', { reason: 'manual' }]);
    expect(await code(() => h()['vault.unlock']({ password: 'not the password at all' }))).toBe('VAULT_WRONG_PASSWORD');
    expect((await h()['vault.unlock']({ password: PASSWORD })).state).toBe('unlocked');
  });

  it('accepts the password in any Unicode normalization form (NFKC)', async () => {
    await setUp();
    await h()['vault.lock']({});
    const fullWidth = PASSWORD.replace('42', '４２');
    expect((await h()['vault.unlock']({ password: fullWidth })).state).toBe('unlocked');
  });

  it('a wrong password says how many tries are left before only the recovery key unlocks', async () => {
    await setUp();
    await h()['vault.lock']({});
    const refusal = async (password: string) => {
      try {
        await h()['vault.unlock']({ password });
      } catch (error) {
        return error;
      }
      throw new Error('the wrong password unlocked the vault');
    };
    expect(await refusal('wrong 0 password')).toMatchObject({ code: 'VAULT_WRONG_PASSWORD', params: { failures: 1, triesLeft: 9 } });
    expect(await refusal('wrong 1 password')).toMatchObject({ code: 'VAULT_WRONG_PASSWORD', params: { failures: 2, triesLeft: 8 } });
    // The count the unlock screen shows after a restart agrees with the error's.
    expect((await h()['vault.status']({})).failures).toBe(2);
    await h()['vault.unlock']({ password: PASSWORD });
    await h()['vault.lock']({});
    expect(await refusal('wrong 2 password')).toMatchObject({ params: { failures: 1, triesLeft: 9 } });
  });

  it('after 5 wrong passwords the 6th try must wait 30 s, doubling; after 10 only the recovery key unlocks', async () => {
    const recoveryKey = await setUp();
    await h()['vault.lock']({});
    for (let i = 0; i < 5; i += 1)
      expect(await code(() => h()['vault.unlock']({ password: `wrong ${i} password` }))).toBe('VAULT_WRONG_PASSWORD');
    let status = await h()['vault.status']({});
    expect(status.failures).toBe(5);
    expect(status.retryAt).toBe(new Date(clock.getTime() + 30_000).toISOString());
    expect(await code(() => h()['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_THROTTLED');

    clock = new Date(clock.getTime() + 30_000);
    expect(await code(() => h()['vault.unlock']({ password: 'wrong 5 password' }))).toBe('VAULT_WRONG_PASSWORD');
    status = await h()['vault.status']({});
    expect(Date.parse(status.retryAt!) - clock.getTime()).toBe(60_000);

    for (let i = 6; i < 10; i += 1) {
      clock = new Date(Date.parse((await h()['vault.status']({})).retryAt!));
      expect(await code(() => h()['vault.unlock']({ password: `wrong ${i} password` }))).toBe('VAULT_WRONG_PASSWORD');
    }
    status = await h()['vault.status']({});
    expect(status).toMatchObject({ failures: 10, recoveryRequired: true });
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await code(() => h()['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_RECOVERY_REQUIRED');

    await h()['vault.recover']({ recoveryKey, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD });
    expect((await h()['vault.status']({})).failures).toBe(0);
    const { entries } = await h()['audit.list']({ types: ['vault.unlock-failed', 'vault.recovery-used'] });
    expect(entries.map((e) => e.type)).toEqual(['vault.recovery-used']);
  });

  it('records wrong passwords in the audit log at the next successful unlock', async () => {
    await setUp();
    await h()['vault.lock']({});
    await code(() => h()['vault.unlock']({ password: 'wrong password one' }));
    await code(() => h()['vault.unlock']({ password: 'wrong password two' }));
    await h()['vault.unlock']({ password: PASSWORD });
    const { entries } = await h()['audit.list']({ types: ['vault.unlock-failed'] });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ failures: 2 });
  });

  it('an edited or deleted failure counter is detected, and then only the recovery key unlocks', async () => {
    await setUp();
    await h()['vault.lock']({});
    await code(() => h()['vault.unlock']({ password: 'wrong password one' }));
    const file = path.join(core.dataDir, 'throttle.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { failures: number };
    await writeFile(file, JSON.stringify({ ...stored, failures: 0 }));
    expect(await code(() => h()['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_THROTTLE_TAMPERED');
    expect((await h()['vault.status']({})).throttleTampered).toBe(true);
  });
});

describe('a laptop whose keychain no longer holds the device secret', () => {
  it('says so, and the recovery key binds the vault to this laptop again', async () => {
    const recoveryKey = await setUp();
    const vaultId = (JSON.parse(await readFile(path.join(core.dataDir, 'vault.json'), 'utf8')) as { vaultId: string }).vaultId;
    await h()['vault.lock']({});
    await keytar.deletePassword(core.keychainService, vaultId);
    expect((await h()['vault.status']({})).deviceSecret).toBe('missing');
    expect(await code(() => h()['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_DEVICE_SECRET_MISSING');

    await h()['vault.recover']({ recoveryKey, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD });
    expect(await keytar.getPassword(core.keychainService, vaultId)).not.toBeNull();
    const { entries } = await h()['audit.list']({ types: ['vault.device-rebound'] });
    expect(entries).toHaveLength(1);
    await h()['vault.lock']({});
    expect((await h()['vault.unlock']({ password: NEW_PASSWORD })).state).toBe('unlocked');
  });

  it('a wrong or malformed recovery key is refused with its own message', async () => {
    await setUp();
    await h()['vault.lock']({});
    expect(
      await code(() => h()['vault.recover']({ recoveryKey: '123', newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD })),
    ).toBe('VAULT_RECOVERY_KEY_INVALID');
    const other = Array.from({ length: 8 }, () => '000011').join('-');
    expect(
      await code(() => h()['vault.recover']({ recoveryKey: other, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD })),
    ).toBe('VAULT_RECOVERY_KEY_WRONG');
  });
});

describe('damaged files', () => {
  it('a flipped byte in the database is reported as damage, not as a wrong password', async () => {
    await setUp();
    await h()['vault.lock']({});
    const file = path.join(core.dataDir, 'vault.db');
    const bytes = await readFile(file);
    bytes[bytes.length - 100]! ^= 0xff;
    await writeFile(file, bytes);
    expect(await code(() => h()['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_DATABASE_DAMAGED');
  });

  it('a damaged header is reported as such', async () => {
    await setUp();
    await h()['vault.lock']({});
    await writeFile(path.join(core.dataDir, 'vault.json'), '{"format":1,');
    expect(await code(() => h()['vault.status']({}))).toBe('VAULT_HEADER_DAMAGED');
    expect(await code(() => h()['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_HEADER_DAMAGED');
  });
});

describe('password change and master-key rotation', () => {
  it('a password change is instant: only the wrapped master key changes, the data stays', async () => {
    await setUp();
    const header = async () =>
      JSON.parse(await readFile(path.join(core.dataDir, 'vault.json'), 'utf8')) as {
        masterKey: { generation: number; byPassword: unknown; byRecovery: unknown };
      };
    const before = await header();
    expect(
      await code(() =>
        h()['vault.changePassword']({ currentPassword: 'not it at all', newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD }),
      ),
    ).toBe('VAULT_WRONG_PASSWORD');
    await h()['vault.changePassword']({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD });
    await h()['vault.lock']({});
    expect(await code(() => h()['vault.unlock']({ password: PASSWORD }))).toBe('VAULT_WRONG_PASSWORD');
    expect((await h()['vault.unlock']({ password: NEW_PASSWORD })).state).toBe('unlocked');
    const after = await header();
    expect(after.masterKey.generation).toBe(before.masterKey.generation);
    expect(after.masterKey.byRecovery).toEqual(before.masterKey.byRecovery);
    expect(after.masterKey.byPassword).not.toEqual(before.masterKey.byPassword);
  });

  it('rotation re-keys the database and keeps files and audit log; the new recovery key works', async () => {
    await setUp();
    const source = path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-src`);
    await import('node:fs/promises').then((fs) => fs.mkdir(source, { recursive: true }));
    await writeFile(path.join(source, 'a.txt'), 'rotation survivor 回転');
    core.dialogs.importSources = [source];
    await h()['vault.items.import']({ jobId: crypto.randomUUID(), collection: 'visit-1', pick: 'folder' });
    const dbBefore = await readFile(path.join(core.dataDir, 'vault.db'));

    const { request, recoveryKey } = await core.prepareRotation(PASSWORD);
    await h()['vault.rotateMasterKey'](request);
    const dbAfter = await readFile(path.join(core.dataDir, 'vault.db'));
    expect(dbAfter.subarray(16, 4096)).not.toEqual(dbBefore.subarray(16, 4096));
    expect(core.events.some(([event, p]) => event === 'job.progress' && (p as { kind: string }).kind === 'rotate')).toBe(true);

    expect((await h()['audit.verify']({})).intact).toBe(true);
    await h()['vault.lock']({});
    await h()['vault.unlock']({ password: PASSWORD });
    const { items } = await h()['vault.items.list']({});
    core.dialogs.exportFolder = `${source}-out`;
    await h()['vault.items.export']({ jobId: crypto.randomUUID(), itemIds: items.map((i) => i.id) });
    expect(await readFile(path.join(core.dialogs.exportFolder, path.basename(source), 'a.txt'), 'utf8')).toBe('rotation survivor 回転');
    await h()['vault.lock']({});
    await h()['vault.recover']({ recoveryKey, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD });
    expect((await h()['audit.verify']({})).intact).toBe(true);
    const { entries } = await h()['audit.list']({ types: ['vault.master-key-rotated'] });
    expect(entries).toHaveLength(1);
  });

  it('rotation locks out whoever held the old recovery key or a copy of the old database with its key', async () => {
    const oldRecoveryKey = await setUp();
    const headerFile = path.join(core.dataDir, 'vault.json');
    const readHeaderFile = async () =>
      JSON.parse(await readFile(headerFile, 'utf8')) as VaultHeader & { masterKey: { byRecovery: WrappedKey } };
    const before = await readHeaderFile();
    const oldSecret = parseRecoveryKey(oldRecoveryKey);
    if (!oldSecret.ok) throw new Error('setup gave an unreadable recovery key');
    const oldRecoveryKek = deriveRecoveryKey(oldSecret.key.secret, Buffer.from(before.recoverySalt, 'base64'));
    // A vault made before issue 17 kept its recovery KEK inside the database, as that version wrote it.
    core.vault
      .session()
      .db.prepare("INSERT INTO vault_meta (key, value) VALUES ('recovery_kek', ?)")
      .run(oldRecoveryKek.toString('base64'));
    // The past key holder: the database key of generation 1 and a copy of the database file.
    const oldDatabaseKey = Buffer.from(core.vault.session().keys.database);
    await h()['vault.lock']({});
    await h()['vault.unlock']({ password: PASSWORD });
    const pastCopy = path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-past.db`);
    await copyFile(path.join(core.dataDir, 'vault.db'), pastCopy);

    const { request, recoveryKey: newRecoveryKey } = await core.prepareRotation(PASSWORD);
    expect(newRecoveryKey).not.toBe(oldRecoveryKey);
    await h()['vault.rotateMasterKey'](request);
    const after = await readHeaderFile();
    expect(after.masterKey.generation).toBe(2);
    const newRecoveryCopy = (kek: Buffer) => unwrapKey(kek, after.masterKey.byRecovery, masterKeyContext(after, 2, 'recovery'));

    // Every 256-bit value the old database holds, and the old recovery key, fail to unwrap the new master key.
    const past = openVaultDatabase(pastCopy, oldDatabaseKey, { create: false, journal: 'delete' });
    const storedValues = (past.prepare('SELECT value FROM vault_meta').all() as Array<{ value: string }>).map((row) =>
      Buffer.from(row.value, 'base64'),
    );
    past.close();
    const candidates = [...storedValues.filter((value) => value.length === 32), oldRecoveryKek];
    expect(candidates.length).toBeGreaterThan(1);
    for (const kek of candidates) expect(newRecoveryCopy(kek)).toBeNull();
    // The rotated database no longer carries the old KEK, and the old database key no longer opens it.
    expect(core.vault.session().db.prepare("SELECT count(*) AS n FROM vault_meta WHERE key = 'recovery_kek'").get()).toEqual({ n: 0 });
    await h()['vault.lock']({});
    expect(() => openVaultDatabase(path.join(core.dataDir, 'vault.db'), oldDatabaseKey, { create: false, journal: 'delete' })).toThrow();

    expect(
      await code(() =>
        h()['vault.recover']({ recoveryKey: oldRecoveryKey, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD }),
      ),
    ).toBe('VAULT_RECOVERY_KEY_WRONG');
    expect(
      (await h()['vault.recover']({ recoveryKey: newRecoveryKey, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD })).state,
    ).toBe('unlocked');
  });

  it('a rotation needs its new recovery key shown and two groups typed back before the password is tried', async () => {
    await setUp();
    const prepared = await core.prepareRotation(PASSWORD);
    const wrongGroups = prepared.request.answers.map(({ group }) => ({ group, digits: '000000' }));
    expect(await code(() => h()['vault.rotateMasterKey']({ ...prepared.request, password: 'not it at all', answers: wrongGroups }))).toBe(
      'VAULT_RECOVERY_CONFIRMATION_MISMATCH',
    );
    // The read-back was refused before the password was tested: nothing counted.
    expect((await h()['vault.status']({})).failures).toBe(0);
    await h()['vault.lock']({});
    await h()['vault.unlock']({ password: PASSWORD });
    // Locking drops the prepared key: a rotation must show a key again.
    expect(await code(() => h()['vault.rotateMasterKey'](prepared.request))).toBe('VAULT_ROTATION_NOT_PREPARED');
  });
});

describe('a password-only vault', () => {
  it('needs no keychain and says so in its status', async () => {
    await setUp({ passwordOnly: true });
    expect(await h()['vault.status']({})).toMatchObject({ protection: 'password-only', deviceSecret: 'not-used' });
    await h()['vault.lock']({});
    expect((await h()['vault.unlock']({ password: PASSWORD })).state).toBe('unlocked');
  });
});

describe('auto-lock settings', () => {
  it('default 5 minutes, configurable 1–30, audited', async () => {
    await setUp();
    expect((await h()['vault.setAutoLock']({ minutes: 12 })).autoLockMinutes).toBe(12);
    const { entries } = await h()['audit.list']({ types: ['settings.changed'] });
    expect(entries[0]!.details).toEqual({ setting: 'autoLockMinutes', from: 5, to: 12 });
  });
});
