/**
 * What the engineer named for erasure, resolved before anything is written (10-1; issue 14:
 * a verdict is given only on positive evidence). Planning never follows a link, so a link
 * named as a target would be removed while everything it points to stayed — and the job
 * would end "Erased" with 0 files. The same goes for a folder with nothing in it, and for
 * another volume's mount point, which is erased as a removable volume (its free space too)
 * or not at all. Each is refused here with its own code, every problem at once, before a
 * job exists. The CLI and the Erasure screen (its add-targets dialog and its start) use this
 * one function, so both refuse the same things.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { ErasureError } from './erasure-exceptions';
import { normalizeTargets } from './plan-erasure';

export type TargetProblemCode =
  'ERASURE_TARGET_MISSING' | 'ERASURE_TARGET_IS_LINK' | 'ERASURE_TARGET_EMPTY' | 'ERASURE_TARGET_IS_MOUNT_POINT';

/** One refused target: the engineer's own path, shown to them and never logged. */
export interface TargetProblem {
  readonly code: TargetProblemCode;
  readonly path: string;
  /** Where a link points, as it is written in the link. */
  readonly linkTarget: string | null;
}

/**
 * The targets were refused; `code` is the first problem's, `problems` lists them all. Only
 * the code crosses IPC or reaches a log (AppError): the paths are for the CLI to print.
 */
export class ErasureTargetError extends ErasureError {
  constructor(readonly problems: readonly [TargetProblem, ...TargetProblem[]]) {
    super(problems[0].code);
    this.name = 'ErasureTargetError';
  }
}

export interface ResolvedTarget {
  /** Absolute, without a trailing separator. */
  readonly path: string;
  /** `other` is a device, FIFO or socket: planning lists it as an exception (NOT_A_REGULAR_FILE). */
  readonly kind: 'file' | 'folder' | 'other';
}

/** The entry itself, not what it points to: `path.resolve` drops a trailing slash, which would make lstat follow a link. */
async function entryAt(target: string): Promise<Stats | null> {
  try {
    return await lstat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Not there, a file where a folder was expected, or a folder on the way that cannot be searched.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EACCES' || code === 'EPERM') return null;
    throw error;
  }
}

/** A folder on another device than its parent is where another volume is mounted. */
async function isMountPoint(folder: string, info: Stats): Promise<boolean> {
  const parent = await stat(path.dirname(folder));
  return parent.dev !== info.dev;
}

async function isFolderEntry(folder: string, entry: Dirent): Promise<boolean> {
  if (entry.isDirectory()) return true;
  if (entry.isFile() || entry.isSymbolicLink() || entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice())
    return false;
  // Some file systems do not report the type in the listing.
  return (await lstat(path.join(folder, entry.name)).catch(() => null))?.isDirectory() ?? false;
}

/**
 * Whether anything under `folder` holds data to erase: a file (or a device or FIFO, which
 * planning lists as an exception). Links and folders alone are not data. A folder that cannot
 * be listed may hold some, so it counts; planning reports it. Stops at the first one found.
 */
async function holdsSomethingToErase(folder: string): Promise<boolean> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return true;
  }
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.isSymbolicLink()) continue;
    if (!(await isFolderEntry(folder, entry))) return true;
    folders.push(path.join(folder, entry.name));
  }
  for (const child of folders) if (await holdsSomethingToErase(child)) return true;
  return false;
}

async function resolveOne(target: string): Promise<ResolvedTarget | TargetProblem> {
  const problem = (code: TargetProblemCode, linkTarget: string | null = null): TargetProblem => ({ code, path: target, linkTarget });
  const info = await entryAt(target);
  if (!info) return problem('ERASURE_TARGET_MISSING');
  if (info.isSymbolicLink()) return problem('ERASURE_TARGET_IS_LINK', await readlink(target).catch(() => null));
  if (info.isDirectory()) {
    if (await isMountPoint(target, info)) return problem('ERASURE_TARGET_IS_MOUNT_POINT');
    if (!(await holdsSomethingToErase(target))) return problem('ERASURE_TARGET_EMPTY');
    return { path: target, kind: 'folder' };
  }
  // Files are not compared with their folder's device: overlay file systems report files on another one.
  return { path: target, kind: info.isFile() ? 'file' : 'other' };
}

/**
 * Resolves the targets the engineer named (relative paths against the working folder):
 * absolute, each checked, without duplicates or targets inside another target. Throws
 * ErasureTargetError listing every refused target, ERASURE_TARGET_REFUSED for a file-system
 * root (a whole volume is erased as a removable volume), and ERASURE_TARGET_NOT_FOUND when
 * nothing was named.
 */
export async function resolveTargets(targets: readonly string[]): Promise<ResolvedTarget[]> {
  const absolute = [...new Set(targets.map((t) => path.resolve(t)))];
  if (absolute.length === 0) throw new ErasureError('ERASURE_TARGET_NOT_FOUND');
  if (absolute.some((t) => path.parse(t).root === t)) throw new ErasureError('ERASURE_TARGET_REFUSED');
  const results = await Promise.all(absolute.map(resolveOne));
  const problems = results.filter((r): r is TargetProblem => 'code' in r);
  const [first, ...rest] = problems;
  if (first) throw new ErasureTargetError([first, ...rest]);
  const kept = new Set(normalizeTargets(absolute));
  return results.filter((r): r is ResolvedTarget => 'kind' in r && kept.has(r.path));
}
