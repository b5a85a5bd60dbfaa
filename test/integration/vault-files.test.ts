/**
 * Files in the vault as a person checks them: imported from a folder (links not followed),
 * listed with size, origin and SHA-256, exported byte-for-byte, crypto-erased, and — what a
 * thief with the data folder would find — nothing readable: no content, no UTF-16 copy, no
 * file name. Tampering with a stored file is reported, each kind with its own error.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCodeOf as code } from '../support/error-code';
import { createTestCore, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
const PASSWORD = '湯呑みと珈琲 horse battery 42';
const profile = { name: '山田 太郎', company: '東都メディカル株式会社', employeeId: 'E-20417' };
const MARKER_ASCII = 'PATIENT-MARKER-7f3a9c';
const MARKER_JA = '患者氏名：鈴木花子';
const SECRET_NAME = '鈴木花子_CT画像.dcm';

let core: TestCore;
let work: string;

beforeEach(async () => {
  core = await createTestCore();
  // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
  core.dialogs.confirm = 'yes';
  work = `${core.dataDir}-work`;
  await mkdir(work, { recursive: true });
  const prepared = await core.handlers['vault.prepareSetup']({
    profile,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    passwordOnly: false,
  });
  await core.handlers['vault.completeSetup']({
    answers: prepared.confirmGroups.map((group) => ({ group, digits: prepared.groups[group]! })),
  });
});
afterEach(async () => {
  await core.cleanup();
  await import('node:fs/promises').then((fs) => fs.rm(work, { recursive: true, force: true }));
});

async function makeVisitFolder(): Promise<string> {
  const folder = path.join(work, 'visit-2026-11-26');
  await mkdir(path.join(folder, 'sub'), { recursive: true });
  await writeFile(path.join(folder, SECRET_NAME), `${MARKER_ASCII}\n${MARKER_JA}\n`.repeat(1000));
  await writeFile(path.join(folder, 'sub', 'log.txt'), `${MARKER_ASCII} log line\n`);
  await writeFile(path.join(folder, 'empty.bin'), '');
  await writeFile(path.join(work, 'outside.txt'), 'must not be imported through a link');
  await symlink(path.join(work, 'outside.txt'), path.join(folder, 'link-to-outside.txt'));
  return folder;
}

async function importFolder(folder: string) {
  core.dialogs.importSources = [folder];
  return core.handlers['vault.items.import']({ jobId: crypto.randomUUID(), collection: 'visit-2026-11-26', pick: 'folder' });
}

async function everyFileUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('importing a folder', () => {
  it('stores every regular file with size, origin and SHA-256, and does not follow links', async () => {
    const folder = await makeVisitFolder();
    const result = await importFolder(folder);
    expect(result.cancelled).toBe(false);
    const { items } = await core.handlers['vault.items.list']({});
    expect(items.map((i) => i.relativePath)).toEqual([
      'visit-2026-11-26/empty.bin',
      'visit-2026-11-26/sub/log.txt',
      `visit-2026-11-26/${SECRET_NAME}`,
    ]);
    const dicom = items.find((i) => i.name === SECRET_NAME)!;
    const { stdout } = await exec('sha256sum', [path.join(folder, SECRET_NAME)]);
    expect(dicom.sha256).toBe(stdout.split(' ')[0]);
    expect(dicom.size).toBe((await stat(path.join(folder, SECRET_NAME))).size);
    expect(dicom.origin).toBe(folder);
    expect(core.events.some(([event, p]) => event === 'job.progress' && (p as { kind: string }).kind === 'import')).toBe(true);
  });

  it('[7-3] leaves nothing readable in the data folder: no content, no UTF-16 copy, no file name', async () => {
    await importFolder(await makeVisitFolder());
    await core.handlers['vault.lock']({});
    const needles = [MARKER_ASCII, MARKER_JA, SECRET_NAME, '鈴木花子'].flatMap((text) => [
      Buffer.from(text, 'utf8'),
      Buffer.from(text, 'utf16le'),
    ]);
    const files = await everyFileUnder(core.dataDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const bytes = await readFile(file);
      for (const needle of needles) expect(bytes.includes(needle), `${path.relative(core.dataDir, file)} contains a marker`).toBe(false);
    }
  });

  it('a cancelled dialog imports nothing', async () => {
    core.dialogs.importSources = null;
    await expect(core.handlers['vault.items.import']({ jobId: crypto.randomUUID(), collection: 'x', pick: 'files' })).resolves.toEqual({
      cancelled: true,
      items: [],
    });
  });
});

describe('exporting', () => {
  it('writes byte-identical copies into the chosen folder, never over an existing file, and audits it', async () => {
    const folder = await makeVisitFolder();
    await importFolder(folder);
    const { items } = await core.handlers['vault.items.list']({});
    const out = path.join(work, 'out');
    await mkdir(path.join(out, 'visit-2026-11-26'), { recursive: true });
    await writeFile(path.join(out, 'visit-2026-11-26', 'empty.bin'), 'already here');
    core.dialogs.exportFolder = out;
    const result = await core.handlers['vault.items.export']({ jobId: crypto.randomUUID(), itemIds: items.map((i) => i.id) });
    expect(result).toEqual({ cancelled: false, files: 3, destination: out });
    expect(await readFile(path.join(out, 'visit-2026-11-26', SECRET_NAME))).toEqual(await readFile(path.join(folder, SECRET_NAME)));
    expect(await readFile(path.join(out, 'visit-2026-11-26', 'empty.bin'), 'utf8')).toBe('already here');
    expect(await readFile(path.join(out, 'visit-2026-11-26', 'empty (2).bin'), 'utf8')).toBe('');
    const { entries } = await core.handlers['audit.list']({ types: ['vault.item-exported'] });
    expect(entries).toHaveLength(3);
    expect(JSON.stringify(entries)).not.toContain(MARKER_ASCII);
  });
});

describe('cryptographic erase', () => {
  it('[10-1] destroys the key and the ciphertext: the item is gone from the list, the folder and the database', async () => {
    await importFolder(await makeVisitFolder());
    const { items } = await core.handlers['vault.items.list']({});
    const target = items.find((i) => i.name === SECRET_NAME)!;
    const before = await readdir(path.join(core.dataDir, 'files'));
    expect(before).toContain(`${target.id}.fgv`);
    await expect(core.handlers['vault.items.erase']({ itemIds: [target.id] })).resolves.toEqual({ erased: 1 });
    expect((await core.handlers['vault.items.list']({})).items.map((i) => i.id)).not.toContain(target.id);
    expect(await readdir(path.join(core.dataDir, 'files'))).not.toContain(`${target.id}.fgv`);
    const session = core.vault.session();
    expect(session.db.prepare('SELECT count(*) AS n FROM vault_items WHERE id = ?').get(target.id)).toEqual({ n: 0 });
    const { entries } = await core.handlers['audit.list']({ types: ['vault.item-erased'] });
    expect(entries[0]!.details).toMatchObject({ itemId: target.id, method: 'crypto-erase', sha256: target.sha256 });
    expect(await code(() => core.handlers['vault.items.erase']({ itemIds: [target.id] }))).toBe('VAULT_ITEM_NOT_FOUND');
  });
});

describe('tampering with a stored file', () => {
  async function storedCiphertext(): Promise<{ id: string; file: string }> {
    const folder = path.join(work, 'big');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'big.bin'), Buffer.alloc(3 * 1024 * 1024 + 5, 7));
    await importFolder(folder);
    const item = (await core.handlers['vault.items.list']({})).items[0]!;
    return { id: item.id, file: path.join(core.dataDir, 'files', `${item.id}.fgv`) };
  }

  async function exportCode(id: string): Promise<string> {
    core.dialogs.exportFolder = path.join(work, `out-${crypto.randomUUID()}`);
    return code(() => core.handlers['vault.items.export']({ jobId: crypto.randomUUID(), itemIds: [id] }));
  }

  it('a flipped byte is reported as corruption', async () => {
    const { id, file } = await storedCiphertext();
    const bytes = await readFile(file);
    bytes[bytes.length >> 1]! ^= 1;
    await writeFile(file, bytes);
    expect(await exportCode(id)).toBe('VAULT_FILE_CORRUPTED');
  });

  it('a truncated file is reported as truncated', async () => {
    const { id, file } = await storedCiphertext();
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1000));
    expect(await exportCode(id)).toBe('VAULT_FILE_TRUNCATED');
  });

  it('a missing ciphertext is reported as missing', async () => {
    const { id, file } = await storedCiphertext();
    await import('node:fs/promises').then((fs) => fs.rm(file));
    expect(await exportCode(id)).toBe('VAULT_FILE_MISSING');
  });
});
