/**
 * Microsoft Defender Antivirus as the sanitization pipeline's engine on Windows (10-5, 8-1).
 *
 * Why it is built this way:
 * - `MpCmdRun.exe -Scan -ScanType 3 -File <path> -DisableRemediation`, one call per file:
 *   `-File` takes one path, and -DisableRemediation reports without quarantining, so the
 *   pipeline (not Defender) decides what happens to the file. Real-time protection may still
 *   remove a file on its own; that file then fails to scan and is blocked.
 * - MpCmdRun from the newest platform folder
 *   (`%ProgramData%\Microsoft\Windows Defender\Platform\<version>\`), which Microsoft Learn
 *   recommends over the copy in `%ProgramFiles%\Windows Defender\` that Windows servicing may
 *   leave older; that copy is the fallback.
 * - The verdict comes from the output, not the exit code alone (mpcmdrun-output.ts).
 * - Engine and signature versions from `Get-MpComputerStatus` as JSON (the scan's output has
 *   none), through the same PowerShell runner as the self-check's probes. A Defender that is
 *   switched off or not running has no info: the pipeline then fails closed.
 * - Network paths are refused: asking Defender to open `\\host\share\file` makes Windows
 *   authenticate to that host (a known way to leak the machine's NTLM credentials).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AntivirusEngine, EngineCheck, EngineInfo, ScanResult } from '../../core/sanitize/sanitize-types';
import { runPowerShell } from '../self-check/run-probe-command';
import { date, flag, readScriptJson, text, type PowerShellRunner } from '../self-check/windows/powershell-json';
import { powerShellJsonScript } from '../windows/powershell-script';
import { parseMpCmdRunScan } from './mpcmdrun-output';
import { runScanner } from './run-scanner';

export { parseMpCmdRunScan } from './mpcmdrun-output';

export interface DefenderEngineOptions {
  /** Default: found from %ProgramData% / %ProgramFiles% (see findMpCmdRun). */
  readonly mpCmdRunPath?: string;
  /** Time limit for one file; default 10 minutes. */
  readonly timeoutMs?: number;
  /** Runs the Get-MpComputerStatus script; default Windows PowerShell (tests pass a recording). */
  readonly runPowerShell?: PowerShellRunner;
  /** Where %ProgramData% and %ProgramFiles% are read from; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const INFO_SOURCE = 'Get-MpComputerStatus';

export const DEFENDER_INFO_SCRIPT = powerShellJsonScript(String.raw`
  $s = Get-MpComputerStatus
  return [ordered]@{
    amServiceEnabled = $s.AMServiceEnabled
    antivirusEnabled = $s.AntivirusEnabled
    runningMode = [string]$s.AMRunningMode
    engineVersion = [string]$s.AMEngineVersion
    signatureVersion = [string]$s.AntivirusSignatureVersion
    signatureLastUpdated = ConvertTo-ProbeDate $s.AntivirusSignatureLastUpdated
  }
`);

const DefenderStatus = z.object({
  amServiceEnabled: flag,
  antivirusEnabled: flag,
  runningMode: text,
  engineVersion: text,
  signatureVersion: text,
  signatureLastUpdated: date,
});

/**
 * What the info script printed, as EngineInfo; null when Defender cannot scan: the cmdlet
 * failed (Defender removed, access denied), the service or the anti-virus is off, or its
 * running mode is "Not running" (another product took over).
 */
export function parseDefenderInfo(stdout: string): EngineInfo | null {
  const read = readScriptJson(stdout, DefenderStatus, INFO_SOURCE, new Date());
  if (!read.ok) return null;
  const status = read.value;
  if (status.amServiceEnabled === false || status.antivirusEnabled === false) return null;
  if (status.runningMode !== null && status.runningMode.toLowerCase() === 'not running') return null;
  if (status.engineVersion === null || status.signatureVersion === null) return null;
  return {
    engine: 'Microsoft Defender',
    version: status.engineVersion,
    databaseVersion: status.signatureVersion,
    databaseDate: status.signatureLastUpdated,
  };
}

/** Platform folder names are versions like "4.18.24090.11-0": the highest wins. */
export function newestPlatformFolder(names: readonly string[]): string | null {
  const versions = names.filter((name) => /^\d+(\.\d+)+(-\d+)?$/.test(name));
  const key = (name: string): number[] => name.split(/[.-]/).map(Number);
  versions.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (ka[i] ?? 0) - (kb[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return versions.at(-1) ?? null;
}

/** The MpCmdRun.exe to use, or null when Defender is not installed. */
export async function findMpCmdRun(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
  const programFiles = env.ProgramFiles ?? env.PROGRAMFILES ?? 'C:\\Program Files';
  const platform = path.win32.join(programData, 'Microsoft', 'Windows Defender', 'Platform');
  try {
    const names = await readdir(platform);
    // Newest first; a folder being installed may not have its MpCmdRun.exe yet.
    while (names.length > 0) {
      const newest = newestPlatformFolder(names);
      if (newest === null) break;
      const candidate = path.win32.join(platform, newest, 'MpCmdRun.exe');
      if (await isFile(candidate)) return candidate;
      names.splice(names.indexOf(newest), 1);
    }
  } catch {
    // no platform folder: an older Windows, or Defender removed
  }
  const classic = path.win32.join(programFiles, 'Windows Defender', 'MpCmdRun.exe');
  return (await isFile(classic)) ? classic : null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export function createDefenderEngine(options: DefenderEngineOptions = {}): AntivirusEngine {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const powerShell = options.runPowerShell ?? runPowerShell;
  const mpCmdRun = async (): Promise<string | null> =>
    options.mpCmdRunPath !== undefined ? options.mpCmdRunPath : findMpCmdRun(options.env);

  async function scanOne(exe: string, file: string, signal: AbortSignal | undefined): Promise<ScanResult> {
    if (/^[\\/]{2}/.test(file)) return { status: 'error', detail: 'network paths are not scanned (copy the file to this computer first)' };
    const resolved = path.resolve(file);
    try {
      if (!(await stat(resolved)).isFile()) return { status: 'error', detail: 'not a regular file' };
    } catch (error) {
      return { status: 'error', detail: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
    const run = await runScanner(exe, ['-Scan', '-ScanType', '3', '-File', resolved, '-DisableRemediation'], { timeoutMs, signal });
    if (run.spawnError)
      return { status: 'error', detail: `MpCmdRun could not be started: ${run.spawnError.code ?? run.spawnError.message}` };
    if (run.timedOut) return { status: 'error', detail: `MpCmdRun timed out after ${Math.round(timeoutMs / 1000)} s` };
    return parseMpCmdRunScan(`${run.stdout}\n${run.stderr}`, run.exitCode);
  }

  async function check(): Promise<EngineCheck> {
    if ((await mpCmdRun()) === null)
      return {
        ok: false,
        problem: {
          code: 'ENGINE_NOT_INSTALLED',
          detail:
            'MpCmdRun.exe was not found under %ProgramData%\\Microsoft\\Windows Defender\\Platform nor %ProgramFiles%\\Windows Defender',
        },
      };
    const answer = await powerShell(DEFENDER_INFO_SCRIPT, { timeoutMs: 30_000 });
    const info = answer.ok || answer.problem === 'unparseable' ? parseDefenderInfo(answer.stdout) : null;
    // Defender does not say how many signatures it has: `signatures` stays unknown (null), never guessed.
    if (info) return { ok: true, info: { ...info, databasePath: null, signatures: null } };
    return {
      ok: false,
      problem: {
        code: 'ENGINE_OFF',
        detail: answer.ok
          ? 'Get-MpComputerStatus says Microsoft Defender Antivirus is off or not running'
          : `Get-MpComputerStatus failed (${answer.problem})`,
      },
    };
  }

  return {
    name: 'Microsoft Defender',

    async info() {
      const checked = await check();
      return checked.ok ? checked.info : null;
    },

    check,

    async scan(files, scanOptions = {}) {
      const signal = scanOptions.signal;
      signal?.throwIfAborted();
      const exe = await mpCmdRun();
      const results = new Map<string, ScanResult>();
      for (const file of files) {
        if (results.has(file)) continue;
        signal?.throwIfAborted();
        results.set(
          file,
          exe === null
            ? { status: 'error', detail: 'Microsoft Defender (MpCmdRun.exe) is not installed' }
            : await scanOne(exe, file, signal),
        );
      }
      return results;
    },
  };
}
