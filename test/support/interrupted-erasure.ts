/**
 * An erasure interrupted the hard way: the real `fieldguard erase` (its worker thread and all)
 * killed with SIGKILL by the kernel once a condition holds — for the tests of what comes
 * after an interruption, on the command line and on the Erasure screen.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const repository = path.resolve(import.meta.dirname, '../..');

/** Files still under `folder` (at any depth). */
export async function filesLeft(folder: string): Promise<number> {
  return (await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length;
}

/**
 * Starts `fieldguard erase ARGS --data-dir DIR --password-stdin` and kills it with SIGKILL as
 * soon as `when()` holds. Resolves once the process is gone; rejects if it ended by itself
 * (the kill point was never reached), with what it printed.
 */
export async function eraseAndKill(
  args: readonly string[],
  options: { dataDir: string; password: string; when: () => Promise<boolean> },
): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/index.ts', 'erase', ...args, '--data-dir', options.dataDir, '--password-stdin'],
    {
      cwd: repository,
      env: { ...process.env, LANG: 'ja_JP.UTF-8' },
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(`${options.password}\n`);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let ended = false;
  void exited.then(() => (ended = true));
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the exit handler while awaiting
  while (!ended) {
    if (await options.when()) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if ((await exited) !== 'SIGKILL') throw new Error(`the erasure ended before the kill point was reached: ${stderr}`);
}
