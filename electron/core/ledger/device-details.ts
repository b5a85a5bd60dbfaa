/**
 * The port to what the OS knows about the devices behind the mounted volumes — make, model,
 * serial, bus — read without administrator rights (lsblk on Linux, Get-Disk/Get-Partition on
 * Windows, system_profiler on macOS; electron/platform/devices). The ledger registers media
 * from it and recognises them by serial at an inventory.
 */
export interface DeviceDetails {
  /** Where the device's volumes are mounted, as ReadVolumes reports them (`/media/u/MY DISK`, `D:`, `/Volumes/USB`). */
  readonly mounts: readonly string[];
  readonly vendor: string | null;
  readonly model: string | null;
  readonly serial: string | null;
  /** `usb`, `sata`, `nvme`, `sd`, … in lower case, as the OS names the bus; null when unknown. */
  readonly bus: string | null;
  /** The whole device's capacity in bytes. */
  readonly sizeBytes: number | null;
  /** Hot-pluggable or removable media; null when the OS does not say. */
  readonly removable: boolean | null;
}

export type ReadDeviceDetails = () => Promise<DeviceDetails[]>;
