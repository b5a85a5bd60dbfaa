/**
 * Delivery never replaces a file (issue 15): a file that appears in the output folder while a
 * run is checking (another program, a second copy of FieldGuard) keeps its bytes, and the
 * delivered file takes the next numbered name, which the result records. Driven through
 * runSanitization with the real analysis and real clamscan; the "other program" is the
 * analysis step itself, which writes the colliding file before delivery starts.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import { runSanitization } from '../../electron/core/sanitize/run-sanitization';
import { DEFAULT_SANITIZE_POLICY } from '../../electron/core/sanitize/sanitize-policy';
import { createClamavEngine } from '../../electron/platform/antivirus/clamav-engine';
import { writeClamavTestDatabase } from '../support/clamav-test-database';
import { createTestCore, type TestCore } from '../support/test-core';

let core: TestCore;
let work: string;

beforeAll(async () => {
  core = await createTestCore();
  await core.createVault();
  work = `${core.dataDir}-delivery`;
}, 120_000);
afterAll(async () => {
  await core.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('a file that appears in the output folder during a run', () => {
  it('is left as it was, and the delivered file takes a numbered name recorded in the result', async () => {
    const source = path.join(work, 'visit');
    const output = path.join(work, 'out');
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, 'report.txt'), 'from the engineer\n');
    const engine = createClamavEngine({ databaseDir: await writeClamavTestDatabase(path.join(work, 'clamav')) });
    const intruder = path.join(output, 'visit', 'report.txt');
    const result = await runSanitization(core.vault.session(), [source], output, {
      engine,
      policy: DEFAULT_SANITIZE_POLICY,
      stagingDir: path.join(core.dataDir, 'staging'),
      analyze: async (file, name, options) => {
        await mkdir(path.dirname(intruder), { recursive: true });
        await writeFile(intruder, 'written by someone else\n');
        return analyzeFile(file, name, options);
      },
    });
    expect(result.files).toEqual([
      expect.objectContaining({ path: 'visit/report (2).txt', originalPath: 'visit/report.txt', verdict: 'passed' }),
    ]);
    expect(await readFile(intruder, 'utf8')).toBe('written by someone else\n');
    expect(await readFile(path.join(output, 'visit', 'report (2).txt'), 'utf8')).toBe('from the engineer\n');
  }, 120_000);
});
