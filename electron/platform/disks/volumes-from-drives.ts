/**
 * Turns node-disk-info's drives into FieldGuard volumes on Linux and macOS (Windows reads CIM
 * instead: windows-volumes.ts). node-disk-info reports `df -P` blocks on Linux (1 KiB) and
 * macOS (512 B) and cuts mount points at the first space ("/Volumes/USB MEMORY" arrives as
 * "/Volumes/USB"); this module corrects both with the OS's mount table, so that the System
 * page, the CLI and the erasure screen agree.
 */
import type { Volume } from '../../shared/disks';
import type { BlockDevice, MountEntry } from './mount-tables';

/** The fields of node-disk-info's `Drive` that FieldGuard reads. */
export interface DriveRecord {
  readonly filesystem: string;
  readonly blocks: number;
  readonly available: number;
  readonly mounted: string;
}

/** The OS's own mount table (Linux, macOS) and block devices (Linux). */
export interface MountDetails {
  readonly mounts: readonly MountEntry[];
  readonly blockDevices: readonly BlockDevice[];
}

const BLOCK_BYTES: Record<string, number> = { linux: 1024, darwin: 512 };

/** Kernel and memory file systems: not volumes a person stores or erases files on. */
const PSEUDO_FILE_SYSTEMS = new Set([
  'tmpfs',
  'devtmpfs',
  'proc',
  'sysfs',
  'cgroup',
  'cgroup2',
  'devpts',
  'overlay',
  'squashfs',
  'efivarfs',
  'securityfs',
  'debugfs',
  'tracefs',
  'configfs',
  'fusectl',
  'mqueue',
  'hugetlbfs',
  'pstore',
  'bpf',
  'autofs',
  'binfmt_misc',
  'ramfs',
  'nsfs',
  'devfs',
  'map',
]);

export function volumesFromDrives(drives: readonly DriveRecord[], platform: NodeJS.Platform, details?: MountDetails): Volume[] {
  const blockBytes = BLOCK_BYTES[platform] ?? 1024;
  const volumes: Volume[] = [];
  for (const drive of drives) {
    // No capacity: an empty card reader, or a line node-disk-info could not split (macOS "map auto_home").
    if (!(drive.blocks > 0)) continue;
    const base = {
      device: drive.filesystem,
      sizeBytes: Math.max(0, Math.round(drive.blocks * blockBytes)),
      freeBytes: Math.max(0, Math.round(drive.available * blockBytes)),
    };
    const mount = details && findMount(details.mounts, drive);
    if (mount && PSEUDO_FILE_SYSTEMS.has(mount.fileSystem)) continue;
    const block = details?.blockDevices.find((device) => device.path === drive.filesystem);
    volumes.push({
      ...base,
      mount: mount?.mount ?? drive.mounted,
      fileSystem: mount?.fileSystem ?? null,
      label: block?.label ?? null,
      removable: block ? block.removable : null,
    });
  }
  return volumes;
}

function findMount(mounts: readonly MountEntry[], drive: DriveRecord): MountEntry | undefined {
  return (
    mounts.find((m) => m.mount === drive.mounted) ??
    // `df -P` output split on spaces: "/media/u/MY DISK" arrives as "/media/u/MY".
    mounts.find((m) => m.device === drive.filesystem && m.mount.startsWith(`${drive.mounted} `))
  );
}
