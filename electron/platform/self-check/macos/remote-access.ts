/**
 * Remote-access services listening on this Mac, from `netstat -an -p tcp`.
 *
 * Why netstat: `systemsetup -getremotelogin` needs admin rights, and `lsof -iTCP -sTCP:LISTEN`
 * run without root lists only the user's own processes. Remote Login (sshd) and Screen Sharing
 * are started on demand by launchd, which holds their listening sockets, and netstat lists every
 * socket without root. Its lines are BSD-style, the port after the last dot:
 *
 *   Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
 *   tcp4       0      0  *.22                   *.*                    LISTEN
 *   tcp6       0      0  *.5900                 *.*                    LISTEN
 *
 * Ports: 22 Remote Login (SSH), 5900 Screen Sharing / Remote Management (VNC), 3283 Apple Remote
 * Desktop (reported as 'vnc', the protocol it controls the screen with), 3389 an RDP server.
 * Sockets bound only to loopback (127.0.0.1, ::1) cannot be reached from the network and are left out.
 */
import type { ProbeOutcome, RemoteAccessObservation } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { commandFailed, commandLine, excerpt, notObserved, observed, type CommandRunner } from './macos-answers';

export const NETSTAT = '/usr/sbin/netstat';
export const NETSTAT_ARGS = ['-an', '-p', 'tcp'];
const ARGS = NETSTAT_ARGS;
export const NETSTAT_SOURCE = commandLine(NETSTAT, ARGS);

type Listener = RemoteAccessObservation['listening'][number];

const SERVICES: Readonly<Record<number, { readonly service: Listener['service']; readonly label: string }>> = {
  22: { service: 'ssh', label: 'Remote Login (SSH)' },
  5900: { service: 'vnc', label: 'Screen Sharing (VNC)' },
  3283: { service: 'vnc', label: 'Apple Remote Desktop' },
  3389: { service: 'rdp', label: 'RDP server' },
};

export interface Socket {
  readonly proto: string;
  readonly address: string;
  readonly port: number;
}

/** "tcp46  0  0  *.22  *.*  LISTEN" → { proto: 'tcp46', address: '*', port: 22 }; other lines → null. */
function listeningSocket(line: string): Socket | null {
  const fields = line.trim().split(/\s+/);
  const [proto, , , local] = fields;
  if (proto === undefined || local === undefined || !/^tcp/i.test(proto) || fields.at(-1) !== 'LISTEN') return null;
  const match = /^(.*)\.(\d+)$/.exec(local);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { proto, address: match[1], port: Number(match[2]) };
}

/** The TCP states netstat prints in its last column (netstat(1), tcp_fsm.h). */
const TCP_STATES: ReadonlySet<string> = new Set([
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RCVD',
  'ESTABLISHED',
  'CLOSE_WAIT',
  'FIN_WAIT_1',
  'CLOSING',
  'LAST_ACK',
  'FIN_WAIT_2',
  'TIME_WAIT',
]);

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.endsWith('%lo0') || address === 'localhost';
}

/**
 * The listening, non-loopback TCP sockets of netstat's table, or why the table is not believed:
 * without its whole header this is not netstat's table (an error, an empty or a cut-off answer);
 * after it every line is a tcp row ending in a TCP state, anything else was cut off or is not
 * understood. Neither is "nothing listens". Shared with the file-sharing probe (SMB, port 445).
 */
export function readNetstatListeners(
  stdout: string,
): { readonly ok: true; readonly sockets: readonly Socket[] } | { readonly ok: false; readonly said: string } {
  const rows = stdout.split(/\(state\)[^\n]*\n/i)[1] ?? '';
  const cutRow = rows
    .split('\n')
    .find((line) => line.trim() !== '' && (!/^\s*tcp/i.test(line) || !TCP_STATES.has(line.trim().split(/\s+/)[5] ?? '')));
  if (!/Local Address\s+Foreign Address\s+\(state\)/i.test(stdout) || cutRow !== undefined)
    return { ok: false, said: excerpt(cutRow ?? stdout) };
  return {
    ok: true,
    sockets: stdout
      .split('\n')
      .map(listeningSocket)
      .filter((s): s is Socket => s !== null && !isLoopback(s.address)),
  };
}

export function parseNetstatListeners(stdout: string, observedAt: Date): ProbeOutcome<RemoteAccessObservation> {
  const table = readNetstatListeners(stdout);
  if (!table.ok)
    return notObserved('unparseable', [evidence(NETSTAT_SOURCE, { said: table.said || null }, observedAt)], table.said || 'no output');
  const byPort = new Map<number, Socket[]>();
  for (const socket of table.sockets) {
    if (SERVICES[socket.port] === undefined) continue;
    byPort.set(socket.port, [...(byPort.get(socket.port) ?? []), socket]);
  }
  const listening = [...byPort.entries()].flatMap(([port, sockets]) => {
    const known = SERVICES[port];
    if (known === undefined) return [];
    const addresses = [...new Set(sockets.map((s) => s.address))].join(', ');
    const protocols = [...new Set(sockets.map((s) => s.proto))].join(', ');
    return [{ service: known.service, port, detail: `${known.label} on ${addresses} (${protocols})` }];
  });
  const facts = { listeningPorts: listening.map((l) => l.port).join(', ') || null };
  return observed({ listening }, [evidence(NETSTAT_SOURCE, facts, observedAt)]);
}

export async function probeRemoteAccess(run: CommandRunner): Promise<ProbeOutcome<RemoteAccessObservation>> {
  const outcome = await run(NETSTAT, ARGS);
  if (!outcome.ok) return commandFailed(NETSTAT_SOURCE, outcome);
  return parseNetstatListeners(outcome.stdout, new Date());
}
