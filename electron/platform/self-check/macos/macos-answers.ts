/**
 * Plumbing shared by the macOS probes: how a command's answer reaches a parser, how an outcome
 * is built, and the few things several probes need (system_profiler's JSON, ISO dates, one run
 * of a slow command shared by two probes).
 *
 * Parsers stay pure: they get text and the time it was read, never a process. Probes that
 * combine several commands hand their parser one `Answer` per command, so a parser can still
 * say "this part was refused" while using the parts that answered.
 */
import type { z } from 'zod';
import type { ProbeEvidence, ProbeOutcome, ProbeProblem } from '../../../core/self-check/self-check-observations';
import { maskPersonal } from '../mask-personal';
import { evidence, failedProbe, runProbeCommand, type CommandOutcome } from '../run-probe-command';

/** runProbeCommand, or a stand-in with the same contract (tests feed recorded output through it). */
export type CommandRunner = typeof runProbeCommand;

export const SYSTEM_PROFILER = '/usr/sbin/system_profiler';
/** system_profiler starts a helper per data type and can take several seconds on a busy Mac. */
export const SYSTEM_PROFILER_TIMEOUT_MS = 15_000;

/** What one command printed (stdout and stderr together), and whether it ran cleanly. */
export type Answer =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: ProbeProblem; readonly text: string };

/**
 * Both streams by default, because sysadminctl prints its answer on stderr and `defaults`
 * prints "does not exist" there: a parser that only saw stdout could not tell "not set" from
 * "refused". JSON answers take stdout only, so a warning on stderr cannot break the JSON; their
 * stderr is kept only when the command failed, as the reason.
 */
export function answerOf(outcome: CommandOutcome, streams: 'both' | 'stdout' = 'both'): Answer {
  const parts = streams === 'stdout' && outcome.ok ? [outcome.stdout] : [outcome.stdout, outcome.stderr];
  const text = parts.filter((part) => part.trim() !== '').join('\n');
  return outcome.ok ? { ok: true, text } : { ok: false, problem: outcome.problem, text };
}

export function commandLine(file: string, args: readonly string[]): string {
  return [file, ...args].join(' ');
}

/**
 * Wording with which macOS refuses a non-admin user. runProbeCommand classifies this only when
 * the command also fails; sysadminctl can print it and still exit 0.
 */
export const REFUSED =
  /not authorized|permission denied|operation not permitted|errAuthorization|should be run as root|must be run as root/i;

/** First meaningful line of what a command said, short enough for a detail or an evidence fact. */
export function excerpt(text: string, max = 160): string {
  const line = maskPersonal(
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? '',
  );
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function observed<T>(observation: T, items: readonly ProbeEvidence[]): ProbeOutcome<T> {
  return { ok: true, observation, evidence: items };
}

export function notObserved<T>(problem: ProbeProblem, items: readonly ProbeEvidence[], detail?: string): ProbeOutcome<T> {
  return { ok: false, problem, ...(detail === undefined || detail === '' ? {} : { detail }), evidence: items };
}

/** A probe whose only command failed: the failure, with what the command said as its detail. */
export function commandFailed<T>(source: string, outcome: CommandOutcome & { readonly ok: false }): ProbeOutcome<T> {
  return failedProbe<T>(outcome.problem, source, excerpt(outcome.stderr || outcome.stdout) || undefined);
}

/** Evidence that one of several commands gave nothing usable, so the record says what was tried. */
export function problemEvidence(source: string, problem: ProbeProblem, text: string, observedAt: Date): ProbeEvidence {
  return evidence(source, { problem, said: excerpt(text) || null }, observedAt);
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

/**
 * system_profiler's `-json` output checked against the part of its shape a parser relies on.
 * `-json` rather than the text report because its keys and enumerated values
 * ("spfirewall_globalstate_allow_all") are not translated, while the text report's labels are.
 */
export function parseProfilerJson<T>(text: string, schema: z.ZodType<T>): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detail: `not JSON: ${excerpt(text)}` };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, detail: `unexpected shape: ${result.error.issues[0]?.message ?? ''}` };
}

/** A date as ISO 8601 UTC, or null when the text is not a date (never "now" as a stand-in). */
export function isoUtc(text: string | undefined): string | null {
  if (text === undefined || text.trim() === '') return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * One run of a command for every caller while it is running. The antivirus and OS-update
 * probes both need the install history and run at the same time; system_profiler takes
 * seconds, so they share it. Once it has answered, the next self-check reads it afresh.
 */
export function shareWhileRunning<T>(start: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= start().finally(() => {
      running = null;
    });
    return running;
  };
}
