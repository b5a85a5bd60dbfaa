/**
 * Replacing a small file (the vault header, the throttle counter, preferences) while other
 * writes of the same file run in the same process (issue 17): with a temporary name per process
 * they shared one temporary file, so one write renamed the other's half-written file into place
 * or failed with ENOENT. Every write must succeed, the file must end as exactly one of the
 * contents, owner-only, and no temporary file may be left.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../electron/core/vault/atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('fifty writes of one file at once all succeed and leave exactly one whole content', async () => {
    const file = path.join(dir, 'vault.json');
    const contents = Array.from({ length: 50 }, (_, i) => `${JSON.stringify({ writer: i, padding: 'x'.repeat(64 * 1024 + i) })}\n`);
    const results = await Promise.allSettled(contents.map((content) => writeFileAtomically(file, content)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(contents).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['vault.json']);
  });

  it.skipIf(process.platform === 'win32')('the file is readable by its owner only', async () => {
    const file = path.join(dir, 'throttle.json');
    await writeFileAtomically(file, 'x');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
