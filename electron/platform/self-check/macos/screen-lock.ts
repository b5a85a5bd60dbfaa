/**
 * The screen lock of the signed-in user, from three commands that need no admin rights:
 *
 * - `sysadminctl -screenLock status`: "Require password after screen saver begins or display is
 *   turned off" (macOS 13+ no longer writes askForPassword to com.apple.screensaver). It prints
 *   on STDERR behind an NSLog prefix, e.g.
 *   "2024-05-01 10:00:00.123 sysadminctl[1234:5678] screenLock delay is immediate", "… delay is
 *   300 seconds", "… screenLock is off" (some releases say "delay is -1 seconds" for off).
 * - `defaults -currentHost read com.apple.screensaver idleTime`: seconds before the screen saver
 *   starts, 0 = never. When the user never changed it the key is absent ("The domain/default
 *   pair … does not exist"); Apple does not document the default that then applies, so it is
 *   reported as not set rather than guessed.
 * - `pmset -g`: "displaysleep N", minutes before the display turns off, 0 = never, for the power
 *   source in use now.
 *
 * The screen saver or display sleep starts at idleSeconds = min(screen saver idle, display
 * sleep); the password is asked for passwordDelaySeconds (the lock delay) later. The two are
 * reported apart and judged on their own limits: adding them and comparing the sum with the
 * idle limit let a 300 s password delay pass. When the screen saver time is not set, display
 * sleep alone gives an upper bound, which can only make the result stricter, never a false
 * pass. Without a lock ("screenLock is off") passwordRequired is false; with the delay
 * unreadable it is null.
 *
 * All three print English whatever the user's language (and runProbeCommand sets LC_ALL=C), so
 * the phrases above are matched literally.
 */
import type { ProbeEvidence, ProbeOutcome, ProbeProblem, ScreenLockObservation } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import {
  REFUSED,
  answerOf,
  commandLine,
  excerpt,
  notObserved,
  observed,
  problemEvidence,
  type Answer,
  type CommandRunner,
} from './macos-answers';

const SYSADMINCTL = '/usr/sbin/sysadminctl';
const SYSADMINCTL_ARGS = ['-screenLock', 'status'];
const DEFAULTS = '/usr/bin/defaults';
const IDLE_ARGS = ['-currentHost', 'read', 'com.apple.screensaver', 'idleTime'];
const PMSET = '/usr/bin/pmset';
const PMSET_ARGS = ['-g'];
export const SYSADMINCTL_SOURCE = commandLine(SYSADMINCTL, SYSADMINCTL_ARGS);
export const SCREENSAVER_IDLE_SOURCE = commandLine(DEFAULTS, IDLE_ARGS);
export const PMSET_SOURCE = commandLine(PMSET, PMSET_ARGS);

export interface ScreenLockAnswers {
  /** sysadminctl -screenLock status, stdout and stderr together. */
  readonly sysadminctl: Answer;
  readonly screensaverIdleTime: Answer;
  readonly pmset: Answer;
}

type Failure = { readonly kind: 'problem'; readonly problem: ProbeProblem };
type LockDelay = { readonly kind: 'off' } | { readonly kind: 'after'; readonly seconds: number } | Failure;
/** A timer in seconds, 0 = never. */
type Timer = { readonly kind: 'seconds'; readonly seconds: number } | { readonly kind: 'notSet' } | Failure;

function failure(answer: Answer): Failure {
  if (REFUSED.test(answer.text)) return { kind: 'problem', problem: 'accessDenied' };
  return { kind: 'problem', problem: answer.ok ? 'unparseable' : answer.problem };
}

function readLockDelay(answer: Answer): LockDelay {
  if (/screenLock is off/i.test(answer.text)) return { kind: 'off' };
  const match = /screenLock delay is (immediate|(-?\d+(?:\.\d+)?) seconds?)/i.exec(answer.text);
  if (match === null) return failure(answer);
  if (match[2] === undefined) return { kind: 'after', seconds: 0 };
  const seconds = Number(match[2]);
  return seconds < 0 ? { kind: 'off' } : { kind: 'after', seconds: Math.round(seconds) };
}

function readScreensaverIdle(answer: Answer): Timer {
  const text = answer.text.trim();
  if (answer.ok && /^\d+$/.test(text)) return { kind: 'seconds', seconds: Number(text) };
  if (/does not exist/i.test(text)) return { kind: 'notSet' };
  return failure(answer);
}

function readDisplaySleep(answer: Answer): Timer & { readonly prevented?: string } {
  const match = /^\s*displaysleep\s+(\d+)(?:\s*\((.*)\))?/m.exec(answer.text);
  if (match === null) return failure(answer);
  return { kind: 'seconds', seconds: Number(match[1]) * 60, ...(match[2] === undefined ? {} : { prevented: match[2].trim() }) };
}

function lockEvidence(delay: LockDelay, answer: Answer, observedAt: Date): ProbeEvidence {
  if (delay.kind === 'problem') return problemEvidence(SYSADMINCTL_SOURCE, delay.problem, answer.text, observedAt);
  return evidence(
    SYSADMINCTL_SOURCE,
    { screenLock: delay.kind === 'off' ? 'off' : 'on', delaySeconds: delay.kind === 'after' ? delay.seconds : null },
    observedAt,
  );
}

function idleEvidence(idle: Timer, answer: Answer, observedAt: Date): ProbeEvidence {
  if (idle.kind === 'problem') return problemEvidence(SCREENSAVER_IDLE_SOURCE, idle.problem, answer.text, observedAt);
  return evidence(
    SCREENSAVER_IDLE_SOURCE,
    { idleTimeSeconds: idle.kind === 'seconds' ? idle.seconds : null, notSet: idle.kind === 'notSet' },
    observedAt,
  );
}

function displayEvidence(display: ReturnType<typeof readDisplaySleep>, answer: Answer, observedAt: Date): ProbeEvidence {
  if (display.kind !== 'seconds')
    return problemEvidence(PMSET_SOURCE, display.kind === 'problem' ? display.problem : 'unparseable', answer.text, observedAt);
  return evidence(PMSET_SOURCE, { displaySleepMinutes: display.seconds / 60, sleepPreventedBy: display.prevented ?? null }, observedAt);
}

/** The shortest timer that is set; null when none is (never, not set, or unreadable). */
function shortestTimer(timers: readonly Timer[]): number | null {
  const running = timers.flatMap((t) => (t.kind === 'seconds' && t.seconds > 0 ? [t.seconds] : []));
  return running.length === 0 ? null : Math.min(...running);
}

/** Whether anything starts after idle: yes if a timer runs, no only if every timer reads "never". */
function lockStarts(timers: readonly Timer[], shortest: number | null): boolean | null {
  if (shortest !== null) return true;
  return timers.every((t) => t.kind === 'seconds') ? false : null;
}

export function parseScreenLock(answers: ScreenLockAnswers, observedAt: Date): ProbeOutcome<ScreenLockObservation> {
  const delay = readLockDelay(answers.sysadminctl);
  const idle = readScreensaverIdle(answers.screensaverIdleTime);
  const display = readDisplaySleep(answers.pmset);
  const items = [
    lockEvidence(delay, answers.sysadminctl, observedAt),
    idleEvidence(idle, answers.screensaverIdleTime, observedAt),
    displayEvidence(display, answers.pmset, observedAt),
  ];
  if (delay.kind === 'problem' && idle.kind === 'problem' && display.kind === 'problem') {
    return notObserved(delay.problem, items, excerpt(answers.sysadminctl.text));
  }
  const timers = [idle, display];
  const shortest = shortestTimer(timers);
  return observed(
    {
      lockEnabled: lockStarts(timers, shortest),
      idleSeconds: shortest,
      passwordRequired: delay.kind === 'problem' ? null : delay.kind === 'after',
      passwordDelaySeconds: delay.kind === 'after' ? delay.seconds : null,
    },
    items,
  );
}

export async function probeScreenLock(run: CommandRunner): Promise<ProbeOutcome<ScreenLockObservation>> {
  const [sysadminctl, idle, pmset] = await Promise.all([
    run(SYSADMINCTL, SYSADMINCTL_ARGS),
    run(DEFAULTS, IDLE_ARGS),
    run(PMSET, PMSET_ARGS),
  ]);
  return parseScreenLock({ sysadminctl: answerOf(sysadminctl), screensaverIdleTime: answerOf(idle), pmset: answerOf(pmset) }, new Date());
}
