/**
 * The Windows services on this laptop and whether each runs (`Get-Service`, no admin rights),
 * for the EDR check: the policy names the agent's service (Defender for Endpoint "Sense",
 * CrowdStrike "CSFalconService", …) and the evaluator looks for it here. Service names and
 * the status enum are not translated. Services this user may not query are skipped by
 * Get-Service (SilentlyContinue), so a name missing here is "not found", never "running".
 * Only the count goes into the evidence.
 */
import { z } from 'zod';
import type { EdrObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { failure, readScriptJson, runWindowsProbe, text, type PowerShellRunner } from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const EDR_SOURCE = 'Get-Service';

export const EDR_SCRIPT = powerShellJsonScript(String.raw`
  return [ordered]@{ services = @(Get-Service -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ name = [string]$_.Name; status = [string]$_.Status } }) }
`);

const EdrDocument = z.object({ services: z.array(z.object({ name: text, status: text })) });

export function parseEdr(stdout: string, observedAt: Date): ProbeOutcome<EdrObservation> {
  const read = readScriptJson(stdout, EdrDocument, EDR_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const listed = read.value.services.filter((s): s is { name: string; status: string | null } => s.name !== null);
  // Every Windows runs dozens of services: an empty list is not an answer.
  if (listed.length === 0) return failure('unparseable', EDR_SOURCE, observedAt, 'no services listed');
  const services = listed.map((s) => ({ name: s.name, running: s.status === 'Running' }));
  return {
    ok: true,
    observation: { services },
    evidence: [evidence(EDR_SOURCE, { services: services.length, running: services.filter((s) => s.running).length }, observedAt)],
  };
}

export function probeEdr(run: PowerShellRunner): Promise<ProbeOutcome<EdrObservation>> {
  return runWindowsProbe(run, { script: EDR_SCRIPT, source: EDR_SOURCE, parse: parseEdr });
}
