/**
 * Taking names out of folders (10-1): an erased entry is first renamed to a random name of
 * the same stored length — never to a name already there, which a rename would silently
 * destroy — so the folder's entry no longer holds a patient's name.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousName } from '../../electron/core/erasure/directory-entry';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erasure-names-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('anonymousName', () => {
  it('keeps the stored length of a Japanese name and holds nothing of it', async () => {
    const original = '山田太郎_MRI_頭部_2024年.dcm';
    const name = await anonymousName(dir, original);
    expect(Buffer.byteLength(name)).toBe(Buffer.byteLength(original));
    expect(name).toMatch(/^[a-z0-9]+$/);
  });

  it('keeps very long names (255 bytes) within the limit', async () => {
    const original = `${'患'.repeat(84)}ab.`;
    expect(Buffer.byteLength(original)).toBe(255);
    expect(Buffer.byteLength(await anonymousName(dir, original))).toBe(255);
  });

  it('never picks a name that exists: with every one-letter name taken, it grows by one', async () => {
    const crowded = path.join(dir, 'crowded');
    await rm(crowded, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(crowded));
    for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') await writeFile(path.join(crowded, c), '');
    const name = await anonymousName(crowded, 'x');
    expect(name).toHaveLength(2);
  });

  it('never picks a name Windows reserves for devices', async () => {
    for (let i = 0; i < 300; i += 1) expect(await anonymousName(dir, 'abc')).not.toMatch(/^(con|prn|aux|nul)$/);
  });
});
