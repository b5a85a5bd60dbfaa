/**
 * How the Linux probes touch the system. Every file path goes through a root prefix and a
 * small file-system interface, and every command through one runner, so tests can point the
 * same probe code at a fixture tree and recorded command output while the defaults read this
 * machine. Reads are returned as values ("this file was missing", "access denied") rather than
 * thrown, because a non-admin user meets those every day and each probe must report them as
 * evidence, never turn them into a guess.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { ProbeEvidence, ProbeProblem } from '../../../core/self-check/self-check-observations';
import { maskPersonal } from '../mask-personal';
import type { CommandOutcome, RunOptions } from '../run-probe-command';

const gunzipAsync = promisify(gunzip);

/** The few file operations the probes need; tests wrap it to deny access even when run as root. */
export interface ProbeFileSystem {
  readFile(file: string): Promise<Buffer>;
  /** The first `bytes` bytes only: ClamAV databases are tens of megabytes, the header is 512 bytes. */
  readHead(file: string, bytes: number): Promise<Buffer>;
  readdir(dir: string): Promise<string[]>;
  mtime(file: string): Promise<Date>;
}

export type CommandRunner = (file: string, args: readonly string[], options?: RunOptions) => Promise<CommandOutcome>;

export interface LinuxProbeContext {
  /** Prefix for every file path ("/" reads this machine). Commands are not affected: inject `run`. */
  readonly root: string;
  readonly fs: ProbeFileSystem;
  readonly run: CommandRunner;
  /** The environment the desktop session gave us (XDG_CURRENT_DESKTOP, PATH). */
  readonly env: NodeJS.ProcessEnv;
  /** IANA zone in which apt and unattended-upgrades wrote their local-time stamps. */
  readonly timeZone: string;
  readonly timeoutMs: number;
  readonly now: () => Date;
}

export const nodeFileSystem: ProbeFileSystem = {
  readFile: (file) => readFile(file),
  readHead: async (file, bytes) => {
    const handle = await open(file, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  readdir: (dir) => readdir(dir),
  mtime: async (file) => (await stat(file)).mtime,
};

/** Why a file could not be read: the three cases a probe words differently. */
export type FileProblem = 'missing' | 'accessDenied' | 'unreadable';

/** The result of one read, with the path it came from (which becomes the evidence's source). */
export type Read<T> = { readonly source: string } & (
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FileProblem; readonly code: string }
);

/** A command's outcome with the command line that produced it. */
export type CommandReading = CommandOutcome & { readonly source: string };

export function systemPath(ctx: Pick<LinuxProbeContext, 'root'>, file: string): string {
  return path.join(ctx.root, file);
}

function classify(error: unknown): { problem: FileProblem; code: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'EUNKNOWN';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'missing', code };
  if (code === 'EACCES' || code === 'EPERM') return { problem: 'accessDenied', code };
  return { problem: 'unreadable', code };
}

async function attempt<T>(source: string, read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { source, ok: true, value: await read() };
  } catch (error) {
    return { source, ok: false, ...classify(error) };
  }
}

export function readText(ctx: LinuxProbeContext, file: string): Promise<Read<string>> {
  const source = systemPath(ctx, file);
  return attempt(source, async () => (await ctx.fs.readFile(source)).toString('utf8'));
}

/** Reads a log, transparently gunzipping logrotate's `.gz` generations. */
export function readLog(ctx: LinuxProbeContext, file: string): Promise<Read<string>> {
  const source = systemPath(ctx, file);
  return attempt(source, async () => {
    const bytes = await ctx.fs.readFile(source);
    return (file.endsWith('.gz') ? await gunzipAsync(bytes) : bytes).toString('utf8');
  });
}

export function readHead(ctx: LinuxProbeContext, file: string, bytes: number): Promise<Read<Buffer>> {
  const source = systemPath(ctx, file);
  return attempt(source, () => ctx.fs.readHead(source, bytes));
}

export function listDir(ctx: LinuxProbeContext, dir: string): Promise<Read<string[]>> {
  const source = systemPath(ctx, dir);
  return attempt(source, async () => (await ctx.fs.readdir(source)).sort());
}

export function fileMtime(ctx: LinuxProbeContext, file: string): Promise<Read<Date>> {
  const source = systemPath(ctx, file);
  return attempt(source, () => ctx.fs.mtime(source));
}

/** Whether a path exists; "access denied" on it still proves it exists. */
export async function pathExists(ctx: LinuxProbeContext, file: string): Promise<boolean> {
  const read = await fileMtime(ctx, file);
  return read.ok || read.problem !== 'missing';
}

/**
 * Runs a command within the probe time limit. /usr/sbin and /sbin are appended to PATH because
 * Debian leaves them out of a normal user's PATH, and ufw, nft and clamd live there: without
 * them an installed firewall would look "missing".
 */
export function runCommand(
  ctx: LinuxProbeContext,
  file: string,
  args: readonly string[],
  options: Omit<RunOptions, 'timeoutMs'> = {},
): Promise<CommandReading> {
  const pathDirs = [...(ctx.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  const env = { PATH: [...new Set(pathDirs.filter(Boolean))].join(':'), ...options.env };
  const source = [file, ...args].join(' ');
  return ctx.run(file, args, { ...options, env, timeoutMs: ctx.timeoutMs }).then((outcome) => ({ ...outcome, source }));
}

/** What a failed read or command becomes in ProbeOutcome terms. */
export function fileProblemToProbe(problem: FileProblem, missing: ProbeProblem): ProbeProblem {
  if (problem === 'accessDenied') return 'accessDenied';
  return problem === 'missing' ? missing : 'unparseable';
}

/** Evidence facts for a read: what happened to it, never its content. */
export function readFacts(read: Read<unknown>): ProbeEvidence['facts'] {
  return read.ok ? { read: true } : { read: false, problem: read.problem, code: read.code };
}

/** Evidence facts for a command: its classification and exit code, plus the first line of its complaint. */
export function commandFacts(reading: CommandReading): ProbeEvidence['facts'] {
  if (reading.ok) return { result: 'answered', exitCode: reading.exitCode };
  const message = firstLine(reading.stderr) ?? firstLine(reading.stdout);
  return { result: reading.problem, exitCode: reading.exitCode, ...(message === null ? {} : { message }) };
}

function firstLine(text: string): string | null {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? null : maskPersonal(line.trim()).slice(0, 200);
}
