/**
 * Facts that `df` (and so node-disk-info) does not give, read without admin rights: each
 * mount's file-system type and exact mount point (Linux: /proc/self/mounts, which escapes
 * spaces as \040; macOS: the output of `mount`), and whether a Linux block device is
 * removable or hot-pluggable (`lsblk --json`).
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
