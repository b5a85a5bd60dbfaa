/**
 * Windows runner for windows-medium.ts: resolves the target through links, takes its drive
 * letter, and runs the Storage-module script once with that letter in an environment variable.
 * A target on a network share or without a drive letter is a problem, not a guess.
 */
import path from 'node:path';
import type { DeviceFacts, Medium } from '../../core/erasure/medium';
import { runPowerShell } from '../self-check/run-probe-command';
import { MediaUnreadableError, type MediumOptions } from './medium-options';
import { resolveThroughLinks } from './resolve-through-links';
import {
  DRIVE_LETTER_VARIABLE,
  parseWindowsMedia,
  WINDOWS_MEDIUM_SCRIPT,
  windowsDevicesFrom,
  windowsMediumFrom,
  type WindowsMediaOutput,
} from './windows-medium';

/** `C:\Users\…` → `C`; null for UNC paths (`\\server\share\…`) and anything without a drive letter. */
export function driveLetterOf(resolvedPath: string): string | null {
  return /^([A-Za-z]):[\\/]?$/.exec(path.win32.parse(resolvedPath).root)?.[1]?.toUpperCase() ?? null;
}

async function runScript(letter: string | null, problems: string[]): Promise<WindowsMediaOutput | null> {
  // Get-PhysicalDisk can take several seconds on a machine with Storage Spaces or card readers.
  const outcome = await runPowerShell(WINDOWS_MEDIUM_SCRIPT, { timeoutMs: 30_000, env: { [DRIVE_LETTER_VARIABLE]: letter ?? '' } });
  if (!outcome.ok) {
    problems.push(`PowerShell Get-Disk/Get-PhysicalDisk could not be run (${outcome.problem})`);
    return null;
  }
  try {
    return parseWindowsMedia(outcome.stdout);
  } catch (error) {
    problems.push(
      `the PowerShell storage output could not be read: ${(error instanceof Error ? error.message : String(error)).slice(0, 200)}`,
    );
    return null;
  }
}

async function criticalLetters(options: MediumOptions) {
  return {
    dataFolder: options.dataFolder ? driveLetterOf(await resolveThroughLinks(options.dataFolder)) : null,
    systemDrive: driveLetterOf(`${process.env.SystemDrive ?? 'C:'}\\`),
  };
}

export async function readWindowsMedium(target: string, options: MediumOptions = {}): Promise<Medium> {
  const problems: string[] = [];
  const resolved = await resolveThroughLinks(target);
  const letter = driveLetterOf(resolved);
  if (!letter)
    return {
      volume: null,
      device: null,
      problems: [`${resolved} is not on a drive letter (a network share or a volume mounted in a folder)`],
    };
  const output = await runScript(letter, problems);
  if (!output) return { volume: null, device: null, problems };
  const medium = windowsMediumFrom(output, letter, await criticalLetters(options));
  return { ...medium, problems: [...problems, ...medium.problems] };
}

export async function listWindowsWholeDevices(options: MediumOptions = {}): Promise<DeviceFacts[]> {
  const problems: string[] = [];
  const output = await runScript(null, problems);
  if (!output) throw new MediaUnreadableError(problems);
  return windowsDevicesFrom(output, await criticalLetters(options));
}
