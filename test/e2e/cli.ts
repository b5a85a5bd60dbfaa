/** Runs the real `fieldguard` CLI from the checkout, as `npm run cli` does. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

export async function fieldguard(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
}

/**
 * Runs the CLI and returns its exit code instead of failing on a non-zero one: `verify` exits
 * 1 for "intact, issuer not confirmed" and "not genuine" (issue 13), which a test checks.
 */
export async function fieldguardWithExitCode(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    return { code: 0, ...(await fieldguard(args, env)) };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
