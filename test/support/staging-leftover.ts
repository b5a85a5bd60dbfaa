/**
 * What a sanitization killed half-way leaves in the data folder (plaintext copies under
 * staging/<run> and a stale lock), built the same way for the sweep's unit tests and for the
 * CLI's integration test, so both check the sweep against one picture of a crash.
 */
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stagingRoot } from '../../electron/core/sanitize/sanitize-staging';

/** A patient's details, as a staged copy would hold them: what the sweep must never leave behind. */
export const PLAINTEXT = Buffer.from('患者ID 0001234 山田花子 CT 2026-11-26\n'.repeat(200));

/** What a sanitization killed half-way leaves: its run folder with copies, and its lock. */
export async function crashLeftover(dataDir: string, run: string): Promise<string> {
  const folder = path.join(stagingRoot(dataDir), run);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await writeFile(path.join(folder, '0'), PLAINTEXT);
  await mkdir(path.join(folder, '1.disarm'), { recursive: true });
  await writeFile(path.join(folder, '1.disarm', 'inner.docx'), PLAINTEXT);
  // The lock of the dead process: proper-lockfile's lock folder, older than its stale time.
  await mkdir(`${folder}.lock`);
  const old = new Date(Date.now() - 10 * 60_000);
  await utimes(`${folder}.lock`, old, old);
  return folder;
}
