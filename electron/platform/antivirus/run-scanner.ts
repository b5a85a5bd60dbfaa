/**
 * Runs one anti-virus command line (clamscan, clamdscan, MpCmdRun) to its end, with a time
 * limit and cancellation. Unlike run-probe-command (made for commands that answer within
 * seconds), a scan may run for many minutes, must stop at once when the engineer cancels, and
 * prints a result line per file that we read even when the exit code says "error": so this
 * never classifies the outcome, it hands back everything that happened.
 */
import { spawn } from 'node:child_process';

export interface ScannerRun {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code; null when the process was killed or never started. */
  readonly exitCode: number | null;
  /** The process did not start (e.g. ENOENT: the program is missing). */
  readonly spawnError: NodeJS.ErrnoException | null;
  /** We killed it because it ran past the time limit. */
  readonly timedOut: boolean;
}

export interface ScannerRunOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs `file args` without a shell (so no argument is ever interpreted) and resolves when the
 * process has exited. When `signal` aborts, the process is killed with SIGKILL and the promise
 * rejects with the signal's reason only after the process is gone, so a caller that catches
 * the cancellation knows nothing is still reading the files.
 */
export function runScanner(file: string, args: readonly string[], options: ScannerRunOptions): Promise<ScannerRun> {
  options.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // LC_ALL=C: the scanners' own messages stay English, whatever the engineer's locale.
      env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...options.env },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    let timedOut = false;
    let aborted = false;
    let spawnError: NodeJS.ErrnoException | null = null;
    const kill = (): void => {
      // SIGKILL: a scanner stuck inside a file must not be able to ignore us.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error: NodeJS.ErrnoException) => {
      // 'error' without a started process (ENOENT, EACCES); 'close' still follows.
      spawnError = error;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (aborted) {
        const reason: unknown = options.signal?.reason;
        reject(reason instanceof Error ? reason : new Error('aborted'));
        return;
      }
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code,
        spawnError,
        timedOut,
      });
    });
  });
}
