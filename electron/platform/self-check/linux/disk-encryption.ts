/**
 * Whether the root file system sits on an encrypted block device (LUKS / dm-crypt), read
 * without root from `lsblk -s --json` (sysfs). With -s (inverse) every top-level node is a
 * device nothing else is stacked on, and its children are the devices it is built from, so the
 * subtree under the node mounted at "/" is everything the root file system depends on, e.g.
 *   vg0-root (lvm, "/") → nvme0n1p3_crypt (crypt) → nvme0n1p3 (part, crypto_LUKS) → nvme0n1 (disk).
 * Root is encrypted when every path down to a physical disk passes through a `crypt` device (or
 * a crypto_LUKS partition): an LVM volume spread over one encrypted and one plain disk is not.
 *
 * The JSON key is `mountpoint` (a string) before util-linux 2.37 and `mountpoints` (an array)
 * from 2.37 on; Debian 12 has 2.38. FSTYPE needs udev's database, which containers lack, so
 * the method is 'LUKS' only when crypto_LUKS is seen, else 'dm-crypt'.
 *
 * A root file system that is not a block device: overlay/tmpfs roots are containers or live
 * systems, where the laptop's disk is not visible (notApplicable); others (ZFS, network
 * roots) are reported as 'unrecognized' with the root device kept — not known, not guessed.
 */
import type { DiskEncryptionObservation, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext, Read } from './linux-context';
import { commandFacts, readFacts, readText, runCommand } from './linux-context';

export interface BlockNode {
  readonly name: string;
  readonly path: string | null;
  readonly type: string | null;
  readonly fsType: string | null;
  readonly mountpoints: readonly string[];
  /** With -s: the devices this one is built from. */
  readonly children: readonly BlockNode[];
}

export interface DiskReadings {
  readonly lsblk: CommandReading;
  readonly mounts: Read<string>;
}

const CONTAINER_ROOT_FS = new Set(['overlay', 'aufs', 'tmpfs', 'rootfs', 'fuse.fuse-overlayfs', 'shiftfs']);
export const LSBLK_COLUMNS = 'NAME,PATH,TYPE,FSTYPE,MOUNTPOINTS';
/** util-linux < 2.37 knows no MOUNTPOINTS, < 2.33 no PATH. */
export const LSBLK_OLD_COLUMNS = 'NAME,TYPE,FSTYPE,MOUNTPOINT';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function toNode(raw: unknown): BlockNode | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const name = text(r.name);
  if (name === null) return null;
  const mounts = Array.isArray(r.mountpoints) ? r.mountpoints : [r.mountpoint];
  const children = Array.isArray(r.children) ? r.children.map(toNode).filter((n): n is BlockNode => n !== null) : [];
  return {
    name,
    path: text(r.path),
    type: text(r.type),
    fsType: text(r.fstype),
    mountpoints: mounts.map(text).filter((m): m is string => m !== null),
    children,
  };
}

/** `lsblk --json` output to its device tree; null when it is not lsblk JSON. */
export function parseLsblkJson(json: string): BlockNode[] | null {
  try {
    const parsed = JSON.parse(json) as { blockdevices?: unknown };
    if (!Array.isArray(parsed.blockdevices)) return null;
    return parsed.blockdevices.map(toNode).filter((n): n is BlockNode => n !== null);
  } catch {
    return null;
  }
}

/** The nodes mounted at "/" (a btrfs root may list "/" on several subvolume mounts of one node). */
export function rootNodes(nodes: readonly BlockNode[]): BlockNode[] {
  return nodes.flatMap((n) => (n.mountpoints.includes('/') ? [n] : rootNodes(n.children)));
}

function encryptsBelow(node: BlockNode): boolean {
  return node.type === 'crypt' || node.fsType === 'crypto_LUKS';
}

/** Every path from `node` down to a device with nothing under it passes an encrypting layer. */
export function fullyEncrypted(node: BlockNode): boolean {
  if (encryptsBelow(node)) return true;
  return node.children.length > 0 && node.children.every(fullyEncrypted);
}

function flatten(node: BlockNode): BlockNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

/** "vg0-root(lvm) < nvme0n1p3_crypt(crypt) < …" for the evidence. */
function describeChain(node: BlockNode): string {
  return flatten(node)
    .map((n) => `${n.name}(${[n.type, n.fsType].filter(Boolean).join(',')})`)
    .join(' < ');
}

/** /proc/self/mounts: device and type of the file system mounted at "/" (the topmost one). */
export function rootMount(mountsText: string): { source: string; fsType: string } | null {
  const lines = mountsText.split('\n').map((l) => l.trim().split(/\s+/));
  const root = lines.filter((f) => f[1] === '/').at(-1);
  return root?.[0] && root[2] ? { source: root[0], fsType: root[2] } : null;
}

export function parseDiskEncryption(r: DiskReadings, observedAt: Date): ProbeOutcome<DiskEncryptionObservation> {
  const root = r.mounts.ok ? rootMount(r.mounts.value) : null;
  const out: ProbeEvidence[] = [
    evidence(r.mounts.source, { ...readFacts(r.mounts), rootSource: root?.source ?? null, rootFsType: root?.fsType ?? null }, observedAt),
  ];
  if (root && CONTAINER_ROOT_FS.has(root.fsType)) {
    return {
      ok: false,
      problem: 'notApplicable',
      detail: `the root file system is ${root.fsType} (a container or live system): the laptop's disk is not visible`,
      evidence: out,
    };
  }
  const tree = r.lsblk.ok ? parseLsblkJson(r.lsblk.stdout) : null;
  if (tree === null) {
    out.push(evidence(r.lsblk.source, commandFacts(r.lsblk), observedAt));
    return { ok: false, problem: r.lsblk.ok ? 'unparseable' : r.lsblk.problem, evidence: out };
  }
  const roots = rootNodes(tree);
  const encrypted = roots.length === 0 ? null : roots.every(fullyEncrypted);
  const chain = roots.map(describeChain).join('; ');
  out.push(evidence(r.lsblk.source, { ...commandFacts(r.lsblk), rootDevices: roots.length, chain: chain || null, encrypted }, observedAt));
  const layers = roots.flatMap(flatten);
  const method = encrypted === null ? null : !encrypted ? 'none' : layers.some((n) => n.fsType === 'crypto_LUKS') ? 'LUKS' : 'dm-crypt';
  const state = encrypted === null ? 'unrecognized' : encrypted ? 'on' : 'off';
  const raw = encrypted === null ? { raw: `root on ${root?.source ?? 'unknown device'} (${root?.fsType ?? '?'})` } : {};
  return { ok: true, observation: { volume: '/', state, method, ...raw }, evidence: out };
}

export async function probeDiskEncryption(ctx: LinuxProbeContext): Promise<ProbeOutcome<DiskEncryptionObservation>> {
  const run = (columns: string): Promise<CommandReading> => runCommand(ctx, 'lsblk', ['-s', '--json', '--output', columns]);
  const [first, mounts] = await Promise.all([run(LSBLK_COLUMNS), readText(ctx, '/proc/self/mounts')]);
  const oldLsblk = !first.ok && /unknown column/i.test(first.stderr);
  const lsblk = oldLsblk ? await run(LSBLK_OLD_COLUMNS) : first;
  return parseDiskEncryption({ lsblk, mounts }, ctx.now());
}
