/**
 * Erasing a removable volume (10-1): every file, link and folder under its mount point, then
 * its free space (free-space-fill.ts). This is the most a file-level tool can do to a USB
 * stick or memory card: blocks the controller has remapped or holds in reserve are not
 * reached (NIST SP 800-88: Clear at best; Purge needs the device's own sanitize command or
 * destruction). The caller decides that the volume is removable, from the volume list, and
 * fills in the certificate's media information from it; this module only refuses what is
 * certainly wrong: a path that is not a mount point, and the system's root.
 */
import { readdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { VaultDatabase } from '../../db/open-vault-database';
import { DEFAULT_ERASURE_METHOD, type ErasureMethod } from './erasure-methods';
import { ErasureError } from './erasure-exceptions';
import type { PlannedItem } from './erasure-journal';
import type { ReadMedium } from './medium';
import { readMediaOf, recordPlan, surveyTargets, type PlanProgress } from './plan-erasure';
import { runErasureJob, type ErasureRunSummary, type RunOptions } from './run-erasure-job';

export interface VolumeErasureOptions extends RunOptions {
  readonly method?: ErasureMethod;
  readonly siteReference?: string | null;
  readonly onPlanProgress?: (progress: PlanProgress) => void;
  /** Reads the volume's medium for the certificate's grade (plan-erasure.ts). */
  readonly readMedium?: ReadMedium;
}

/** ext4 and its kin keep this folder for fsck; its contents are erased, the folder stays. */
const KEPT_FOLDERS = ['lost+found'];

function isSystemRoot(mountPath: string): boolean {
  if (process.platform === 'win32')
    return path.parse(mountPath).root.toLowerCase() === `${process.env.SystemDrive ?? 'C:'}\\`.toLowerCase();
  return mountPath === path.parse(mountPath).root;
}

async function assertMountPoint(mountPath: string): Promise<bigint> {
  const info = await stat(mountPath, { bigint: true }).catch(() => {
    throw new ErasureError('ERASURE_TARGET_NOT_FOUND');
  });
  if (!info.isDirectory()) throw new ErasureError('ERASURE_NOT_A_MOUNT_POINT');
  if (isSystemRoot(mountPath)) throw new ErasureError('ERASURE_TARGET_REFUSED');
  // A drive root on Windows is a volume by definition; elsewhere a mount point sits on another device than its parent.
  if (process.platform !== 'win32') {
    const parent = await stat(path.dirname(mountPath), { bigint: true });
    if (parent.dev === info.dev) throw new ErasureError('ERASURE_NOT_A_MOUNT_POINT');
  }
  return info.dev;
}

/** Plans the erasure of everything on the volume mounted at `mountPath`, and of its free space. */
export async function planVolumeErasure(db: VaultDatabase, mountPath: string, options: VolumeErasureOptions = {}): Promise<string> {
  const root = path.resolve(mountPath);
  const device = await assertMountPoint(root);
  const kept = new Set(KEPT_FOLDERS.map((name) => path.join(root, name)));
  const children = (await readdir(root)).sort().map((name) => path.join(root, name));
  const items: PlannedItem[] = await surveyTargets(children, {
    device,
    keepFolder: (folder) => kept.has(folder),
    targetIndex: () => 0,
    signal: options.signal,
    onProgress: options.onPlanProgress,
  });
  const space = await statfs(root);
  // An administrator may fill the blocks ext4 reserves for root; anyone else stops at "available".
  const freeBlocks = process.getuid?.() === 0 ? space.bfree : space.bavail;
  items.push({
    targetIndex: 0,
    path: root,
    kind: 'free-space',
    size: freeBlocks * space.bsize,
    fileId: null,
    sha256Before: null,
    exceptionCode: null,
    observations: [],
  });
  const media = await readMediaOf([root], options.readMedium);
  return recordPlan(
    db,
    {
      method: options.method ?? DEFAULT_ERASURE_METHOD,
      scope: 'removable-volume',
      targets: [root],
      siteReference: options.siteReference ?? null,
      media,
    },
    items,
  );
}

/** Plans and runs the erasure of a removable volume; an interrupted one is resumed like any job. */
export async function eraseRemovableVolume(
  db: VaultDatabase,
  mountPath: string,
  options: VolumeErasureOptions = {},
): Promise<{ jobId: string; summary: ErasureRunSummary }> {
  const jobId = await planVolumeErasure(db, mountPath, options);
  const summary = await runErasureJob(db, jobId, { signal: options.signal, onProgress: options.onProgress });
  return { jobId, summary };
}
