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
    const child = execFile(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { cwd: repository, env: { ...process.env, LANG: language } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 2) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}
