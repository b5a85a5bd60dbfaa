/** The `disks.*` channels: the laptop's mounted volumes (System page, later erasure and ledger). */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';

export const Volume = z.object({
  /** Where the volume is mounted: `/`, `/media/usb`, `C:`. */
  mount: z.string(),
  /** The device or description the OS reports (`/dev/sdb1`, `Local Fixed Disk`). */
  device: z.string(),
  /** `ext4`, `vfat`, `NTFS`…, or null where the OS does not tell without admin rights. */
  fileSystem: z.string().nullable(),
  label: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  freeBytes: z.number().int().nonnegative(),
  /** True for USB sticks, SD cards and other hot-pluggable media; null where unknown. */
  removable: z.boolean().nullable(),
});
export type Volume = z.infer<typeof Volume>;

export const VolumeList = z.object({
  volumes: z.array(Volume),
  readAt: z.iso.datetime(),
});
export type VolumeList = z.infer<typeof VolumeList>;

export const diskChannels = {
  'disks.list': defineChannel({ request: noRequest, response: VolumeList }),
};
