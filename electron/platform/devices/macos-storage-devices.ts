/**
 * macOS: `system_profiler -json SPStorageDataType SPUSBDataType`, which needs no administrator
 * rights. SPStorageDataType gives each mounted volume's BSD name (disk4s1), mount point and
 * physical drive (name, protocol, internal or not); SPUSBDataType gives the USB devices with
 * manufacturer and serial number, each listing its media by whole-disk BSD name (disk4).
 * The two meet on the whole disk. (macOS 26 renamed the USB data type SPUSBHostDataType; its
 * devices then come without serials here, and are still listed.)
 */
import { z } from 'zod';
import type { DeviceDetails } from '../../core/ledger/device-details';

export const SYSTEM_PROFILER_ARGS = ['-json', 'SPStorageDataType', 'SPUSBDataType'] as const;

const StorageVolume = z.object({
  _name: z.string().nullish(),
  bsd_name: z.string().nullish(),
  mount_point: z.string().nullish(),
  size_in_bytes: z.number().nullish(),
  physical_drive: z
    .object({
      device_name: z.string().nullish(),
      is_internal_disk: z.string().nullish(),
      media_name: z.string().nullish(),
      protocol: z.string().nullish(),
    })
    .nullish(),
});

interface UsbNode {
  _name?: string | null;
  manufacturer?: string | null;
  serial_num?: string | null;
  Media?: Array<{ bsd_name?: string | null; size_in_bytes?: number | null; removable_media?: string | null }> | null;
  _items?: UsbNode[] | null;
}

const UsbNode: z.ZodType<UsbNode> = z.lazy(() =>
  z.object({
    _name: z.string().nullish(),
    manufacturer: z.string().nullish(),
    serial_num: z.string().nullish(),
    Media: z
      .array(z.object({ bsd_name: z.string().nullish(), size_in_bytes: z.number().nullish(), removable_media: z.string().nullish() }))
      .nullish(),
    _items: z.array(UsbNode).nullish(),
  }),
);

const Output = z.object({ SPStorageDataType: z.array(StorageVolume).default([]), SPUSBDataType: z.array(UsbNode).default([]) });

interface UsbMedium {
  readonly manufacturer: string | null;
  readonly name: string | null;
  readonly serial: string | null;
  readonly sizeBytes: number | null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** disk4s1 → disk4 (APFS containers, disk3s1s1, keep their own whole disk: disk3). */
export function wholeDisk(bsdName: string): string {
  return /^(disk\d+)/.exec(bsdName)?.[1] ?? bsdName;
}

function usbMediaByDisk(nodes: readonly UsbNode[], into = new Map<string, UsbMedium>()): Map<string, UsbMedium> {
  for (const node of nodes) {
    for (const medium of node.Media ?? []) {
      if (medium.bsd_name)
        into.set(wholeDisk(medium.bsd_name), {
          manufacturer: clean(node.manufacturer),
          name: clean(node._name),
          serial: clean(node.serial_num),
          sizeBytes: medium.size_in_bytes ?? null,
        });
    }
    usbMediaByDisk(node._items ?? [], into);
  }
  return into;
}

export function parseSystemProfilerDevices(json: string): DeviceDetails[] {
  const output = Output.parse(JSON.parse(json));
  const usb = usbMediaByDisk(output.SPUSBDataType);
  const byDisk = new Map<string, { mounts: string[]; volume: z.infer<typeof StorageVolume> }>();
  for (const volume of output.SPStorageDataType) {
    if (!volume.bsd_name) continue;
    const disk = wholeDisk(volume.bsd_name);
    const entry = byDisk.get(disk) ?? { mounts: [], volume };
    if (volume.mount_point) entry.mounts.push(volume.mount_point);
    byDisk.set(disk, entry);
  }
  return [...byDisk.entries()].map(([disk, { mounts, volume }]) => {
    const drive = volume.physical_drive;
    const fromUsb = usb.get(disk);
    const protocol = clean(drive?.protocol)?.toLowerCase() ?? null;
    const internal = clean(drive?.is_internal_disk);
    return {
      mounts,
      vendor: fromUsb?.manufacturer ?? null,
      model: fromUsb?.name ?? clean(drive?.device_name),
      serial: fromUsb?.serial ?? null,
      bus: protocol === 'secure digital' ? 'sd' : protocol,
      sizeBytes: fromUsb?.sizeBytes ?? null,
      removable: internal === 'no' ? true : internal === 'yes' ? false : null,
    };
  });
}

/** The USB serial number of each whole disk (disk4 → "4C530001231115117224"), for diskutil, which gives none. */
export function usbSerialsByWholeDisk(json: string): Map<string, string> {
  const serials = new Map<string, string>();
  for (const [disk, medium] of usbMediaByDisk(Output.parse(JSON.parse(json)).SPUSBDataType))
    if (medium.serial) serials.set(disk, medium.serial);
  return serials;
}
