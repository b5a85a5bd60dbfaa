/**
 * macOS: the medium under a path from `diskutil info -plist` — of the volume (file system,
 * device node, the APFS container's physical store or the parent whole disk) and of the
 * physical whole disk under it (media name, size, bus, solid state or not, internal,
 * removable, ejectable). An APFS volume lives in a synthesized container disk (disk3), so the
 * physical disk is the whole disk of the container's physical store (disk0s2 → disk0). diskutil
 * tells no serial number: a USB device's comes from system_profiler. diskutil answers an error
 * as a plist with Error and ErrorMessage, which becomes a problem. Pure parsers here;
 * macos-medium-probe.ts runs the commands.
 */
import { parse } from 'plist';
import { z } from 'zod';
import type { DeviceFacts, DeviceTransport, VolumeFacts } from '../../core/erasure/medium';
import { wholeDisk } from '../devices/macos-storage-devices';
import { isVirtualMake } from './virtual-makes';

const text = z.string().nullish();
const yesNo = z.boolean().nullish();
const count = z.number().nullish();

/** The keys FieldGuard reads; diskutil prints many more, which are kept out. */
const DiskutilInfo = z.object({
  Error: yesNo,
  ErrorMessage: text,
  DeviceIdentifier: text,
  DeviceNode: text,
  ParentWholeDisk: text,
  WholeDisk: yesNo,
  MountPoint: text,
  FilesystemType: text,
  FilesystemName: text,
  VolumeName: text,
  MediaName: text,
  IORegistryEntryName: text,
  BusProtocol: text,
  SolidState: yesNo,
  Internal: yesNo,
  RemovableMedia: yesNo,
  Removable: yesNo,
  Ejectable: yesNo,
  TotalSize: count,
  Size: count,
  IOKitSize: count,
  DeviceBlockSize: count,
  VirtualOrPhysical: text,
  APFSContainerReference: text,
  // Older macOS lists each store as a dict, some tools as a bare string.
  APFSPhysicalStores: z.array(z.union([z.string(), z.object({ APFSPhysicalStore: z.string() })])).nullish(),
});

export type DiskutilInfo = z.infer<typeof DiskutilInfo>;

/** Parses one `diskutil info -plist` answer; an error answer parses too (its Error key is true). */
export function parseDiskutilInfo(xml: string): DiskutilInfo {
  return DiskutilInfo.parse(parse(xml));
}

/** `diskutil list -plist physical`: the physical whole disks (disk0, disk4). */
export function parseDiskutilWholeDisks(xml: string): string[] {
  return z.object({ WholeDisks: z.array(z.string()) }).parse(parse(xml)).WholeDisks;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** An error answer's message, for problems. */
export function diskutilError(info: DiskutilInfo): string | null {
  return info.Error ? (clean(info.ErrorMessage) ?? 'diskutil answered with an error') : null;
}

export function macVolumeFrom(info: DiskutilInfo): VolumeFacts | null {
  const mountPoint = clean(info.MountPoint);
  if (!mountPoint) return null;
  return {
    mountPoint,
    fileSystem: clean(info.FilesystemType)?.toLowerCase() ?? null,
    // diskutil names options only inside FilesystemName ("Journaled HFS+").
    mountOptions: /journaled/i.test(info.FilesystemName ?? '') ? ['journaled'] : [],
    source: clean(info.DeviceNode) ?? (info.DeviceIdentifier ? `/dev/${info.DeviceIdentifier}` : null),
  };
}

/** The physical whole disk under a volume, or why it cannot be said (a Fusion drive spans two). */
export function physicalWholeDiskOf(info: DiskutilInfo): { disk: string | null; problem: string | null } {
  const stores = (info.APFSPhysicalStores ?? []).map((store) => (typeof store === 'string' ? store : store.APFSPhysicalStore));
  const disks = [...new Set(stores.map(wholeDisk))];
  if (disks.length > 1) return { disk: null, problem: `the APFS container spans several disks (${disks.join(', ')})` };
  const disk = disks[0] ?? clean(info.ParentWholeDisk) ?? (info.DeviceIdentifier ? wholeDisk(info.DeviceIdentifier) : null);
  return disk ? { disk, problem: null } : { disk: null, problem: 'diskutil named no whole disk under the volume' };
}

export function macTransport(info: DiskutilInfo): DeviceTransport | null {
  const bus = clean(info.BusProtocol)?.toLowerCase() ?? null;
  if (bus === 'disk image' || bus === 'virtual interface' || isVirtualMake(null, clean(info.MediaName))) return 'virtual';
  if (bus === null) return null;
  if (bus === 'usb') return 'usb';
  if (bus === 'sata') return 'sata';
  if (bus === 'sas') return 'sas';
  if (bus === 'secure digital' || bus === 'sd') return 'sd';
  if (bus.includes('nvme')) return 'nvme';
  // PCI, PCI-Express, Apple Fabric, Thunderbolt: the bus, not the kind of medium (SolidState tells that).
  return 'other';
}

/** SolidState is printed only when the device states its medium type; absent means unknown. */
function rotationalFrom(info: DiskutilInfo): boolean | null {
  return info.SolidState === true ? false : info.SolidState === false ? true : null;
}

function removableFrom(info: DiskutilInfo): boolean | null {
  if (info.RemovableMedia === true || info.Removable === true || info.Ejectable === true || info.Internal === false) return true;
  if (info.Internal === true && info.RemovableMedia === false) return false;
  return null;
}

export interface MacDeviceExtras {
  readonly holdsSystem: boolean | null;
  readonly serial: string | null;
}

export function macDeviceFrom(info: DiskutilInfo, extras: MacDeviceExtras): DeviceFacts {
  const identifier = clean(info.DeviceIdentifier) ?? clean(info.ParentWholeDisk) ?? 'disk?';
  const transport = macTransport(info);
  return {
    path: `/dev/${identifier}`,
    vendor: null,
    model: clean(info.MediaName) ?? clean(info.IORegistryEntryName),
    serial: extras.serial,
    sizeBytes: info.TotalSize ?? info.Size ?? info.IOKitSize ?? null,
    transport,
    rotational: transport === 'virtual' ? null : rotationalFrom(info),
    removable: removableFrom(info),
    logicalSectorBytes: info.DeviceBlockSize ?? null,
    holdsSystem: extras.holdsSystem,
    backingFile: null,
    source: 'diskutil info',
  };
}

/** `df -P PATH`'s mount point: the last line is `/dev/disk3s5  965595304 … 47%  /System/Volumes/Data` (spaces kept). */
export function parseDfMountPoint(output: string): string | null {
  const last = output.trim().split('\n').at(-1) ?? '';
  return /\s\d+%\s+(\/.*)$/.exec(last)?.[1] ?? null;
}
