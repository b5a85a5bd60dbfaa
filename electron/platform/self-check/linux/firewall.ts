/**
 * The Linux firewall, as a non-admin user can see it.
 *
 * - ufw: `ufw status` gives the live state but refuses to run without root; then
 *   /etc/ufw/ufw.conf (world-readable) says whether ufw is enabled (ENABLED=yes), which
 *   `ufw enable`/`ufw disable` keep in step with the live state.
 * - firewalld: `firewall-cmd --state` answers any user over D-Bus ("running" / "not running");
 *   `systemctl is-active firewalld` is the fallback when D-Bus does not answer.
 * - nftables: `nft list ruleset` needs root, so only whether Debian's nftables.service loaded
 *   /etc/nftables.conf (`systemctl is-active nftables`) is read. Debian installs nftables by
 *   default with that service off, and ufw and firewalld program nftables themselves, so an
 *   inactive nftables.service is only reported when no ufw or firewalld is installed.
 *
 * Each firewall found becomes one profile; none installed gives `profiles: []`, which the
 * evaluator judges (as a fail). Unlike Windows' Domain/Private/Public profiles, which must all
 * be on, these are alternative managers of the one kernel packet filter: when one is on, the
 * machine's firewall is on, so the others (stopped or unreadable) are left to the evidence
 * instead of failing the check. Raw iptables rules restored by other means are not seen.
 */
import type { FirewallObservation, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext, Read } from './linux-context';
import { commandFacts, fileMtime, readFacts, readText, runCommand } from './linux-context';
import { parseIsActive, queryUnits, type UnitState } from './systemd-units';

export const UFW_CONF = '/etc/ufw/ufw.conf';
export const NFT_BINARY = '/usr/sbin/nft';
const UNITS = ['firewalld', 'nftables'] as const;

/** Everything the firewall probe read, raw, so the decision below is a pure function. */
export interface FirewallReadings {
  readonly ufwStatus: CommandReading;
  readonly ufwConf: Read<string>;
  readonly firewalldState: CommandReading;
  readonly units: CommandReading;
  readonly nftBinary: Read<Date>;
}

type Profile = FirewallObservation['profiles'][number];

/** `ufw status` (root only): "Status: active" / "Status: inactive". */
export function parseUfwStatus(stdout: string): boolean | null {
  const m = /^Status:\s*(active|inactive)\s*$/im.exec(stdout);
  return m ? m[1]?.toLowerCase() === 'active' : null;
}

/** /etc/ufw/ufw.conf: `ENABLED=yes|no` (shell syntax, so quotes are allowed). */
export function parseUfwConf(text: string): boolean | null {
  const m = /^\s*ENABLED\s*=\s*["']?(yes|no)["']?\s*(#.*)?$/im.exec(text);
  return m ? m[1]?.toLowerCase() === 'yes' : null;
}

/** `firewall-cmd --state`: "running" (exit 0) or "not running" (exit 252, on stderr in some versions). */
export function parseFirewallCmdState(reading: CommandReading): boolean | null {
  if (!reading.ok) return null;
  const text = `${reading.stdout}\n${reading.stderr}`.trim().toLowerCase();
  if (/^not running$/m.test(text)) return false;
  return /^running$/m.test(text) ? true : null;
}

function ufwNeedsRoot(reading: CommandReading): boolean {
  return /need to be root|must be root|permission denied/i.test(`${reading.stdout}\n${reading.stderr}`);
}

function ufwProfile(r: FirewallReadings, out: ProbeEvidence[], at: Date): Profile | null {
  const live = r.ufwStatus.ok ? parseUfwStatus(r.ufwStatus.stdout) : null;
  const needsRoot = !r.ufwStatus.ok && ufwNeedsRoot(r.ufwStatus);
  out.push(
    evidence(r.ufwStatus.source, { ...commandFacts(r.ufwStatus), ...(needsRoot ? { result: 'accessDenied' } : {}), active: live }, at),
  );
  const configured = r.ufwConf.ok ? parseUfwConf(r.ufwConf.value) : null;
  out.push(evidence(r.ufwConf.source, { ...readFacts(r.ufwConf), ENABLED: configured === null ? null : configured ? 'yes' : 'no' }, at));
  const commandFound = r.ufwStatus.ok || r.ufwStatus.problem !== 'commandMissing';
  const confFound = r.ufwConf.ok || r.ufwConf.problem !== 'missing';
  if (!commandFound && !confFound) return null;
  // The live answer (root only) wins over the boot-time setting.
  return { name: 'ufw', enabled: live ?? configured };
}

function firewalldProfile(r: FirewallReadings, unit: UnitState, out: ProbeEvidence[], at: Date): Profile | null {
  const state = parseFirewallCmdState(r.firewalldState);
  out.push(evidence(r.firewalldState.source, { ...commandFacts(r.firewalldState), running: state }, at));
  if (!r.firewalldState.ok && r.firewalldState.problem === 'commandMissing') return null;
  // firewall-cmd exists but D-Bus gave no answer: systemd's view of the service decides.
  return { name: 'firewalld', enabled: state ?? unit };
}

function nftablesProfile(r: FirewallReadings, unit: UnitState, frontendFound: boolean, out: ProbeEvidence[], at: Date): Profile | null {
  const installed = r.nftBinary.ok || r.nftBinary.problem !== 'missing';
  out.push(evidence(r.nftBinary.source, { installed }, at));
  if (!installed) return null;
  return unit === true || !frontendFound ? { name: 'nftables', enabled: unit } : null;
}

export function parseFirewall(r: FirewallReadings, observedAt: Date): ProbeOutcome<FirewallObservation> {
  const out: ProbeEvidence[] = [];
  const units = parseIsActive(r.units, UNITS);
  out.push(
    evidence(
      r.units.source,
      { ...commandFacts(r.units), firewalld: units.get('firewalld') ?? null, nftables: units.get('nftables') ?? null },
      observedAt,
    ),
  );
  const frontends = [ufwProfile(r, out, observedAt), firewalldProfile(r, units.get('firewalld') ?? null, out, observedAt)].filter(
    (p): p is Profile => p !== null,
  );
  const nftables = nftablesProfile(r, units.get('nftables') ?? null, frontends.length > 0, out, observedAt);
  const found = nftables ? [...frontends, nftables] : frontends;
  const on = found.filter((p) => p.enabled === true);
  return { ok: true, observation: { profiles: on.length > 0 ? on : found, products: [] }, evidence: out };
}

export async function probeFirewall(ctx: LinuxProbeContext): Promise<ProbeOutcome<FirewallObservation>> {
  const [ufwStatus, ufwConf, firewalldState, units, nftBinary] = await Promise.all([
    runCommand(ctx, 'ufw', ['status']),
    readText(ctx, UFW_CONF),
    runCommand(ctx, 'firewall-cmd', ['--state'], { acceptExitCodes: [252] }),
    queryUnits(ctx, UNITS),
    fileMtime(ctx, NFT_BINARY),
  ]);
  return parseFirewall({ ufwStatus, ufwConf, firewalldState, units, nftBinary }, ctx.now());
}
