/**
 * What the self-check's Windows probes share on top of the PowerShell scaffold
 * (`platform/windows/powershell-script.ts`, which builds and reads every script): turning a
 * script's error or unreadable output into the probe's "no observation" with its evidence,
 * and reading the loosely typed values PowerShell prints.
 *
 * Dates are normalized to UTC ISO 8601 in the scripts, but the parsers also accept what
 * Windows PowerShell 5.1 prints for a raw DateTime (`"\/Date(1732060800000)\/"`) and ISO
 * strings with an offset, so a date that slipped through un-normalized is still read.
 */
import { z } from 'zod';
import type { ProbeEvidence, ProbeOutcome, ProbeProblem } from '../../../core/self-check/self-check-observations';
import { evidence, type CommandOutcome, type RunOptions } from '../run-probe-command';
import { parseScriptOutput, scriptErrorSchema, shortDetail as shorten, type ScriptError } from '../../windows/powershell-script';

export { scriptErrorSchema, type ScriptError };

/** Runs a PowerShell script: run-probe-command's runPowerShell, or a recording in tests. */
export type PowerShellRunner = (script: string, options?: RunOptions) => Promise<CommandOutcome>;

/** The "no observation" half of a ProbeOutcome; assignable to any ProbeOutcome<T>. */
export type ProbeFailure = Extract<ProbeOutcome<never>, { ok: false }>;

export type Facts = ProbeEvidence['facts'];

/** A part of a script's output: its data, or the error that took its place. */
export function section<S extends z.ZodType>(data: S) {
  return z.union([scriptErrorSchema, data]);
}

export function isScriptError(value: unknown): value is ScriptError {
  return scriptErrorSchema.safeParse(value).success;
}

/** 'failed' is "it answered, but not with what we asked for", which the observation types call unparseable. */
export function problemOf(error: ScriptError): ProbeProblem {
  return error.error === 'failed' ? 'unparseable' : error.error;
}

export function failure(problem: ProbeProblem, source: string, observedAt: Date, detail?: string | null): ProbeFailure {
  const facts: Facts = detail ? { problem, detail: shorten(detail) } : { problem };
  return {
    ok: false,
    problem,
    ...(detail ? { detail: shorten(detail) } : {}),
    evidence: [evidence(source, facts, observedAt)],
  };
}

export function failureFromError(error: ScriptError, source: string, observedAt: Date): ProbeFailure {
  return failure(problemOf(error), source, observedAt, error.message ?? null);
}

/** Evidence for a part that failed while others answered. */
export function errorEvidence(source: string, error: ScriptError, observedAt: Date): ProbeEvidence {
  return evidence(source, { problem: problemOf(error), detail: shorten(error.message ?? '') }, observedAt);
}

export type ScriptJson<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ProbeFailure };

/** Reads a script's stdout with its schema (see parseScriptOutput); anything but the value is the probe's failure. */
export function readScriptJson<S extends z.ZodType>(stdout: string, schema: S, source: string, observedAt: Date): ScriptJson<z.output<S>> {
  const read = parseScriptOutput(stdout, schema);
  if (read.ok) return read;
  if (read.error) return { ok: false, failure: failureFromError(read.error, source, observedAt) };
  return { ok: false, failure: failure('unparseable', source, observedAt, read.detail) };
}

/**
 * A yes/no as PowerShell may print it: a JSON boolean, "True"/"False" (an enum or a
 * [string] cast), 1/0 (a registry DWORD or an enum serialized as its number) or "1"/"0"
 * (a REG_SZ such as ScreenSaveActive). Anything else is unknown.
 */
export function toFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || (typeof value === 'string' && value.toLowerCase() === 'true')) return true;
  if (value === 0 || value === '0' || (typeof value === 'string' && value.toLowerCase() === 'false')) return false;
  return null;
}

/** A whole number from a JSON number, a decimal string ("600") or a hex string ("0x00000258"). */
export function toInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^-?\d+$/.test(text)) return Number.parseInt(text, 10);
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  return null;
}

export function toText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

const scalar = z.union([z.boolean(), z.number(), z.string(), z.null()]).optional();
/** A loosely typed yes/no (see toFlag). */
export const flag = scalar.transform(toFlag);
/** A loosely typed whole number (see toInteger). */
export const integer = scalar.transform(toInteger);
/** A string, with "" and absence both meaning null. */
export const text = scalar.transform(toText);
/** A date in any form PowerShell prints (see normalizeDate). */
export const date = z.unknown().transform(normalizeDate);

const MS_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;
const RFC_1123 = /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/;
/** Before this, a date is a placeholder (DateTime.MinValue, FILETIME 0), not a real update. */
const EARLIEST_REAL_DATE = Date.UTC(1990, 0, 1);

/**
 * Any date a script may print, as UTC ISO 8601, or null:
 * - ISO 8601 with "Z" or an offset ("2024-11-20T09:00:00.0000000+09:00"; .NET's 'o' has 7
 *   fraction digits, cut to milliseconds);
 * - PowerShell 5.1's `\/Date(ms)\/` (the JSON text; JSON.parse leaves `/Date(ms)/`), whose
 *   number is UTC milliseconds whatever offset follows it;
 * - PowerShell 5.1's wrapped DateTime `{"value": "\/Date(ms)\/", "DateTime": "<localized>"}`;
 * - RFC 1123 ("Thu, 21 Nov 2024 01:23:45 GMT", Security Center's timestamp), always English.
 * A date without a zone is refused: it is local time on a machine whose zone we do not know.
 */
export function normalizeDate(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && 'value' in value) return normalizeDate(value.value);
  if (typeof value !== 'string') return null;
  const textValue = value.trim();
  let ms: number | null = null;
  const msDate = MS_DATE.exec(textValue);
  const iso = ISO_WITH_ZONE.exec(textValue);
  if (msDate?.[1] !== undefined) {
    ms = Number.parseInt(msDate[1], 10);
  } else if (iso) {
    const fraction = (iso[2] ?? '').slice(0, 4);
    ms = Date.parse(`${iso[1] ?? ''}${fraction}${iso[3] ?? ''}`);
  } else if (RFC_1123.test(textValue)) {
    ms = Date.parse(textValue);
  }
  if (ms === null || !Number.isFinite(ms) || ms < EARLIEST_REAL_DATE) return null;
  return new Date(ms).toISOString();
}

export interface ProbeRun<T> {
  readonly script: string;
  /** What the evidence names when the command itself failed. */
  readonly source: string;
  readonly parse: (stdout: string, observedAt: Date) => ProbeOutcome<T>;
  readonly timeoutMs?: number;
}

/**
 * Runs one probe's script and feeds its stdout to the parser. A timeout, a missing
 * powershell.exe or a refused start is the probe's answer; a non-zero exit is still parsed,
 * because the script may have printed its own, more precise, error first.
 */
export async function runWindowsProbe<T>(run: PowerShellRunner, probe: ProbeRun<T>): Promise<ProbeOutcome<T>> {
  const outcome = await run(probe.script, probe.timeoutMs === undefined ? {} : { timeoutMs: probe.timeoutMs });
  const observedAt = new Date();
  if (!outcome.ok && outcome.problem !== 'unparseable') {
    return failure(outcome.problem, probe.source, observedAt, outcome.stderr);
  }
  return probe.parse(outcome.stdout, observedAt);
}
