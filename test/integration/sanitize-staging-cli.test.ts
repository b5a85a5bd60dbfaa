/**
 * The CLI sweeps what a crashed sanitization left in the data folder (plaintext copies under
 * staging/) before it opens the vault, as the app does at start: a real `fieldguard` process
 * over a real vault. The sweep's own rules are in test/unit/sanitize-staging.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stagingRoot } from '../../electron/core/sanitize/sanitize-staging';
import { initVaultWithCli, runFieldguard } from '../support/run-cli';
import { crashLeftover } from '../support/staging-leftover';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fg-staging-cli-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('the CLI', () => {
  it('sweeps what a crashed sanitization left before it opens the vault', { timeout: 60_000 }, async () => {
    const password = '湯呑みと珈琲 horse battery 42';
    await initVaultWithCli(dataDir, password);
    await crashLeftover(dataDir, 'run-cli');
    const listed = await runFieldguard(['vault', 'list', '--password-stdin', '--data-dir', dataDir], `${password}\n`);
    expect(listed.code, listed.stderr).toBe(0);
    expect(await readdir(stagingRoot(dataDir))).toEqual([]);
  });
});
