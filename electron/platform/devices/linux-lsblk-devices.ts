/**
 * Linux: `lsblk --json --bytes --output PATH,TYPE,RM,HOTPLUG,TRAN,VENDOR,MODEL,SERIAL,SIZE,MOUNTPOINT`,
 * readable by any user (lsblk takes vendor, model and serial from sysfs and the udev database).
 * One entry per whole disk, with the mount points of every partition, LUKS mapping or LVM
 * volume below it. util-linux before 2.33 printed flags and sizes as strings ("1", "16008609792"):
 * both are read.
 */
import { z } from 'zod';
import type { DeviceDetails } from '../../core/ledger/device-details';

export const LSBLK_DEVICE_ARGS = [
  '--json',
  '--bytes',
  '--output',
  'PATH,TYPE,RM,HOTPLUG,TRAN,VENDOR,MODEL,SERIAL,SIZE,MOUNTPOINT',
] as const;

export const lsblkFlag = z.union([z.boolean(), z.enum(['0', '1']).transform((v) => v === '1')]).nullish();
const size = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish();

/** One lsblk node with every column FieldGuard asks for; a column not asked for is absent. */
export interface LsblkNode {
  path?: string | null;
  name?: string | null;
  type?: string | null;
  rm?: boolean | null;
  hotplug?: boolean | null;
  tran?: string | null;
  vendor?: string | null;
  model?: string | null;
  serial?: string | null;
  size?: number | null;
  mountpoint?: string | null;
  /** The columns the erasure's medium probe adds (electron/platform/media/linux-medium.ts). */
  pkname?: string | null;
  fstype?: string | null;
  rota?: boolean | null;
  'log-sec'?: number | null;
  'maj:min'?: string | null;
  children?: LsblkNode[];
}

export const LsblkNode: z.ZodType<LsblkNode> = z.lazy(() =>
  z.object({
    path: z.string().nullish(),
    name: z.string().nullish(),
    type: z.string().nullish(),
    rm: lsblkFlag,
    hotplug: lsblkFlag,
    tran: z.string().nullish(),
    vendor: z.string().nullish(),
    model: z.string().nullish(),
    serial: z.string().nullish(),
    size,
    mountpoint: z.string().nullish(),
    pkname: z.string().nullish(),
    fstype: z.string().nullish(),
    rota: lsblkFlag,
    'log-sec': size,
    'maj:min': z.string().nullish(),
    children: z.array(LsblkNode).optional(),
  }),
);

export const LsblkOutput = z.object({ blockdevices: z.array(LsblkNode) });

/** lsblk pads vendor names to 8 characters ("SanDisk "); an empty value means "not known". */
export function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function mountsBelow(node: LsblkNode): string[] {
  return [...(node.mountpoint && !node.mountpoint.startsWith('[') ? [node.mountpoint] : []), ...(node.children ?? []).flatMap(mountsBelow)];
}

/** SD cards in a built-in reader have no transport, but their kernel name tells (mmcblk0). */
export function busOf(node: LsblkNode): string | null {
  const tran = clean(node.tran)?.toLowerCase() ?? null;
  if (tran) return tran;
  return /\/mmcblk\d+$/.test(node.path ?? node.name ?? '') ? 'sd' : null;
}

export function parseLsblkDevices(json: string): DeviceDetails[] {
  const output = LsblkOutput.parse(JSON.parse(json));
  return output.blockdevices
    .filter((node) => (node.type ?? 'disk') === 'disk' || node.type === 'rom')
    .map((node) => ({
      mounts: mountsBelow(node),
      vendor: clean(node.vendor),
      model: clean(node.model),
      serial: clean(node.serial),
      bus: busOf(node),
      sizeBytes: node.size ?? null,
      removable: node.rm === true || node.hotplug === true ? true : node.rm === false && node.hotplug === false ? false : null,
    }));
}
