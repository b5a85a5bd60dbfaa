/**
 * Whether this Linux laptop shares files over the network: the Samba (smbd, nmbd) and NFS
 * (nfs-server) services, from `systemctl is-active` (any user may ask; systemd-units.ts).
 * Any running → 'on'; all stopped or not installed ("inactive" is also systemd's answer for a
 * unit that does not exist, which shares nothing either) → 'off'; no answer (no systemd, a
 * state it does not know) → 'unrecognized'.
 */
import type { FileSharingObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext } from './linux-context';
import { commandFacts } from './linux-context';
import { parseIsActive, queryUnits } from './systemd-units';

export const SHARING_UNITS = ['smbd', 'nmbd', 'nfs-server'] as const;

export function parseFileSharing(units: CommandReading, observedAt: Date): ProbeOutcome<FileSharingObservation> {
  const states = parseIsActive(units, SHARING_UNITS);
  const running = SHARING_UNITS.filter((u) => states.get(u) === true);
  const unknown = SHARING_UNITS.filter((u) => states.get(u) === null || states.get(u) === undefined);
  const state: FileSharingObservation['state'] = running.length > 0 ? 'on' : unknown.length > 0 ? 'unrecognized' : 'off';
  const raw =
    state === 'on'
      ? `running: ${running.join(', ')}`
      : state === 'unrecognized'
        ? `no answer for ${unknown.join(', ')}`
        : `${SHARING_UNITS.join(', ')} not running`;
  return { ok: true, observation: { state, raw }, evidence: [evidence(units.source, { ...commandFacts(units), state, raw }, observedAt)] };
}

export async function probeFileSharing(ctx: LinuxProbeContext): Promise<ProbeOutcome<FileSharingObservation>> {
  return parseFileSharing(await queryUnits(ctx, SHARING_UNITS), ctx.now());
}
