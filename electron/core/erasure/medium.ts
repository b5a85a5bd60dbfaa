/**
 * What lies under an erasure target — the volume (file system and how it is mounted) and the
 * whole device under it — as facts the OS reported, each naming the tool that said so. A
 * certificate can only grade a file overwrite (nist-grade.ts) on what is known here; every fact
 * that could not be read stays null and the reason goes to `problems`, so the grade falls to
 * "partial" instead of guessing. The probes that fill these are in electron/platform/media.
 */

export interface VolumeFacts {
  /** Where the volume is mounted (`/`, `/media/engineer/MY DISK`, `E:\`, `/Volumes/USB`). */
  readonly mountPoint: string;
  /** As the OS names it, in lower case: `ext4`, `xfs`, `vfat`, `fat32`, `msdos`, `exfat`, `ntfs`, `apfs`, `hfs`, `btrfs`… */
  readonly fileSystem: string | null;
  /** Mount options and the file system's own (super) options together, e.g. ext4's `data=journal`. */
  readonly mountOptions: readonly string[];
  /** The block device or image behind the volume (`/dev/mapper/vg-root`, `disk4s1`, `\\?\Volume{…}\`). */
  readonly source: string | null;
}

export type DeviceTransport = 'usb' | 'sata' | 'sas' | 'nvme' | 'sd' | 'mmc' | 'scsi' | 'virtual' | 'other';

export interface DeviceFacts {
  /** The whole device: `/dev/sdb`, `\\.\PHYSICALDRIVE2`, `/dev/disk4`. */
  readonly path: string;
  readonly vendor: string | null;
  readonly model: string | null;
  readonly serial: string | null;
  readonly sizeBytes: number | null;
  /** `virtual` for loop devices, disk images and the disks of a virtual machine. */
  readonly transport: DeviceTransport | null;
  /** True for a spinning disk, false for flash/SSD; null when the OS does not say. */
  readonly rotational: boolean | null;
  readonly removable: boolean | null;
  readonly logicalSectorBytes: number | null;
  /** A partition of it is mounted at / (or /boot, /usr, swap), holds the OS, or holds the app's data folder. */
  readonly holdsSystem: boolean | null;
  /** The file behind a loop device or disk image. */
  readonly backingFile: string | null;
  /** Which tool said so: 'lsblk', 'sysfs', 'Get-PhysicalDisk', 'diskutil info'. */
  readonly source: string;
}

export interface Medium {
  readonly volume: VolumeFacts | null;
  readonly device: DeviceFacts | null;
  /** What could not be read, in English for the evidence (never a guess in its place). */
  readonly problems: readonly string[];
}

/** Reads the medium under a path (electron/platform/media); never throws — what it cannot read goes to `problems`. */
export type ReadMedium = (target: string) => Promise<Medium>;

/**
 * The family of a file system as the OSes spell it (`NTFS`, `FAT32`, `msdos`, `vfat`, `ntfs3`),
 * folded to one spelling for grading; the certificate keeps the OS's own name.
 */
export function fileSystemFamily(name: string | null | undefined): string | null {
  const lower = name?.trim().toLowerCase();
  if (!lower) return null;
  if (lower === 'msdos' || lower === 'fat' || lower === 'fat16' || lower === 'fat12' || lower === 'fat32') return 'vfat';
  if (lower === 'hfsplus' || lower === 'hfs+') return 'hfs';
  if (lower === 'ntfs3') return 'ntfs';
  return lower;
}
