/**
 * The macOS Application Firewall, read without admin rights.
 *
 * First `socketfilterfw --getglobalstate`, which prints "Firewall is enabled. (State = 1)" or
 * "Firewall is disabled. (State = 0)" (State = 2 is "Block all incoming connections", which is
 * on). When it is missing, fails, or declines to answer (a Mac managed by a configuration
 * profile can get "Firewall settings cannot be modified from command line on managed Mac
 * computers."), `system_profiler -json SPFirewallDataType` reads the same setting; since
 * macOS 15 that is also where the old com.apple.alf preferences went.
 *
 * macOS has one global switch, reported as the profile "global"; third-party firewalls
 * (Little Snitch, LuLu, …) are not registered anywhere a non-admin can ask, so `products` is empty.
 */
import { z } from 'zod';
import type { FirewallObservation, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import {
  SYSTEM_PROFILER,
  SYSTEM_PROFILER_TIMEOUT_MS,
  commandLine,
  excerpt,
  notObserved,
  observed,
  parseProfilerJson,
  problemEvidence,
  type CommandRunner,
} from './macos-answers';

const SOCKETFILTERFW = '/usr/libexec/ApplicationFirewall/socketfilterfw';
const SOCKETFILTERFW_ARGS = ['--getglobalstate'];
const PROFILER_ARGS = ['-json', 'SPFirewallDataType'];
export const SOCKETFILTERFW_SOURCE = commandLine(SOCKETFILTERFW, SOCKETFILTERFW_ARGS);
export const FIREWALL_PROFILER_SOURCE = commandLine(SYSTEM_PROFILER, PROFILER_ARGS);

/** socketfilterfw's global states; anything else is a wording we do not know, not "off". */
const STATE_ENABLED: Readonly<Record<number, boolean>> = { 0: false, 1: true, 2: true };

/** system_profiler's names for the same states; `_off` is listed in Apple's strings but unseen. */
const PROFILER_STATE_ENABLED: Readonly<Record<string, boolean>> = {
  spfirewall_globalstate_limit_connections: true,
  spfirewall_globalstate_block_all: true,
  spfirewall_globalstate_allow_all: false,
  spfirewall_globalstate_off: false,
};

function globalProfile(enabled: boolean): FirewallObservation {
  return { profiles: [{ name: 'global', enabled }], products: [] };
}

/**
 * Parses `socketfilterfw --getglobalstate`. The "(State = N)" number is read first because the
 * sentence around it has changed between releases; the words are the fallback for an answer
 * without the number. The output is English whatever the locale (and runProbeCommand sets LC_ALL=C).
 */
export function parseSocketfilterfwGlobalState(stdout: string, observedAt: Date): ProbeOutcome<FirewallObservation> {
  const stateText = /\(\s*State\s*=\s*(\d+)\s*\)/i.exec(stdout)?.[1];
  const state = stateText === undefined ? null : Number(stateText);
  const enabled = state !== null ? (STATE_ENABLED[state] ?? null) : enabledFromWords(stdout);
  if (enabled === null) {
    const said = excerpt(stdout);
    return notObserved('unparseable', [evidence(SOCKETFILTERFW_SOURCE, { said: said || null }, observedAt)], said || 'no output');
  }
  return observed(globalProfile(enabled), [
    evidence(SOCKETFILTERFW_SOURCE, { enabled, state, blockAll: state === null ? null : state === 2 }, observedAt),
  ]);
}

function enabledFromWords(text: string): boolean | null {
  if (/\bfirewall is (enabled|on)\b/i.test(text)) return true;
  if (/\bfirewall is (disabled|off)\b/i.test(text)) return false;
  return null;
}

const FirewallReport = z.object({
  SPFirewallDataType: z.array(z.object({ spfirewall_globalstate: z.string().optional() })),
});

/** Parses `system_profiler -json SPFirewallDataType` (macOS 10.15 and later). */
export function parseFirewallProfilerJson(stdout: string, observedAt: Date): ProbeOutcome<FirewallObservation> {
  const report = parseProfilerJson(stdout, FirewallReport);
  if (!report.ok)
    return notObserved('unparseable', [evidence(FIREWALL_PROFILER_SOURCE, { said: report.detail }, observedAt)], report.detail);
  const globalState =
    report.value.SPFirewallDataType.find((item) => item.spfirewall_globalstate !== undefined)?.spfirewall_globalstate ?? null;
  const enabled = globalState === null ? null : (PROFILER_STATE_ENABLED[globalState] ?? null);
  const item = evidence(FIREWALL_PROFILER_SOURCE, { globalState, enabled }, observedAt);
  if (enabled === null)
    return notObserved('unparseable', [item], globalState === null ? 'no spfirewall_globalstate' : `unknown state ${globalState}`);
  return observed(globalProfile(enabled), [item]);
}

/** socketfilterfw first; system_profiler only when it gave no usable answer. */
export async function probeFirewall(run: CommandRunner): Promise<ProbeOutcome<FirewallObservation>> {
  const first = await run(SOCKETFILTERFW, SOCKETFILTERFW_ARGS);
  let tried: readonly ProbeEvidence[];
  if (first.ok) {
    const parsed = parseSocketfilterfwGlobalState(first.stdout, new Date());
    if (parsed.ok) return parsed;
    tried = parsed.evidence;
  } else {
    tried = [problemEvidence(SOCKETFILTERFW_SOURCE, first.problem, first.stderr || first.stdout, new Date())];
  }
  const second = await run(SYSTEM_PROFILER, PROFILER_ARGS, { timeoutMs: SYSTEM_PROFILER_TIMEOUT_MS });
  if (!second.ok) {
    const failure = problemEvidence(FIREWALL_PROFILER_SOURCE, second.problem, second.stderr || second.stdout, new Date());
    return notObserved(second.problem, [...tried, failure], excerpt(second.stderr || second.stdout));
  }
  const parsed = parseFirewallProfilerJson(second.stdout, new Date());
  return { ...parsed, evidence: [...tried, ...parsed.evidence] };
}
