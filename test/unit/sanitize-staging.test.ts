/**
 * Sanitization's plaintext copies (staging/<run> in the data folder) after a crash: the sweep
 * at start overwrites and removes them, leaves a live run of another process alone, and never
 * damages a delivered file whose staged name the crash left behind (issue 17).
 */
import { link, mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStagingRun, stagingRoot, sweepStaging } from '../../electron/core/sanitize/sanitize-staging';
import { crashLeftover, PLAINTEXT } from '../support/staging-leftover';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fg-staging-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the staging sweep at start', () => {
  it('overwrites the copies a crashed run left, then removes them with its lock', async () => {
    const folder = await crashLeftover(dataDir, 'run-a');
    // A handle kept open reads the file's own blocks after its name is gone.
    const held = await open(path.join(folder, '0'), 'r');
    try {
      expect(await sweepStaging(dataDir)).toBe(1);
      const after = Buffer.alloc(PLAINTEXT.length);
      await held.read(after, 0, after.length, 0);
      expect(after.equals(PLAINTEXT)).toBe(false);
      expect(after.includes(Buffer.from('山田花子'))).toBe(false);
    } finally {
      await held.close();
    }
    expect(await readdir(stagingRoot(dataDir))).toEqual([]);
  });

  it('a copy the crash left after delivering it (a second name in the output folder) keeps its content there', async () => {
    const folder = await crashLeftover(dataDir, 'run-b');
    const output = path.join(dataDir, '..', `${path.basename(dataDir)}-out`);
    await mkdir(output, { recursive: true });
    try {
      await link(path.join(folder, '0'), path.join(output, 'report.txt'));
      await sweepStaging(dataDir);
      expect(await readFile(path.join(output, 'report.txt'))).toEqual(PLAINTEXT);
      expect((await stat(path.join(output, 'report.txt'))).nlink).toBe(1);
      expect(await readdir(stagingRoot(dataDir))).toEqual([]);
    } finally {
      await rm(output, { recursive: true, force: true });
    }
  });

  it('leaves the folder of a run still working (its lock is fresh) alone', async () => {
    const live = await openStagingRun(stagingRoot(dataDir), 'run-live');
    await writeFile(path.join(live.folder, '0'), PLAINTEXT);
    await crashLeftover(dataDir, 'run-dead');
    expect(await sweepStaging(dataDir)).toBe(1);
    expect(await readFile(path.join(live.folder, '0'))).toEqual(PLAINTEXT);
    await live.discard();
    expect(await readdir(stagingRoot(dataDir))).toEqual([]);
  });

  it('a finished run overwrites its copies before removing them', async () => {
    const run = await openStagingRun(stagingRoot(dataDir), 'run-done');
    await writeFile(path.join(run.folder, '0'), PLAINTEXT);
    const held = await open(path.join(run.folder, '0'), 'r');
    try {
      await run.discard();
      const after = Buffer.alloc(PLAINTEXT.length);
      await held.read(after, 0, after.length, 0);
      expect(after.equals(PLAINTEXT)).toBe(false);
    } finally {
      await held.close();
    }
    expect(await readdir(stagingRoot(dataDir))).toEqual([]);
  });

  it('a data folder without staging/ is nothing to sweep', async () => {
    expect(await sweepStaging(dataDir)).toBe(0);
  });
});
