/**
 * Planning an erasure (10-1): walks the files and folders the engineer chose, without ever
 * following a symbolic link, junction or reparse point, records every entry with its size and
 * identity (device:inode), and writes the whole plan to the journal in one transaction. Nothing
 * is modified here. The SHA-256 of each file's content — the certificate's evidence of what was
 * erased — is taken by the run just before the file's first write (erase-entry.ts), so it is
 * the content actually erased, and hashing one file overlaps with writing another. Entries
 * that must not be erased (devices, FIFOs, files with a hard link outside the job, other
 * mounted file systems) are recorded as exceptions right away.
 *
 * For the certificate to be true about links (issue 14), each file's number of names and each
 * link's target (read with readlink, never followed) are recorded with the plan: a file whose
 * names are all in the job is one file with several names; one with a name elsewhere is an
 * exception, because overwriting it would destroy a file the engineer did not choose.
 */
import { randomUUID } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../path-inside';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { Medium, ReadMedium } from './medium';
import { DEFAULT_ERASURE_METHOD, type ErasureMethod } from './erasure-methods';
import { ErasureError, exceptionFromError, type ExceptionCode, type Observation } from './erasure-exceptions';
import { createJob, type ErasureScope, type PlannedItem } from './erasure-journal';
import { fileIdOf } from './directory-entry';

export interface PlanProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface PlanOptions {
  readonly targets: readonly string[];
  readonly method?: ErasureMethod;
  /** The site or visit this erasure belongs to, as the certificate names it. */
  readonly siteReference?: string | null;
  readonly signal?: AbortSignal;
  /** Walking a large tree takes a moment. */
  readonly onProgress?: (progress: PlanProgress) => void;
  /**
   * Reads the medium under each target, recorded with the plan so that the certificate grades
   * the claim on it (nist-grade.ts). Without it nothing is known of the medium, and the claim
   * is graded partial.
   */
  readonly readMedium?: ReadMedium;
}

interface Found {
  targetIndex: number;
  path: string;
  kind: PlannedItem['kind'];
  size: number;
  fileId: string | null;
  nlink: number;
  linkTarget: string | null;
  sha256Before: string | null;
  exceptionCode: ExceptionCode | null;
  observations: Observation[];
}

function entry(
  targetIndex: number,
  file: string,
  kind: Found['kind'],
  info: BigIntStats,
  exceptionCode: ExceptionCode | null = null,
): Found {
  return {
    targetIndex,
    path: file,
    kind,
    size: Number(info.size),
    fileId: fileIdOf(info),
    nlink: Number(info.nlink),
    linkTarget: null,
    sha256Before: null,
    exceptionCode,
    observations: [],
  };
}

/** What a link says it points to, read from the link itself: the target is not looked at. */
async function linkTargetOf(file: string): Promise<string | null> {
  try {
    return await readlink(file);
  } catch {
    // Replaced or removed since lstat, or a reparse point Node cannot read: the run re-checks it.
    return null;
  }
}

/** Children first, then their folder: the order in which they can be removed. */
async function walk(
  file: string,
  targetIndex: number,
  device: bigint,
  found: Found[],
  keepFolder: (folder: string) => boolean,
): Promise<void> {
  let info: BigIntStats;
  try {
    info = await lstat(file, { bigint: true });
  } catch (error) {
    // Listed a moment ago and gone now: there is nothing left to erase under this name.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (info.isSymbolicLink()) {
    found.push({ ...entry(targetIndex, file, 'link', info), linkTarget: await linkTargetOf(file) });
  } else if (info.isDirectory()) {
    if (info.dev !== device) {
      found.push(entry(targetIndex, file, 'folder', info, 'OTHER_FILE_SYSTEM'));
      return;
    }
    let names: string[];
    try {
      names = await readdir(file);
    } catch (error) {
      found.push(entry(targetIndex, file, 'folder', info, exceptionFromError(error)));
      return;
    }
    for (const name of names.sort()) await walk(path.join(file, name), targetIndex, device, found, keepFolder);
    if (!keepFolder(file)) found.push(entry(targetIndex, file, 'folder', info));
  } else if (info.isFile()) {
    const item = entry(targetIndex, file, 'file', info);
    if (item.size === 0) item.observations.push('empty');
    found.push(item);
  } else {
    found.push(entry(targetIndex, file, 'file', info, 'NOT_A_REGULAR_FILE'));
  }
}

/**
 * A file with several names may be erased only if every one of its names is in the job;
 * otherwise erasing it would destroy a file the engineer did not choose.
 */
function checkHardLinks(found: readonly Found[]): void {
  const names = new Map<string, number>();
  for (const item of found) if (item.kind === 'file' && item.fileId) names.set(item.fileId, (names.get(item.fileId) ?? 0) + 1);
  for (const item of found) {
    if (item.kind !== 'file' || item.nlink <= 1 || item.exceptionCode) continue;
    if ((names.get(item.fileId ?? '') ?? 0) < item.nlink) item.exceptionCode = 'HARD_LINKED';
    else item.observations.push('hard-links-in-job');
  }
}

/** Absolute, without duplicates, and without targets already inside another target. */
export function normalizeTargets(targets: readonly string[]): string[] {
  const absolute = [...new Set(targets.map((t) => path.resolve(t)))];
  return absolute.filter((t) => !absolute.some((other) => isInside(t, other, { strictly: true })));
}

/** Walks and checks `roots`; `keepFolder` names folders whose contents are erased but which themselves stay. */
export async function surveyTargets(
  roots: readonly string[],
  options: Pick<PlanOptions, 'signal' | 'onProgress'> & {
    keepFolder?: (folder: string) => boolean;
    targetIndex?: (root: string, index: number) => number;
    /** The file system the walk stays on (default: each root's own). */
    device?: bigint;
  } = {},
): Promise<PlannedItem[]> {
  const found: Found[] = [];
  for (const [index, root] of roots.entries()) {
    let info: BigIntStats;
    try {
      info = await lstat(root, { bigint: true });
    } catch {
      throw new ErasureError('ERASURE_TARGET_NOT_FOUND');
    }
    await walk(root, options.targetIndex?.(root, index) ?? index, options.device ?? info.dev, found, options.keepFolder ?? (() => false));
  }
  checkHardLinks(found);
  // A file's names are counted for the certificate; a folder's or link's link count means nothing there.
  return found.map(({ nlink, ...item }) => ({ ...item, linkCount: item.kind === 'file' ? nlink : null }));
}

export function recordPlan(
  db: VaultDatabase,
  plan: {
    method: ErasureMethod;
    scope: ErasureScope;
    targets: readonly string[];
    siteReference: string | null;
    media?: readonly Medium[] | null;
  },
  items: readonly PlannedItem[],
): string {
  const id = randomUUID();
  createJob(db, { id, ...plan }, items);
  return id;
}

/**
 * Plans the erasure of the chosen files and folders and returns the job's id. A file-system
 * root is refused: a whole volume is erased with `eraseRemovableVolume`, which also
 * overwrites its free space.
 */
export async function planErasure(db: VaultDatabase, options: PlanOptions): Promise<string> {
  const targets = normalizeTargets(options.targets);
  if (targets.length === 0) throw new ErasureError('ERASURE_TARGET_NOT_FOUND');
  if (targets.some((t) => path.parse(t).root === t)) throw new ErasureError('ERASURE_TARGET_REFUSED');
  const items = await surveyTargets(targets, options);
  const media = await readMediaOf(targets, options.readMedium);
  return recordPlan(
    db,
    { method: options.method ?? DEFAULT_ERASURE_METHOD, scope: 'files', targets, siteReference: options.siteReference ?? null, media },
    items,
  );
}

/** The medium under each target, in target order; null when there is no reader (then nothing is known of it). */
export async function readMediaOf(targets: readonly string[], readMedium: ReadMedium | undefined): Promise<Medium[] | null> {
  if (!readMedium) return null;
  const media: Medium[] = [];
  for (const target of targets) media.push(await readMedium(target));
  return media;
}
