/**
 * System Integrity Protection and Gatekeeper on macOS, both readable without admin rights:
 *
 *   csrutil status   → "System Integrity Protection status: enabled." | "… disabled." |
 *                      "… unknown (Custom Configuration)." followed by a "Configuration:" list
 *                      of protections, each "enabled" or "disabled"
 *   spctl --status   → "assessments enabled" | "assessments disabled" (exit 1 when disabled)
 *
 * Both answer in English whatever the locale. A custom SIP configuration with any protection
 * disabled is 'off' (part of SIP is switched off); any other text is 'unrecognized' with the
 * text kept; a command that failed is 'unread' with why. Secure Boot and the TPM are not read
 * on macOS: Apple's boot security answers no non-admin tool.
 */
import type { BootProtectionObservation, BootProtectionReading, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { answerOf, excerpt, observed, type Answer, type CommandRunner } from './macos-answers';

const CSRUTIL = '/usr/bin/csrutil';
const SPCTL = '/usr/sbin/spctl';
export const CSRUTIL_SOURCE = `${CSRUTIL} status`;
export const SPCTL_SOURCE = `${SPCTL} --status`;

export interface BootProtectionAnswers {
  readonly csrutil: Answer;
  readonly spctl: Answer;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function readSip(answer: Answer): BootProtectionReading {
  if (!answer.ok) return { part: 'sip', state: 'unread', raw: `${answer.problem}: ${excerpt(answer.text)}` };
  const all = lines(answer.text);
  const status = /^System Integrity Protection status: (enabled|disabled|unknown \(Custom Configuration\))\.$/i
    .exec(all[0] ?? '')?.[1]
    ?.toLowerCase();
  const raw = excerpt(answer.text);
  if (status === 'enabled' && all.length === 1) return { part: 'sip', state: 'on', raw };
  if (status === 'disabled' && all.length === 1) return { part: 'sip', state: 'off', raw };
  if (status?.startsWith('unknown')) {
    const disabled = all.filter((l) => /^[A-Za-z][A-Za-z ]+: disabled$/.test(l)).map((l) => l.split(':')[0]);
    if (disabled.length > 0) return { part: 'sip', state: 'off', raw: `custom configuration, disabled: ${disabled.join(', ')}` };
  }
  return { part: 'sip', state: 'unrecognized', raw };
}

export function readGatekeeper(answer: Answer): BootProtectionReading {
  if (!answer.ok) return { part: 'gatekeeper', state: 'unread', raw: `${answer.problem}: ${excerpt(answer.text)}` };
  const all = lines(answer.text);
  const raw = excerpt(answer.text);
  if (all.length === 1 && all[0] === 'assessments enabled') return { part: 'gatekeeper', state: 'on', raw };
  if (all.length === 1 && all[0] === 'assessments disabled') return { part: 'gatekeeper', state: 'off', raw };
  return { part: 'gatekeeper', state: 'unrecognized', raw };
}

export function parseBootProtection(answers: BootProtectionAnswers, observedAt: Date): ProbeOutcome<BootProtectionObservation> {
  const sip = readSip(answers.csrutil);
  const gatekeeper = readGatekeeper(answers.spctl);
  return observed({ parts: [sip, gatekeeper] }, [
    evidence(CSRUTIL_SOURCE, { state: sip.state, said: sip.raw }, observedAt),
    evidence(SPCTL_SOURCE, { state: gatekeeper.state, said: gatekeeper.raw }, observedAt),
  ]);
}

export async function probeBootProtection(run: CommandRunner): Promise<ProbeOutcome<BootProtectionObservation>> {
  const [csrutil, spctl] = await Promise.all([run(CSRUTIL, ['status']), run(SPCTL, ['--status'], { acceptExitCodes: [1] })]);
  return parseBootProtection({ csrutil: answerOf(csrutil), spctl: answerOf(spctl) }, new Date());
}
