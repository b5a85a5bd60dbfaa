/**
 * The processes running on this Mac, by executable name (`ps -axc -o comm`, any user sees
 * every process), for the EDR check: the policy names the agent's process (CrowdStrike
 * "falcond", SentinelOne "sentineld", …). `launchctl list` is not used: run without root it
 * lists only the user's own agents, never the system daemons an EDR runs as. The first line
 * must be ps's "COMM" header, or the list is not believed. Only the count is kept as evidence.
 */
import type { EdrObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { commandFailed, commandLine, excerpt, notObserved, observed, type CommandRunner } from './macos-answers';

const PS = '/bin/ps';
const ARGS = ['-axc', '-o', 'comm'];
export const PS_SOURCE = commandLine(PS, ARGS);

export function parseProcesses(stdout: string, observedAt: Date): ProbeOutcome<EdrObservation> {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines[0] !== 'COMM' || lines.length < 2)
    return notObserved('unparseable', [evidence(PS_SOURCE, { said: excerpt(stdout) || null }, observedAt)], excerpt(stdout) || 'no output');
  const names = [...new Set(lines.slice(1))];
  return observed({ services: names.map((name) => ({ name, running: true })) }, [
    evidence(PS_SOURCE, { processes: names.length }, observedAt),
  ]);
}

export async function probeEdr(run: CommandRunner): Promise<ProbeOutcome<EdrObservation>> {
  const outcome = await run(PS, ARGS);
  if (!outcome.ok) return commandFailed(PS_SOURCE, outcome);
  return parseProcesses(outcome.stdout, new Date());
}
