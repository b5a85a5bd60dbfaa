/**
 * Linux: the medium under a path, from /proc/self/mountinfo (the mount, its file system, its
 * mount and super options, its device number) and `lsblk --json` in tree form, where every
 * whole disk is a root and partitions, LUKS mappings, LVM volumes and RAID members hang below
 * it: the disks under a volume are the roots whose tree holds the volume's device. Loop devices
 * get their backing file from /sys/block/loopN/loop/backing_file. The parsers here are pure
 * (tested on recorded outputs); linux-medium-probe.ts runs the commands.
 */
import { mountContaining, type MountInfoEntry } from '../disks/mount-tables';
import { clean, LsblkOutput, type LsblkNode } from '../devices/linux-lsblk-devices';
import type { DeviceFacts, DeviceTransport, Medium, VolumeFacts } from '../../core/erasure/medium';
import { isVirtualMake } from './virtual-makes';

/** The ledger's columns plus those that tell the medium: parent, file system, rotational, sector size, device number. */
export const LINUX_MEDIUM_LSBLK_ARGS = [
  '--json',
  '--bytes',
  '--output',
  'PATH,PKNAME,TYPE,FSTYPE,MOUNTPOINT,VENDOR,MODEL,SERIAL,SIZE,TRAN,ROTA,RM,HOTPLUG,LOG-SEC,MAJ:MIN',
] as const;

/** Mounts whose disk is the system disk: erasing that whole disk would erase the running OS. */
const SYSTEM_MOUNTS = new Set(['/', '/boot', '/boot/efi', '/efi', '/usr', '/var']);

/** What the runner read beside mountinfo and lsblk, keyed by the whole disk's kernel name (loop0, mmcblk0). */
export interface SysfsFacts {
  /** /sys/block/loopN/loop/backing_file. */
  readonly backingFiles: Readonly<Record<string, string>>;
  /** /sys/block/mmcblkN/device/type: "SD" or "MMC". */
  readonly mmcTypes: Readonly<Record<string, string>>;
}

export const NO_SYSFS_FACTS: SysfsFacts = { backingFiles: {}, mmcTypes: {} };

export function parseLsblkTree(json: string): LsblkNode[] {
  return LsblkOutput.parse(JSON.parse(json)).blockdevices;
}

export function volumeFromMount(entry: MountInfoEntry): VolumeFacts {
  return {
    mountPoint: entry.mount,
    fileSystem: entry.fileSystem.toLowerCase(),
    mountOptions: [...new Set([...entry.mountOptions, ...entry.superOptions])],
    source: entry.source,
  };
}

function pathOf(node: LsblkNode): string | null {
  return node.path ?? (node.name ? `/dev/${node.name}` : null);
}

function kernelName(node: LsblkNode): string {
  return (pathOf(node) ?? '').replace(/^\/dev\//, '');
}

function* subtree(node: LsblkNode): Generator<LsblkNode> {
  yield node;
  for (const child of node.children ?? []) yield* subtree(child);
}

/** How the volume's device may be named: the mount's source as given and resolved, and its device number. */
export interface DeviceReference {
  readonly paths: readonly string[];
  readonly majorMinor: string | null;
}

function matches(node: LsblkNode, reference: DeviceReference): boolean {
  const path = pathOf(node);
  return (path !== null && reference.paths.includes(path)) || (reference.majorMinor !== null && node['maj:min'] === reference.majorMinor);
}

/** The whole disks under a device: every root of lsblk's tree that holds it (one, or several for RAID or LVM spanning disks). */
export function wholeDisksUnder(roots: readonly LsblkNode[], reference: DeviceReference): LsblkNode[] {
  return roots.filter((root) => [...subtree(root)].some((node) => matches(node, reference)));
}

/** Kernel names of loop, RAM, network and paravirtual disks. */
const VIRTUAL_NAMES = /^(loop|zram|ram|nbd|rbd|vd[a-z]|xvd[a-z])/;

export function linuxTransport(node: LsblkNode, mmcType: string | null): DeviceTransport | null {
  const name = kernelName(node);
  if (node.type === 'loop' || VIRTUAL_NAMES.test(name) || isVirtualMake(clean(node.vendor), clean(node.model))) return 'virtual';
  const tran = clean(node.tran)?.toLowerCase() ?? null;
  if (tran === 'mmc' || /^mmcblk\d+$/.test(name)) return mmcType?.trim().toUpperCase() === 'SD' ? 'sd' : 'mmc';
  if (tran === null) return /^nvme\d+n\d+$/.test(name) ? 'nvme' : null;
  if (tran === 'usb' || tran === 'sata' || tran === 'sas' || tran === 'nvme') return tran;
  if (tran === 'fc' || tran === 'iscsi' || tran === 'srp' || tran === 'scsi') return 'scsi';
  return 'other';
}

/**
 * Whether a whole disk carries the running system or the app's data: one of its nodes is the
 * source of a system mount or of the data folder's mount, or swap (lsblk's "[SWAP]"). Null when
 * nothing says yes and the mount table could not be read.
 */
export function diskHoldsSystem(
  root: LsblkNode,
  mounts: readonly MountInfoEntry[] | null,
  dataFolderMount: MountInfoEntry | null,
): boolean | null {
  const nodes = [...subtree(root)];
  if (nodes.some((node) => node.mountpoint === '[SWAP]' || (node.mountpoint && SYSTEM_MOUNTS.has(node.mountpoint)))) return true;
  if (mounts === null) return null;
  const critical = mounts.filter((entry) => SYSTEM_MOUNTS.has(entry.mount));
  if (dataFolderMount) critical.push(dataFolderMount);
  return critical.some((entry) =>
    nodes.some((node) => matches(node, { paths: entry.source ? [entry.source] : [], majorMinor: entry.majorMinor })),
  );
}

export function deviceFactsFromLsblk(root: LsblkNode, sysfs: SysfsFacts, holdsSystem: boolean | null): DeviceFacts {
  const name = kernelName(root);
  const transport = linuxTransport(root, sysfs.mmcTypes[name] ?? null);
  const backingFile = sysfs.backingFiles[name] ?? null;
  const removable = root.rm === true || root.hotplug === true ? true : root.rm === false && root.hotplug === false ? false : null;
  return {
    path: pathOf(root) ?? `/dev/${name}`,
    vendor: clean(root.vendor),
    model: clean(root.model),
    serial: clean(root.serial),
    sizeBytes: root.size ?? null,
    transport,
    // A virtual disk's rotational flag describes no physical medium (virtio disks say "rotational").
    rotational: transport === 'virtual' ? null : (root.rota ?? null),
    removable,
    logicalSectorBytes: root['log-sec'] ?? null,
    holdsSystem,
    backingFile,
    source: backingFile ? 'lsblk, sysfs' : 'lsblk',
  };
}

export interface LinuxMediumInput {
  /** The target, absolute and resolved (realpath). */
  readonly resolvedPath: string;
  /** /proc/self/mountinfo parsed, or null with the reason in problems. */
  readonly mounts: readonly MountInfoEntry[] | null;
  /** lsblk's tree parsed, or null with the reason in problems. */
  readonly disks: readonly LsblkNode[] | null;
  /** The volume's source resolved (a /dev/disk/by-uuid/… link → /dev/sdb1), when it differs. */
  readonly resolvedSource?: string | null;
  readonly sysfs?: SysfsFacts;
  /** The mount of the app's data folder, for holdsSystem. */
  readonly dataFolderMount?: MountInfoEntry | null;
  readonly problems?: readonly string[];
}

/** The medium under one path from what was read; never throws: what is missing goes to problems. */
export function linuxMediumFrom(input: LinuxMediumInput): Medium {
  const problems = [...(input.problems ?? [])];
  const mount = input.mounts ? mountContaining(input.mounts, input.resolvedPath) : null;
  if (input.mounts && !mount) problems.push(`no mount in /proc/self/mountinfo contains ${input.resolvedPath}`);
  const volume = mount ? volumeFromMount(mount) : null;
  if (!mount || !input.disks) return { volume, device: null, problems };

  const reference: DeviceReference = {
    paths: [mount.source, input.resolvedSource].filter((p): p is string => typeof p === 'string'),
    majorMinor: mount.majorMinor,
  };
  const roots = wholeDisksUnder(input.disks, reference);
  if (roots.length === 0) {
    problems.push(`no block device found under ${mount.mount} (source ${mount.source ?? 'none'}, ${mount.fileSystem})`);
    return { volume, device: null, problems };
  }
  const [root, ...others] = roots;
  if (!root || others.length > 0) {
    // RAID or LVM across disks: no single device's facts may stand for the medium.
    problems.push(`${mount.mount} spans several disks (${roots.map((r) => pathOf(r)).join(', ')})`);
    return { volume, device: null, problems };
  }
  return {
    volume,
    device: deviceFactsFromLsblk(root, input.sysfs ?? NO_SYSFS_FACTS, diskHoldsSystem(root, input.mounts, input.dataFolderMount ?? null)),
    problems,
  };
}

/**
 * Every whole disk lsblk lists, and loop devices with a backing file (whole-medium erasure is
 * tested on those); RAM disks (zram) and optical drives are not media to erase.
 */
export function linuxWholeDevicesFrom(
  disks: readonly LsblkNode[],
  mounts: readonly MountInfoEntry[] | null,
  sysfs: SysfsFacts,
  dataFolderMount: MountInfoEntry | null,
): DeviceFacts[] {
  return disks
    .filter(
      (root) =>
        ((root.type ?? 'disk') === 'disk' && !/^(zram|ram)\d/.test(kernelName(root))) ||
        (root.type === 'loop' && sysfs.backingFiles[kernelName(root)] !== undefined),
    )
    .map((root) => deviceFactsFromLsblk(root, sysfs, diskHoldsSystem(root, mounts, dataFolderMount)));
}

/** The kernel names of the roots whose sysfs facts the runner should read. */
export function sysfsNamesToRead(disks: readonly LsblkNode[]): { loops: string[]; mmc: string[] } {
  const names = disks.map(kernelName);
  return { loops: names.filter((n) => /^loop\d+$/.test(n)), mmc: names.filter((n) => /^mmcblk\d+$/.test(n)) };
}
