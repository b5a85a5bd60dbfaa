/**
 * The laptop's mounted volumes, in a stable order, stamped with when they were read. The
 * reading itself is a platform port, so this runs the same against the real OS, in the CLI,
 * and against recorded outputs in tests.
 */
import type { Volume, VolumeList } from '../../shared/disks';
import { AppError } from '../app-error';

export type ReadVolumes = () => Promise<Volume[]>;

export async function listVolumes(readVolumes: ReadVolumes, now: () => Date = () => new Date()): Promise<VolumeList> {
  let volumes: Volume[];
  try {
    volumes = await readVolumes();
  } catch {
    throw new AppError('DISKS_UNAVAILABLE');
  }
  const sorted = [...volumes].sort((a, b) => a.mount.localeCompare(b.mount, 'en'));
  return { volumes: sorted, readAt: now().toISOString() };
}
