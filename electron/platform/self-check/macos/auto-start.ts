/**
 * Automatic login and AutoRun on macOS.
 *
 * Automatic login: the login window keeps the account it signs in by itself in
 * /Library/Preferences/com.apple.loginwindow (readable by every user):
 *   defaults read /Library/Preferences/com.apple.loginwindow autoLoginUser
 * prints the account's short name when automatic login is on, and "The domain/default pair
 * of (…, autoLoginUser) does not exist" (exit 1) when it is off. The name is never kept:
 * the evidence says only that one is set.
 *
 * AutoRun: macOS has no AutoRun or AutoPlay that starts software from inserted media (Finder
 * only mounts it), so the check does not apply; nothing is run for it.
 */
import type { AutoLoginObservation, AutoRunObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { answerOf, commandLine, excerpt, notObserved, observed, type Answer, type CommandRunner } from './macos-answers';

const DEFAULTS = '/usr/bin/defaults';
const ARGS = ['read', '/Library/Preferences/com.apple.loginwindow', 'autoLoginUser'];
export const AUTO_LOGIN_SOURCE = commandLine(DEFAULTS, ARGS);
const NOT_SET = /^The domain\/default pair of \(\/Library\/Preferences\/com\.apple\.loginwindow, autoLoginUser\) does not exist$/m;

export function parseAutoLogin(answer: Answer, observedAt: Date): ProbeOutcome<AutoLoginObservation> {
  if (!answer.ok && answer.problem !== 'unparseable') {
    return notObserved(answer.problem, [
      evidence(AUTO_LOGIN_SOURCE, { problem: answer.problem, said: excerpt(answer.text) || null }, observedAt),
    ]);
  }
  const lines = answer.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let state: AutoLoginObservation['state'] = 'unrecognized';
  // defaults prints the pair's "does not exist" on stderr (exit 1): automatic login is off.
  if (!answer.ok && NOT_SET.test(answer.text)) state = 'off';
  // One word on stdout (exit 0): an account name, so automatic login is on.
  else if (answer.ok && lines.length === 1 && /^\S+$/.test(lines[0] ?? '')) state = 'on';
  const raw = state === 'on' ? 'autoLoginUser set' : state === 'off' ? 'autoLoginUser not set' : excerpt(answer.text) || 'no output';
  return observed({ state, raw }, [evidence(AUTO_LOGIN_SOURCE, { state, said: raw }, observedAt)]);
}

export async function probeAutoLogin(run: CommandRunner): Promise<ProbeOutcome<AutoLoginObservation>> {
  return parseAutoLogin(answerOf(await run(DEFAULTS, ARGS)), new Date());
}

export function probeAutoRun(observedAt = new Date()): Promise<ProbeOutcome<AutoRunObservation>> {
  return Promise.resolve(observed({ state: 'notOnThisOs', raw: 'macOS' }, [evidence('macOS', { autoRun: 'none' }, observedAt)]));
}
