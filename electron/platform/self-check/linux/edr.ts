/**
 * The systemd services on this laptop and whether each is active, from
 * `systemctl list-units --type=service --all --no-legend --plain --no-pager` (any user may ask),
 * for the EDR check: the policy names the agent's unit (CrowdStrike "falcon-sensor",
 * Defender for Endpoint "mdatp", …). Each line is "UNIT LOAD ACTIVE SUB DESCRIPTION"; a line
 * of any other shape (or no line at all) and the list is not believed. Only counts are kept.
 */
import type { EdrObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext } from './linux-context';
import { commandFacts, runCommand } from './linux-context';

const ARGS = ['list-units', '--type=service', '--all', '--no-legend', '--plain', '--no-pager'];
const UNIT_LINE =
  /^(\S+\.service)\s+(loaded|not-found|bad-setting|error|masked)\s+(active|inactive|failed|activating|deactivating|reloading|maintenance|refreshing)\s+\S+/;

export function parseUnits(reading: CommandReading, observedAt: Date): ProbeOutcome<EdrObservation> {
  if (!reading.ok) return { ok: false, problem: reading.problem, evidence: [evidence(reading.source, commandFacts(reading), observedAt)] };
  const lines = reading.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const units = lines.map((l) => UNIT_LINE.exec(l));
  if (units.length === 0 || units.some((u) => u === null))
    return {
      ok: false,
      problem: 'unparseable',
      evidence: [evidence(reading.source, { ...commandFacts(reading), lines: lines.length }, observedAt)],
    };
  const services = units.map((u) => ({ name: u?.[1] ?? '', running: u?.[3] === 'active' }));
  return {
    ok: true,
    observation: { services },
    evidence: [evidence(reading.source, { units: services.length, active: services.filter((s) => s.running).length }, observedAt)],
  };
}

export async function probeEdr(ctx: LinuxProbeContext): Promise<ProbeOutcome<EdrObservation>> {
  return parseUnits(await runCommand(ctx, 'systemctl', ARGS), ctx.now());
}
