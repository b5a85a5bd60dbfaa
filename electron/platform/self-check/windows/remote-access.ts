/**
 * Remote-access services on this laptop: Remote Desktop, VNC and SSH servers.
 *
 * Sources (no admin rights needed, nothing localized is read):
 * - `Get-NetTCPConnection`, filtered in the script to listening sockets on 3389 (RDP, plus
 *   the RDP-Tcp PortNumber from the registry if it was moved), 5900-5903 (VNC displays 0-3)
 *   and 22 (SSH), with the owning process name;
 * - `HKLM\System\CurrentControlSet\Control\Terminal Server` fDenyTSConnections: 0 means
 *   Remote Desktop connections are allowed;
 * - the services sshd, TermService, any service whose name contains "vnc", and TightVNC's
 *   "tvnserver" (whose name does not), by status (an enum name: "Running", not translated).
 *
 * A listener whose port cannot be read is not skipped: the script only returns sockets on
 * remote-access ports, so the answer is unparseable (unknown), never "nothing listens".
 *
 * A listener is reported as found, one entry per service and port (IPv4 and IPv6 sockets of
 * the same port are one entry), with the process and addresses as detail, "loopback only"
 * when nothing but 127.0.0.1/::1 listens: the evaluator decides what that is worth.
 * A server that is running but whose listener we did not see (another port, or the socket
 * list could not be read) is reported with port null, so a failed socket query can never
 * hide an enabled RDP or a running sshd. Only when neither sockets nor services could be
 * read is there no answer.
 */
import { z } from 'zod';
import type { ProbeEvidence, ProbeOutcome, RemoteAccessObservation } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import {
  errorEvidence,
  failure,
  failureFromError,
  integer,
  isScriptError,
  readScriptJson,
  runWindowsProbe,
  section,
  text,
  type PowerShellRunner,
} from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const REMOTE_ACCESS_SOURCE = 'Get-NetTCPConnection (Listen)';
const RDP_SOURCE = 'HKLM\\System\\CurrentControlSet\\Control\\Terminal Server fDenyTSConnections';
const SERVICES_SOURCE = 'Get-Service sshd, TermService, *vnc*, tvnserver';

export const REMOTE_ACCESS_SCRIPT = powerShellJsonScript(String.raw`
  $out = [ordered]@{}
  $ports = @(22, 3389, 5900, 5901, 5902, 5903)
  $rdpPort = $(try { Get-RegValue 'HKLM:\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp' 'PortNumber' } catch { $null })
  if ($null -ne $rdpPort) { $ports += [int]$rdpPort }
  try {
    $out.listeners = @(Get-NetTCPConnection | Where-Object { [string]$_.State -eq 'Listen' -and $ports -contains [int]$_.LocalPort } | ForEach-Object {
      [ordered]@{
        port = [int]$_.LocalPort
        address = [string]$_.LocalAddress
        process = $(try { [string](Get-Process -Id $_.OwningProcess).ProcessName } catch { $null })
      }
    })
  } catch { $out.listeners = New-ProbeError $_ }
  try {
    $out.rdp = [ordered]@{
      fDenyTSConnections = Get-RegValue 'HKLM:\System\CurrentControlSet\Control\Terminal Server' 'fDenyTSConnections'
      portNumber = $rdpPort
    }
  } catch { $out.rdp = New-ProbeError $_ }
  try {
    $out.services = @(Get-Service | Where-Object { $_.Name -eq 'sshd' -or $_.Name -eq 'TermService' -or $_.Name -like '*vnc*' -or $_.Name -eq 'tvnserver' } | ForEach-Object {
      [ordered]@{ name = [string]$_.Name; status = [string]$_.Status; startType = [string]$_.StartType }
    })
  } catch { $out.services = New-ProbeError $_ }
  return $out
`);

const Listener = z.object({ port: integer, address: text, process: text });
const Service = z.object({ name: z.string(), status: text, startType: text });
const RemoteAccessDocument = z.object({
  listeners: section(z.array(Listener)),
  rdp: section(z.object({ fDenyTSConnections: integer, portNumber: integer })),
  services: section(z.array(Service)),
});
type RemoteAccessDocument = z.output<typeof RemoteAccessDocument>;
type Listener = z.output<typeof Listener>;
type Service = z.output<typeof Service>;
type Entry = RemoteAccessObservation['listening'][number];
type RemoteService = Entry['service'];

const RDP_DEFAULT_PORT = 3389;
/** VNC servers' Windows services: RealVNC "vncserver", UltraVNC "uvnc_service", TightVNC "tvnserver". */
const VNC_SERVICE = /vnc|^tvnserver$/i;
const LOOPBACK = /^(127\.|::1$)/;

function serviceOfPort(port: number, rdpPort: number | null): RemoteService | null {
  if (port === RDP_DEFAULT_PORT || port === rdpPort) return 'rdp';
  if (port === 22) return 'ssh';
  if (port >= 5900 && port <= 5903) return 'vnc';
  return null;
}

function listenerEntries(listeners: readonly Listener[], rdpPort: number | null): Entry[] {
  const byKey = new Map<string, { service: RemoteService; port: number; addresses: Set<string>; processes: Set<string> }>();
  for (const l of listeners) {
    const service = l.port === null ? null : serviceOfPort(l.port, rdpPort);
    if (service === null || l.port === null) continue;
    const key = `${service}:${l.port}`;
    const entry = byKey.get(key) ?? { service, port: l.port, addresses: new Set<string>(), processes: new Set<string>() };
    if (l.address) entry.addresses.add(l.address);
    if (l.process) entry.processes.add(l.process);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map((e) => {
    const addresses = [...e.addresses];
    const loopbackOnly = addresses.length > 0 && addresses.every((a) => LOOPBACK.test(a));
    const detail = `${[...e.processes].join(', ') || 'unknown process'} on ${addresses.join(', ') || '?'}${loopbackOnly ? ' (loopback only)' : ''}`;
    return { service: e.service, port: e.port, detail };
  });
}

function isRunning(service: Service): boolean {
  return service.status?.toLowerCase() === 'running';
}

/** Servers that are on but whose listener was not among the sockets (or the sockets were not readable). */
function unseenServers(doc: RemoteAccessDocument, seen: readonly Entry[]): Entry[] {
  const has = (service: RemoteService) => seen.some((e) => e.service === service);
  const services = isScriptError(doc.services) ? [] : doc.services;
  const extra: Entry[] = [];
  const rdpAllowed = !isScriptError(doc.rdp) && doc.rdp.fDenyTSConnections === 0;
  const termService = services.find((s) => s.name.toLowerCase() === 'termservice');
  // RDP allowed and its service not known to be stopped.
  if (!has('rdp') && rdpAllowed && (termService === undefined || isRunning(termService))) {
    extra.push({ service: 'rdp', port: null, detail: 'Remote Desktop allowed (fDenyTSConnections=0)' });
  }
  const sshd = services.find((s) => s.name.toLowerCase() === 'sshd' && isRunning(s));
  if (!has('ssh') && sshd) extra.push({ service: 'ssh', port: null, detail: 'sshd service running' });
  const vnc = services.filter((s) => VNC_SERVICE.test(s.name) && isRunning(s));
  if (!has('vnc') && vnc.length > 0)
    extra.push({ service: 'vnc', port: null, detail: `${vnc.map((s) => s.name).join(', ')} service running` });
  return extra;
}

function evidenceOf(doc: RemoteAccessDocument, observedAt: Date): ProbeEvidence[] {
  const list: ProbeEvidence[] = [];
  if (isScriptError(doc.listeners)) list.push(errorEvidence(REMOTE_ACCESS_SOURCE, doc.listeners, observedAt));
  else
    list.push(
      evidence(
        REMOTE_ACCESS_SOURCE,
        { listeners: doc.listeners.length, ports: [...new Set(doc.listeners.map((l) => l.port))].join(',') },
        observedAt,
      ),
    );
  if (isScriptError(doc.rdp)) list.push(errorEvidence(RDP_SOURCE, doc.rdp, observedAt));
  else list.push(evidence(RDP_SOURCE, { fDenyTSConnections: doc.rdp.fDenyTSConnections, PortNumber: doc.rdp.portNumber }, observedAt));
  if (isScriptError(doc.services)) list.push(errorEvidence(SERVICES_SOURCE, doc.services, observedAt));
  else list.push(evidence(SERVICES_SOURCE, Object.fromEntries(doc.services.map((s) => [s.name, s.status])), observedAt));
  return list;
}

export function parseRemoteAccess(stdout: string, observedAt: Date): ProbeOutcome<RemoteAccessObservation> {
  const read = readScriptJson(stdout, RemoteAccessDocument, REMOTE_ACCESS_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const doc = read.value;
  if (isScriptError(doc.listeners) && isScriptError(doc.services)) {
    return { ...failureFromError(doc.listeners, REMOTE_ACCESS_SOURCE, observedAt), evidence: evidenceOf(doc, observedAt) };
  }
  if (!isScriptError(doc.listeners) && doc.listeners.some((l) => l.port === null)) {
    return {
      ...failure('unparseable', REMOTE_ACCESS_SOURCE, observedAt, 'a listening socket without a readable port'),
      evidence: evidenceOf(doc, observedAt),
    };
  }
  const rdpPort = isScriptError(doc.rdp) ? null : doc.rdp.portNumber;
  const seen = isScriptError(doc.listeners) ? [] : listenerEntries(doc.listeners, rdpPort);
  return { ok: true, observation: { listening: [...seen, ...unseenServers(doc, seen)] }, evidence: evidenceOf(doc, observedAt) };
}

export function probeRemoteAccess(run: PowerShellRunner): Promise<ProbeOutcome<RemoteAccessObservation>> {
  return runWindowsProbe(run, { script: REMOTE_ACCESS_SCRIPT, source: REMOTE_ACCESS_SOURCE, parse: parseRemoteAccess });
}
