/**
 * Facts that `df` (and so node-disk-info) does not give, read without admin rights: each
 * mount's file-system type and exact mount point (Linux: /proc/self/mounts, which escapes
 * spaces as \040, or /proc/self/mountinfo with options and device numbers; macOS: the output
 * of `mount`), and whether a Linux block device is removable or hot-pluggable (`lsblk --json`).
 */
export interface MountEntry {
  readonly device: string;
  readonly mount: string;
  readonly fileSystem: string;
}

export interface BlockDevice {
  readonly path: string;
  readonly removable: boolean;
  readonly label: string | null;
}

/** Parses /proc/self/mounts (fstab format). Later lines win: they are the mounts on top. */
export function parseProcMounts(text: string): MountEntry[] {
  const byMount = new Map<string, MountEntry>();
  for (const line of text.split('\n')) {
    const [device, mount, fileSystem] = line.trim().split(/\s+/);
    if (!device || !mount || !fileSystem) continue;
    const decoded = { device: unescapeOctal(device), mount: unescapeOctal(mount), fileSystem };
    byMount.set(decoded.mount, decoded);
  }
  return [...byMount.values()];
}

/** Parses macOS `mount` output: `/dev/disk4s1 on /Volumes/USB MEMORY (msdos, local, nodev)`. */
export function parseDarwinMount(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [, device, mount, fileSystem] = /^(.+?) on (.+) \(([^,)]+)[^)]*\)\s*$/.exec(line.trim()) ?? [];
    if (device && mount && fileSystem) entries.push({ device, mount, fileSystem });
  }
  return entries;
}

/**
 * One line of /proc/self/mountinfo: unlike /proc/self/mounts it carries the device number
 * (major:minor), the per-mount options and the file system's own "super" options (ext4's
 * `data=journal` is one of those on most kernels), so what lies under a path can be said exactly.
 */
export interface MountInfoEntry {
  readonly majorMinor: string;
  /** The folder of the file system that is mounted here (not "/" for bind mounts and btrfs subvolumes). */
  readonly root: string;
  readonly mount: string;
  readonly fileSystem: string;
  /** The block device or image behind the mount as the kernel names it (`/dev/mapper/vg-root`, `none`). */
  readonly source: string | null;
  readonly mountOptions: readonly string[];
  readonly superOptions: readonly string[];
}

/**
 * Parses /proc/self/mountinfo (proc(5)): `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`.
 * The optional fields end at the lone "-"; paths escape space, tab, newline and backslash as
 * octal (\040). Lines are in mount order, so later entries are the mounts on top.
 */
export function parseMountInfo(text: string): MountInfoEntry[] {
  const entries: MountInfoEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const separator = fields.indexOf('-', 6);
    if (separator < 0 || fields.length < separator + 3) continue;
    const [, , majorMinor, root, mount, options] = fields;
    const [fileSystem, source, superOptions] = fields.slice(separator + 1);
    if (!majorMinor || !root || !mount || !options || !fileSystem) continue;
    entries.push({
      majorMinor,
      root: unescapeOctal(root),
      mount: unescapeOctal(mount),
      fileSystem: unescapeOctal(fileSystem),
      source: source && source !== 'none' ? unescapeOctal(source) : null,
      mountOptions: options.split(',').filter(Boolean),
      superOptions: (superOptions ?? '').split(',').filter(Boolean).map(unescapeOctal),
    });
  }
  return entries;
}

/**
 * The mount a path lies on: the longest mount point that is the path or one of its parent
 * folders (the later of two equal mount points: it is mounted on top). The path must already be
 * absolute and resolved (realpath), or a symbolic link would lead to the wrong volume.
 */
export function mountContaining<T extends { readonly mount: string }>(entries: readonly T[], resolvedPath: string): T | null {
  let best: T | null = null;
  for (const entry of entries) {
    if (!isWithin(resolvedPath, entry.mount)) continue;
    if (!best || entry.mount.length >= best.mount.length) best = entry;
  }
  return best;
}

function isWithin(path: string, mount: string): boolean {
  if (mount === '/' || path === mount) return path.startsWith('/');
  return path.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
}

function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

interface LsblkNode {
  path?: unknown;
  name?: unknown;
  rm?: unknown;
  hotplug?: unknown;
  label?: unknown;
  children?: unknown;
}

/** Parses `lsblk --json -o PATH,RM,HOTPLUG,LABEL`; old util-linux prints "0"/"1" strings. */
export function parseLsblkJson(text: string): BlockDevice[] {
  const root = JSON.parse(text) as { blockdevices?: unknown };
  const devices: BlockDevice[] = [];
  const visit = (nodes: unknown, parentRemovable: boolean): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as LsblkNode[]) {
      const path = typeof node.path === 'string' ? node.path : typeof node.name === 'string' ? `/dev/${node.name}` : null;
      const removable = parentRemovable || truthy(node.rm) || truthy(node.hotplug);
      if (path) devices.push({ path, removable, label: typeof node.label === 'string' ? node.label : null });
      visit(node.children, removable);
    }
  };
  visit(root.blockdevices, false);
  return devices;
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
