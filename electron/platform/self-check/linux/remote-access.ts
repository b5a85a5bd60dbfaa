/**
 * Remote-access services listening on this laptop, from the kernel's socket tables
 * /proc/net/tcp and /proc/net/tcp6, which any user may read (proc(5)); no `ss`, no root.
 * A line's local_address is "<hex address>:<hex port>" and st 0A is LISTEN. The address is the
 * kernel's 32-bit words printed in host byte order, so 127.0.0.1 reads "0100007F" on the
 * little-endian machines laptops are.
 *
 * Ports: 22 ssh (sshd), 3389 rdp (xrdp, gnome-remote-desktop), 5900-5910 vnc (x11vnc, vino,
 * TigerVNC). A service bound only to loopback (127.0.0.0/8, ::1) cannot be reached from the
 * network — typically VNC behind an ssh tunnel — so it is kept out of `listening` and shown in
 * the evidence instead. Which program owns a socket is not readable without root.
 */
import { endianness } from 'node:os';
import type { ProbeEvidence, ProbeOutcome, RemoteAccessObservation } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { LinuxProbeContext, Read } from './linux-context';
import { fileProblemToProbe, readFacts, readText } from './linux-context';

export const PROC_NET_TCP = ['/proc/net/tcp', '/proc/net/tcp6'] as const;
const LISTEN = '0A';

type Service = RemoteAccessObservation['listening'][number]['service'];

export interface ListeningSocket {
  readonly address: string;
  readonly port: number;
  readonly loopback: boolean;
}

export interface RemoteAccessReadings {
  readonly tables: readonly Read<string>[];
  /** Host byte order of the machine that wrote the tables. */
  readonly littleEndian: boolean;
}

export function serviceForPort(port: number): Service | null {
  if (port === 22) return 'ssh';
  if (port === 3389) return 'rdp';
  return port >= 5900 && port <= 5910 ? 'vnc' : null;
}

/** One 32-bit word as printed by the kernel, to its 4 bytes in network order. */
function wordBytes(hex: string, littleEndian: boolean): number[] {
  const bytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return littleEndian ? bytes.reverse() : bytes;
}

function formatIpv6(bytes: readonly number[]): string {
  const groups = [0, 2, 4, 6, 8, 10, 12, 14].map((i) => (((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') return `::ffff:${bytes.slice(12).join('.')}`;
  // Compress the longest run of zero groups as "::" (RFC 5952).
  const text = groups.join(':');
  const runs = text.match(/(?:^|:)0(?::0)+(?::|$)/g) ?? [];
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest ? text.replace(longest, '::') : text;
}

/** "0100007F" / 32 hex digits to an address and whether it is loopback. */
export function decodeAddress(hex: string, littleEndian: boolean): { address: string; loopback: boolean } | null {
  if (!/^[0-9A-Fa-f]+$/.test(hex) || (hex.length !== 8 && hex.length !== 32)) return null;
  const bytes = [0, 8, 16, 24].filter((i) => i < hex.length).flatMap((i) => wordBytes(hex.slice(i, i + 8), littleEndian));
  if (bytes.length === 4) return { address: bytes.join('.'), loopback: bytes[0] === 127 };
  const address = formatIpv6(bytes);
  return { address: `[${address}]`, loopback: address === '::1' || address.startsWith('::ffff:127.') };
}

/** The LISTEN sockets of one /proc/net/tcp or tcp6 table. */
export function parseProcNetTcp(text: string, littleEndian: boolean): ListeningSocket[] {
  return text.split('\n').flatMap((line) => {
    const [, local = '', , state] = line.trim().split(/\s+/);
    const [addrHex = '', portHex = ''] = local.split(':');
    if (state !== LISTEN || !/^[0-9A-Fa-f]{4}$/.test(portHex)) return [];
    const decoded = decodeAddress(addrHex, littleEndian);
    return decoded ? [{ ...decoded, port: parseInt(portHex, 16) }] : [];
  });
}

function summarize(sockets: readonly ListeningSocket[]): RemoteAccessObservation['listening'] {
  const byPort = new Map<number, string[]>();
  for (const s of sockets) byPort.set(s.port, [...(byPort.get(s.port) ?? []), `${s.address}:${s.port}`]);
  return [...byPort.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([port, addresses]) => {
      const service = serviceForPort(port);
      return service ? [{ service, port, detail: `listening on ${[...new Set(addresses)].join(', ')}` }] : [];
    });
}

function portList(sockets: readonly ListeningSocket[]): string | null {
  return [...new Set(sockets.map((s) => s.port))].sort((a, b) => a - b).join(',') || null;
}

export function parseRemoteAccess(r: RemoteAccessReadings, observedAt: Date): ProbeOutcome<RemoteAccessObservation> {
  const out: ProbeEvidence[] = [];
  const sockets = r.tables.flatMap((t) => {
    const found = t.ok ? parseProcNetTcp(t.value, r.littleEndian) : [];
    const remote = found.filter((s) => serviceForPort(s.port) !== null);
    const facts = {
      listeningSockets: found.length,
      remoteAccessPorts: portList(remote.filter((s) => !s.loopback)),
      loopbackOnlyPorts: portList(remote.filter((s) => s.loopback)),
    };
    out.push(evidence(t.source, { ...readFacts(t), ...facts }, observedAt));
    return found;
  });
  const [ipv4] = r.tables;
  // tcp6 is absent when IPv6 is disabled; without the IPv4 table, though, nothing is known.
  if (!ipv4?.ok) {
    const problem = ipv4 ? fileProblemToProbe(ipv4.problem, 'notApplicable') : 'notApplicable';
    return { ok: false, problem, detail: 'the IPv4 socket table could not be read', evidence: out };
  }
  const reachable = sockets.filter((s) => !s.loopback && serviceForPort(s.port) !== null);
  return { ok: true, observation: { listening: summarize(reachable) }, evidence: out };
}

export async function probeRemoteAccess(ctx: LinuxProbeContext): Promise<ProbeOutcome<RemoteAccessObservation>> {
  const tables = await Promise.all(PROC_NET_TCP.map((f) => readText(ctx, f)));
  return parseRemoteAccess({ tables, littleEndian: endianness() === 'LE' }, ctx.now());
}
