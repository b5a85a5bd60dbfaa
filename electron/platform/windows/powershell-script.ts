/**
 * The one PowerShell scaffold every Windows probe runs in (the self-check's probes, the
 * antivirus engine, the data folder, volumes, devices and media), so each probe keeps only
 * its script body and the zod schema of what that body returns:
 * - the command line: Windows PowerShell 5.1 (present on every Windows 10/11) with no profile,
 *   no prompts, and the script passed as -EncodedCommand (UTF-16LE base64) so no quoting can
 *   break it, behind a prelude that stops on the first error and forces UTF-8 output
 *   (Japanese Windows would otherwise answer in CP932);
 * - the script: the shared helpers (`PS_COMMON`) and the body run by `Invoke-Probe`, which
 *   prints its result, or the error that took its place, as one line of JSON;
 * - the output: read with the body's zod schema, tolerating a byte-order mark and stray lines
 *   before the JSON, and telling a script's own error from output we do not understand.
 *
 * The contract between a script and its parser:
 * - a script prints exactly one JSON object (`ConvertTo-Json -Depth 5 -Compress`) and never
 *   any localized text that the parser would have to read: Japanese Windows answers in
 *   Japanese, so scripts hand over numbers, enum names and raw values, never labels;
 * - a part of the script that fails is printed in place of its data as
 *   `{"error": "accessDenied" | "commandMissing" | "notApplicable" | "failed", "message": …}`,
 *   and a script that fails as a whole prints only that object.
 */
import { z } from 'zod';
import { maskPersonal } from '../self-check/mask-personal';

/** Stop on the first error, and print UTF-8 whatever the console's code page. */
const PRELUDE =
  "$ErrorActionPreference = 'Stop'; [Console]::OutputEncoding = [System.Text.Encoding]::UTF8; $OutputEncoding = [System.Text.Encoding]::UTF8;\n";

/** A script as -EncodedCommand takes it: UTF-16LE, base64. */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** The powershell.exe command line that runs a script with the prelude. */
export function powerShellCommand(script: string): { readonly file: string; readonly args: readonly string[] } {
  return {
    file: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShell(PRELUDE + script)],
  };
}

/**
 * The helpers every script starts with.
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

/**
 * A whole script: the shared helpers, the probe's own functions (if any), and its body, which
 * returns the object to print (`return [ordered]@{ … }`).
 */
export function powerShellJsonScript(body: string, functions = ''): string {
  return `${PS_COMMON}${functions}\nInvoke-Probe {\n${body.replace(/^\n+|\s+$/g, '')}\n}\n`;
}

export const scriptErrorSchema = z.object({
  error: z.enum(['accessDenied', 'commandMissing', 'notApplicable', 'failed']),
  message: z.string().nullish(),
});
export type ScriptError = z.infer<typeof scriptErrorSchema>;

/** What a script printed: its value, the error it printed instead, or output we do not understand (with what was wrong). */
export type ScriptOutput<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ScriptError }
  | { readonly ok: false; readonly error: null; readonly detail: string };

/**
 * Reads a script's stdout with its schema: one JSON object, a whole-script error, or something
 * we do not understand. Tolerates the byte-order mark that UTF-8 console output can start with
 * and stray lines before the JSON (a module's warning printed to stdout).
 */
export function parseScriptOutput<S extends z.ZodType>(stdout: string, schema: S): ScriptOutput<z.output<S>> {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') return { ok: false, error: null, detail: 'empty output' };
  const json = parseJsonObject(text);
  if (json === undefined) return { ok: false, error: null, detail: `not JSON: ${text}` };
  const asError = scriptErrorSchema.safeParse(json);
  if (asError.success) return { ok: false, error: asError.data };
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: null, detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape' };
  }
  return { ok: true, value: parsed.data };
}

/** For readers that have no partial answer to give: the value, or an Error saying (shortly, masked) what went wrong. */
export function readScriptOutput<S extends z.ZodType>(stdout: string, schema: S, source: string): z.output<S> {
  const read = parseScriptOutput(stdout, schema);
  if (read.ok) return read.value;
  const what = read.error ? `${read.error.error}${read.error.message ? `: ${read.error.message}` : ''}` : read.detail;
  throw new Error(`${source}: ${shortDetail(what)}`);
}

function parseJsonObject(text: string): unknown {
  const candidates = [
    text,
    ...text
      .split(/\r?\n/)
      .filter((line) => line.trimStart().startsWith('{'))
      .reverse(),
  ];
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
export function shortDetail(text: string): string {
  const oneLine = maskPersonal(text.replace(/\s+/g, ' ').trim());
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}

/** Windows PowerShell 5.1 prints a one-element array as a bare object (and an empty one as nothing): both read as a list. */
export const oneOrMany = <S extends z.ZodType>(item: S) =>
  z
    .union([z.array(item), item.transform((value) => [value])])
    .nullish()
    .transform((v) => v ?? []);
