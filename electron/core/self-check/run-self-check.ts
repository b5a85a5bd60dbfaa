/**
 * One self-check run: every probe at once, each under its own time limit (and a guard here,
 * should a probe hang despite it), judged against the policy. "Within seconds" is the slowest
 * probe's time, not the sum.
 */
import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { DeviceOwnership, SelfCheckPolicy, SelfCheckRun } from '../../shared/self-check';
import { canonicalJson } from '../certificates/canonical-json';
import { evaluateSelfCheck, overallOf } from './evaluate-self-check';
import { PROBE_NAMES, type Observations, type SelfCheckProbes, type ProbeOutcome } from './self-check-observations';

/** Longer than any probe's own limit (at most 15 s): only a probe that ignores its limit meets it. */
const GUARD_MS = 20_000;

function guarded<T>(name: string, probe: () => Promise<ProbeOutcome<T>>, now: () => Date): Promise<ProbeOutcome<T>> {
  const failed = (problem: 'timeout' | 'unparseable'): ProbeOutcome<T> => ({
    ok: false,
    problem,
    evidence: [{ source: name, observedAt: now().toISOString(), facts: { problem } }],
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ProbeOutcome<T>>((resolve) => {
    timer = setTimeout(() => resolve(failed('timeout')), GUARD_MS);
  });
  // A probe that throws is a bug in its parser, reported as an answer we could not read.
  const answer = probe().catch(() => failed('unparseable'));
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

export function policyDigest(policy: SelfCheckPolicy): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex');
}

export async function observe(probes: SelfCheckProbes, now: () => Date): Promise<Observations> {
  const outcomes = await Promise.all(PROBE_NAMES.map((name) => guarded<unknown>(name, () => probes[name](), now)));
  // Each outcome sits under the name of the probe that gave it, which is what Observations says.
  return Object.fromEntries(PROBE_NAMES.map((name, i) => [name, outcomes[i]])) as unknown as Observations;
}

export async function runSelfCheck(
  probes: SelfCheckProbes,
  policy: SelfCheckPolicy,
  ownership: DeviceOwnership,
  now: () => Date = () => new Date(),
): Promise<SelfCheckRun> {
  const startedAt = now().toISOString();
  const observations = await observe(probes, now);
  const checks = evaluateSelfCheck(observations, probes.os, policy, now());
  const osDescription = observations.osUpdates.ok
    ? `${observations.osUpdates.observation.osName} ${observations.osUpdates.observation.osVersion}`.trim()
    : `${os.type()} ${os.release()}`;
  return {
    id: randomUUID(),
    startedAt,
    finishedAt: now().toISOString(),
    os: probes.os,
    osDescription,
    hostname: os.hostname(),
    ownership,
    policy,
    policySha256: policyDigest(policy),
    overall: overallOf(checks),
    checks,
  };
}
