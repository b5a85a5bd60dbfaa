/**
 * The Wi-Fi connection, from NetworkManager (Ubuntu's and Debian's desktop default):
 * `nmcli -t -f ACTIVE,SSID,SECURITY device wifi list --rescan no`. Terse output is one
 * access point per line, fields separated by ":", with ":" and "\" inside a field escaped as
 * "\:" and "\\" — SSIDs may contain both. `--rescan no` answers from NetworkManager's cache at
 * once instead of scanning for seconds. nmcli runs in C.UTF-8: English messages (like the C
 * locale the other probes use) but Japanese SSIDs printed as UTF-8, not as "?".
 *
 * SECURITY lists what the access point offers: "" or "--" open, "WEP", "WPA1", "WPA2", "WPA3",
 * "OWE", combinations like "WPA1 WPA2" (mixed mode) or "WPA2 WPA3" (transition mode), and
 * "802.1X" for enterprise. A mixed network is reported as its weakest member, because an
 * attacker can use the weaker mode; OWE (encrypted but unauthenticated) has no category and is
 * 'unknown'.
 *
 * When nmcli cannot answer, /sys/class/net tells whether there is a Wi-Fi adapter at all (a
 * `wireless` or `phy80211` entry) and whether it is associated (operstate "up").
 */
import type { ProbeEvidence, ProbeOutcome, WifiObservation, WifiSecurity } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext, Read } from './linux-context';
import { commandFacts, listDir, pathExists, readFacts, readText, runCommand } from './linux-context';

export const NET_CLASS_DIR = '/sys/class/net';

export interface AccessPoint {
  readonly active: boolean;
  readonly ssid: string;
  readonly security: string;
}

export interface WifiAdapter {
  readonly name: string;
  /** operstate: "up" means associated with an access point. */
  readonly up: boolean;
}

export interface WifiReadings {
  readonly nmcli: CommandReading;
  /** Wi-Fi interfaces under /sys/class/net (read only when nmcli did not answer). */
  readonly adapters: Read<readonly WifiAdapter[]> | null;
}

/** Splits one terse line on unescaped ":" and undoes "\:" and "\\". */
export function splitTerse(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === '\\' && i + 1 < line.length) {
      current += line.charAt(++i);
    } else if (c === ':') {
      fields.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  fields.push(current);
  return fields;
}

/**
 * The access points, or null when a line is not one: every terse line has exactly three fields
 * and ACTIVE is "yes" or "no". Output we cannot read is never taken for "not connected".
 */
export function parseNmcliWifiList(stdout: string): AccessPoint[] | null {
  const points: AccessPoint[] = [];
  for (const line of stdout.split('\n').filter((l) => l.trim() !== '')) {
    const fields = splitTerse(line);
    const active = fields[0]?.trim();
    if (fields.length !== 3 || (active !== 'yes' && active !== 'no')) return null;
    points.push({ active: active === 'yes', ssid: fields[1] ?? '', security: (fields[2] ?? '').trim() });
  }
  return points;
}

/** The weakest mode the access point offers, as one WifiSecurity. */
export function classifySecurity(security: string): WifiSecurity {
  const tokens = security.split(/\s+/).filter((t) => t !== '' && t !== '--');
  if (tokens.length === 0) return 'open';
  if (tokens.includes('802.1X')) return 'enterprise';
  if (tokens.includes('WEP')) return 'wep';
  if (tokens.includes('WPA1')) return 'wpa';
  if (tokens.includes('WPA2')) return 'wpa2';
  if (tokens.includes('WPA3')) return 'wpa3';
  return 'unknown';
}

function notRunning(reading: CommandReading): boolean {
  return /NetworkManager is not running/i.test(`${reading.stderr}\n${reading.stdout}`);
}

function fromAdapters(r: WifiReadings, out: ProbeEvidence[], at: Date): ProbeOutcome<WifiObservation> {
  const nmcliProblem = r.nmcli.ok ? 'unparseable' : notRunning(r.nmcli) ? 'commandMissing' : r.nmcli.problem;
  const adapters = r.adapters;
  if (adapters === null || !adapters.ok) {
    if (adapters) out.push(evidence(adapters.source, readFacts(adapters), at));
    return {
      ok: false,
      problem: nmcliProblem,
      detail: 'NetworkManager did not answer and the network adapters could not be listed',
      evidence: out,
    };
  }
  const names = adapters.value.map((a) => `${a.name}:${a.up ? 'up' : 'down'}`).join(' ');
  out.push(evidence(adapters.source, { wifiAdapters: names || null }, at));
  if (adapters.value.length === 0) return { ok: false, problem: 'notApplicable', detail: 'no Wi-Fi adapter', evidence: out };
  // An adapter that is not up is associated with nothing: no Wi-Fi connection, certainly.
  if (adapters.value.every((a) => !a.up))
    return { ok: true, observation: { state: 'notConnected', ssid: null, security: null }, evidence: out };
  const up = adapters.value
    .filter((a) => a.up)
    .map((a) => a.name)
    .join(', ');
  return {
    ok: false,
    problem: nmcliProblem,
    detail: `Wi-Fi is up on ${up}, but NetworkManager (nmcli) could not say with what security`,
    evidence: out,
  };
}

export function parseWifi(r: WifiReadings, observedAt: Date): ProbeOutcome<WifiObservation> {
  const points = r.nmcli.ok ? parseNmcliWifiList(r.nmcli.stdout) : null;
  const active = points?.find((ap) => ap.active);
  const out: ProbeEvidence[] = [
    evidence(r.nmcli.source, { ...commandFacts(r.nmcli), activeSecurity: active?.security ?? null, readable: points !== null }, observedAt),
  ];
  if (!r.nmcli.ok) return fromAdapters(r, out, observedAt);
  if (points === null)
    return { ok: true, observation: { state: 'unrecognized', raw: excerptOf(r.nmcli.stdout), ssid: null, security: null }, evidence: out };
  if (!active) return { ok: true, observation: { state: 'notConnected', ssid: null, security: null }, evidence: out };
  // A hidden network shows an empty SSID: connected, name unknown.
  return {
    ok: true,
    observation: { state: 'connected', ssid: active.ssid === '' ? null : active.ssid, security: classifySecurity(active.security) },
    evidence: out,
  };
}

/** The first line of output we could not read, without the SSIDs it may hold (fields after ACTIVE). */
function excerptOf(stdout: string): string {
  const first = stdout.split('\n').find((l) => l.trim() !== '') ?? '';
  return `${first.split(':')[0]?.slice(0, 40) ?? ''}… (${stdout.split('\n').filter((l) => l.trim() !== '').length} lines)`;
}

async function readAdapters(ctx: LinuxProbeContext): Promise<Read<readonly WifiAdapter[]>> {
  const listing = await listDir(ctx, NET_CLASS_DIR);
  if (!listing.ok) return listing;
  const adapters = await Promise.all(
    listing.value.map(async (name): Promise<WifiAdapter | null> => {
      const dir = `${NET_CLASS_DIR}/${name}`;
      const wireless = (await pathExists(ctx, `${dir}/wireless`)) || (await pathExists(ctx, `${dir}/phy80211`));
      if (!wireless) return null;
      const state = await readText(ctx, `${dir}/operstate`);
      return { name, up: state.ok && state.value.trim() === 'up' };
    }),
  );
  return { source: listing.source, ok: true, value: adapters.filter((a): a is WifiAdapter => a !== null) };
}

export async function probeWifi(ctx: LinuxProbeContext): Promise<ProbeOutcome<WifiObservation>> {
  const nmcli = await runCommand(ctx, 'nmcli', ['-t', '-f', 'ACTIVE,SSID,SECURITY', 'device', 'wifi', 'list', '--rescan', 'no'], {
    env: { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
  });
  const adapters = nmcli.ok ? null : await readAdapters(ctx);
  return parseWifi({ nmcli, adapters }, ctx.now());
}
