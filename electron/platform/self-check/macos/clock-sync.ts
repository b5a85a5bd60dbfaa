/**
 * Whether macOS sets its clock automatically. macOS shows whether timed has synchronized only
 * to an admin (`systemsetup -getusingnetworktime` refuses anyone else, and timed's own state in
 * /var/db/timed is root's), so the evidence a non-admin can read is the "Set time and date
 * automatically" setting itself, which timed keeps in /Library/Preferences/com.apple.timed
 * (readable by every user):
 *
 *   defaults read /Library/Preferences/com.apple.timed TMAutomaticTimeOnlyEnabled   → 1 | 0
 *
 * 1 → 'automatic' (the reason says it is the setting that was read), 0 → 'notSynchronized'
 * (the clock is set by hand); "does not exist" (the key was never written) or anything else →
 * 'unrecognized' with the text kept: never a pass without the setting read.
 */
import type { ClockSyncObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { answerOf, commandLine, excerpt, observed, notObserved, type Answer, type CommandRunner } from './macos-answers';

const DEFAULTS = '/usr/bin/defaults';
const ARGS = ['read', '/Library/Preferences/com.apple.timed', 'TMAutomaticTimeOnlyEnabled'];
export const TIMED_SOURCE = commandLine(DEFAULTS, ARGS);

export function parseClockSync(answer: Answer, observedAt: Date): ProbeOutcome<ClockSyncObservation> {
  const raw = excerpt(answer.text) || 'no output';
  if (!answer.ok && answer.problem !== 'unparseable')
    return notObserved(answer.problem, [evidence(TIMED_SOURCE, { problem: answer.problem, said: raw }, observedAt)], raw);
  const value = answer.ok ? answer.text.trim() : null;
  const state: ClockSyncObservation['state'] = value === '1' ? 'automatic' : value === '0' ? 'notSynchronized' : 'unrecognized';
  return observed({ state, source: null, raw: `TMAutomaticTimeOnlyEnabled ${value ?? raw}` }, [
    evidence(TIMED_SOURCE, { state, said: raw }, observedAt),
  ]);
}

export async function probeClockSync(run: CommandRunner): Promise<ProbeOutcome<ClockSyncObservation>> {
  // `defaults` exits 1 when the key does not exist: that is an answer ("never written"), kept as unrecognized.
  const outcome = await run(DEFAULTS, ARGS);
  return parseClockSync(answerOf(outcome), new Date());
}
