/**
 * Whether the Linux clock is synchronized, from systemd's own answer, which any user may ask:
 *
 *   timedatectl show -p NTP -p NTPSynchronized   →   NTP=yes
 *                                                    NTPSynchronized=yes
 *
 * NTPSynchronized is the kernel's "clock synchronized" flag (adjtimex), set by whichever
 * service keeps time (systemd-timesyncd, chrony, ntpd). yes → 'synchronized'; no →
 * 'notSynchronized'; any other line or value, or systemd older than 239 (no `show`), →
 * 'unrecognized' with the text kept. Without systemd (containers) the command fails and the
 * check is unknown.
 */
import type { ClockSyncObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { maskPersonal } from '../mask-personal';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext } from './linux-context';
import { commandFacts, runCommand } from './linux-context';

const ARGS = ['show', '-p', 'NTP', '-p', 'NTPSynchronized'];
const KNOWN = /^(NTP|NTPSynchronized)=(yes|no)$/;

export function parseClockSync(reading: CommandReading, observedAt: Date): ProbeOutcome<ClockSyncObservation> {
  if (!reading.ok) return { ok: false, problem: reading.problem, evidence: [evidence(reading.source, commandFacts(reading), observedAt)] };
  const lines = reading.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const values = new Map(
    lines
      .map((l) => KNOWN.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]] as const),
  );
  const raw = maskPersonal(lines.join(' ')).slice(0, 160) || 'no output';
  const allKnown = lines.length > 0 && lines.every((l) => KNOWN.test(l));
  const synchronized = allKnown ? values.get('NTPSynchronized') : undefined;
  const state: ClockSyncObservation['state'] =
    synchronized === 'yes' ? 'synchronized' : synchronized === 'no' ? 'notSynchronized' : 'unrecognized';
  return {
    ok: true,
    observation: { state, source: null, raw },
    evidence: [evidence(reading.source, { ...commandFacts(reading), state, NTP: values.get('NTP') ?? null }, observedAt)],
  };
}

export async function probeClockSync(ctx: LinuxProbeContext): Promise<ProbeOutcome<ClockSyncObservation>> {
  return parseClockSync(await runCommand(ctx, 'timedatectl', ARGS), ctx.now());
}
