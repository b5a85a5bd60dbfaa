/** Runs the `fieldguard` command line from the checkout (tsx), as a user would: arguments, standard input, language. */
import { execFile } from 'node:child_process';
import path from 'node:path';

const repository = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runFieldguard(args: readonly string[], stdin = '', language = 'ja_JP.UTF-8'): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', ...args],
      { cwd: repository, env: { ...process.env, LANG: language } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number | string }).code ?? 2) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

/**
 * A password-only vault in `dataDir`, made with `fieldguard vault init` as an engineer would
 * (the profile every test certificate names); fails the test with the CLI's stderr otherwise.
 */
export async function initVaultWithCli(dataDir: string, password: string): Promise<void> {
  const created = await runFieldguard(
    [
      'vault',
      'init',
      '--name',
      '山田 太郎',
      '--company',
      '東都メディカル株式会社',
      '--employee-id',
      'E-20417',
      '--password-only',
      '--password-stdin',
      '--data-dir',
      dataDir,
    ],
    `${password}\n`,
  );
  if (created.code !== 0) throw new Error(`vault init failed: ${created.stderr}`);
}
