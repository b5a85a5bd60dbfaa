/**
 * What every Windows probe shares: the PowerShell helpers each script starts with, and the
 * TypeScript side that reads what the scripts print.
 *
 * The contract between a script and its parser:
 * - a script prints exactly one JSON object (`ConvertTo-Json -Depth 5 -Compress`) and never
 *   any localized text that the parser would have to read: Japanese Windows answers in
 *   Japanese, so scripts hand over numbers, enum names and raw values, never labels;
 * - a part of the script that fails is printed in place of its data as
 *   `{"error": "accessDenied" | "commandMissing" | "notApplicable" | "failed", "message": …}`,
 *   and a script that fails as a whole prints only that object;
 * - dates are normalized to UTC ISO 8601 in the script, but the parsers also accept what
 *   Windows PowerShell 5.1 prints for a raw DateTime (`"\/Date(1732060800000)\/"`) and ISO
 *   strings with an offset, so a date that slipped through un-normalized is still read.
 */
import { z } from 'zod';
import type { ProbeEvidence, ProbeOutcome, ProbeProblem } from '../../../core/posture/posture-observations';
import { maskPersonal } from '../mask-personal';
import { evidence, type CommandOutcome, type RunOptions } from '../run-probe-command';

/** Runs a PowerShell script: run-probe-command's runPowerShell, or a recording in tests. */
export type PowerShellRunner = (script: string, options?: RunOptions) => Promise<CommandOutcome>;

/** The "no observation" half of a ProbeOutcome; assignable to any ProbeOutcome<T>. */
export type ProbeFailure = Extract<ProbeOutcome<never>, { ok: false }>;

export type Facts = ProbeEvidence['facts'];

/**
 * Prepended to every script (after runPowerShell's own prelude, which already sets
 * `$ErrorActionPreference = 'Stop'` and UTF-8 output).
 *
 * - Get-ProbeErrorKind classifies an exception by its type and HRESULT, never by its
 *   message: the message is in the display language.
 * - ConvertTo-ProbeDate turns a local or UTC DateTime into UTC ISO 8601 ('o' format).
 * - Get-RegValue reads one registry value, $null when the key or value does not exist
 *   (for policy keys "absent" simply means "not configured").
 * - Invoke-OemCommand runs a System32 console tool (netsh, w32tm) and decodes what it prints
 *   in the console's OEM code page (CP932 on Japanese Windows), not in the UTF-8 set for
 *   PowerShell itself; it returns the code page, the exit code and the lines.
 * - Invoke-Probe runs the script body and prints its result, or the error, as one line of JSON.
 */
export const PS_COMMON = String.raw`
function Get-ProbeErrorKind($err) {
  $ex = $err
  if ($err -is [System.Management.Automation.ErrorRecord]) { $ex = $err.Exception }
  while ($null -ne $ex) {
    if ($ex -is [System.Management.Automation.CommandNotFoundException]) { return 'commandMissing' }
    if ($ex -is [System.UnauthorizedAccessException] -or $ex -is [System.Security.SecurityException]) { return 'accessDenied' }
    if ($ex.HResult -eq -2147024891) { return 'accessDenied' }
    if ($ex.HResult -eq -2147221164) { return 'commandMissing' }
    if ($ex -is [System.ComponentModel.Win32Exception] -and $ex.NativeErrorCode -eq 2) { return 'commandMissing' }
    if ($ex.GetType().FullName -eq 'Microsoft.Management.Infrastructure.CimException') {
      switch ([string]$ex.NativeErrorCode) {
        'AccessDenied' { return 'accessDenied' }
        'InvalidNamespace' { return 'notApplicable' }
        'InvalidClass' { return 'notApplicable' }
      }
    }
    $ex = $ex.InnerException
  }
  return 'failed'
}
function New-ProbeError($err) {
  $message = if ($err -is [System.Management.Automation.ErrorRecord]) { [string]$err.Exception.Message } else { [string]$err }
  return [ordered]@{ error = (Get-ProbeErrorKind $err); message = $message }
}
function ConvertTo-ProbeDate($value) {
  if ($null -eq $value) { return $null }
  try { return ([datetime]$value).ToUniversalTime().ToString('o') } catch { return $null }
}
function Get-RegValue([string]$Path, [string]$Name) {
  if (-not (Test-Path -LiteralPath $Path)) { return $null }
  return (Get-Item -LiteralPath $Path).GetValue($Name, $null)
}
function Invoke-OemCommand([string]$Exe, [string]$Arguments) {
  $oem = [int](Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Nls\CodePage' -Name OEMCP).OEMCP
  $psi = New-Object System.Diagnostics.ProcessStartInfo
  $psi.FileName = Join-Path ([Environment]::SystemDirectory) $Exe
  $psi.Arguments = $Arguments
  $psi.UseShellExecute = $false
  $psi.CreateNoWindow = $true
  $psi.RedirectStandardOutput = $true
  $psi.StandardOutputEncoding = [System.Text.Encoding]::GetEncoding($oem)
  $process = [System.Diagnostics.Process]::Start($psi)
  $stdout = $process.StandardOutput.ReadToEnd()
  $process.WaitForExit()
  return [ordered]@{ codePage = $oem; exitCode = $process.ExitCode; lines = @($stdout -split '\r?\n') }
}
function Invoke-Probe([scriptblock]$Body) {
  try { $result = & $Body; ConvertTo-Json -InputObject $result -Depth 5 -Compress }
  catch { ConvertTo-Json -InputObject (New-ProbeError $_) -Depth 5 -Compress }
}
`;

export const scriptErrorSchema = z.object({
  error: z.enum(['accessDenied', 'commandMissing', 'notApplicable', 'failed']),
  message: z.string().nullish(),
});
export type ScriptError = z.infer<typeof scriptErrorSchema>;

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

/**
 * Reads a script's stdout: one JSON object, a whole-script error, or something we do not
 * understand. Tolerates the byte-order mark that UTF-8 console output can start with and
 * stray lines before the JSON (a module's warning printed to stdout).
 */
export function readScriptJson<S extends z.ZodType>(stdout: string, schema: S, source: string, observedAt: Date): ScriptJson<z.output<S>> {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') return { ok: false, failure: failure('unparseable', source, observedAt, 'empty output') };
  const json = parseJsonObject(text);
  if (json === undefined) return { ok: false, failure: failure('unparseable', source, observedAt, `not JSON: ${text}`) };
  const asError = scriptErrorSchema.safeParse(json);
  if (asError.success) return { ok: false, failure: failureFromError(asError.data, source, observedAt) };
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape';
    return { ok: false, failure: failure('unparseable', source, observedAt, where) };
  }
  return { ok: true, value: parsed.data };
}

function parseJsonObject(text: string): unknown {
  const candidates = [text, ...text.split(/\r?\n/).filter((line) => line.trimStart().startsWith('{')).reverse()];
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** One line, at most 200 characters, with user and host names masked: it is stored and shown. */
function shorten(text: string): string {
  const oneLine = maskPersonal(text.replace(/\s+/g, ' ').trim());
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
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
