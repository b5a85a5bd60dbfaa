/**
 * Runs one probe's command with a time limit and classifies the ways it can fail, so every
 * probe reports "command missing", "access denied" and "timeout" the same way.
 */
import { execFile } from 'node:child_process';
import type { ProbeEvidence, ProbeOutcome, ProbeProblem } from '../../core/self-check/self-check-observations';
import { powerShellCommand } from '../windows/powershell-script';

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code; null when the process was killed. */
  readonly exitCode: number | null;
}

export type CommandOutcome =
  ({ readonly ok: true } & CommandResult) | ({ readonly ok: false; readonly problem: ProbeProblem } & CommandResult);

export interface RunOptions {
  /** Default 8 s: the whole self-check should answer "within seconds". */
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Exit codes that still mean "answered" (e.g. grep's 1). Default: only 0. */
  readonly acceptExitCodes?: readonly number[];
}

const ACCESS_DENIED = /permission denied|access is denied|access denied|operation not permitted|not authorized|アクセスが拒否/i;

export function runProbeCommand(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandOutcome> {
  const timeout = options.timeoutMs ?? 8000;
  const accept = options.acceptExitCodes ?? [0];
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      {
        timeout,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        windowsHide: true,
        // LC_ALL=C: Linux and macOS tools answer in English whatever the engineer's locale.
        env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...options.env },
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const base = { stdout, stderr };
        if (!error) {
          resolve({ ok: true, ...base, exitCode: 0 });
          return;
        }
        const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number; signal?: string | null };
        if (e.code === 'ENOENT') {
          resolve({ ok: false, problem: 'commandMissing', ...base, exitCode: null });
        } else if (e.code === 'EACCES' || e.code === 'EPERM') {
          resolve({ ok: false, problem: 'accessDenied', ...base, exitCode: null });
        } else if (e.killed || e.signal === 'SIGKILL') {
          resolve({ ok: false, problem: 'timeout', ...base, exitCode: null });
        } else if (typeof e.code === 'number' && accept.includes(e.code)) {
          resolve({ ok: true, ...base, exitCode: e.code });
        } else if (ACCESS_DENIED.test(base.stderr) || ACCESS_DENIED.test(base.stdout)) {
          resolve({ ok: false, problem: 'accessDenied', ...base, exitCode: typeof e.code === 'number' ? e.code : null });
        } else {
          resolve({ ok: false, problem: 'unparseable', ...base, exitCode: typeof e.code === 'number' ? e.code : null });
        }
      },
    );
  });
}

/** Runs a script as the PowerShell scaffold's command line (powershell-script.ts) says. */
export function runPowerShell(script: string, options: RunOptions = {}): Promise<CommandOutcome> {
  const command = powerShellCommand(script);
  return runProbeCommand(command.file, command.args, options);
}

export function evidence(source: string, facts: ProbeEvidence['facts'], observedAt = new Date()): ProbeEvidence {
  return { source, observedAt: observedAt.toISOString(), facts };
}

/** A probe that failed before observing anything, with what was tried as its evidence. */
export function failedProbe<T>(problem: ProbeProblem, source: string, detail?: string): ProbeOutcome<T> {
  return { ok: false, problem, ...(detail === undefined ? {} : { detail }), evidence: [evidence(source, { problem })] };
}
