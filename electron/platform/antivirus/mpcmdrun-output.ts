/**
 * Reads what `MpCmdRun.exe -Scan -ScanType 3 -File <path> -DisableRemediation` printed for one
 * file. Pure, so it is tested on Linux against recorded outputs
 * (test/fixtures/antivirus/defender/).
 *
 * The exit code alone cannot be trusted: 2 means "threats found" but also comes with
 * `CmdTool: Failed with hr = 0x…` when the scan did not happen (file not found, access denied,
 * Defender service not running or replaced by another product), and 0 comes with
 * "Scanning … was skipped." for a path excluded by policy. So a file is clean only when
 * everything agrees: exit 0, "Scan finished.", a "Scanning … found no threats." line, and no
 * threat or failure anywhere. Any sign of a threat wins over everything else.
 *
 * The labels are matched in English and at the start of a line (the summary line at its end):
 * a Windows file name cannot contain a line break, so a file name cannot forge a line, and a
 * name that contains "found no threats." still leaves the real verdict at the end of its
 * line. MpCmdRun's own labels are English on Japanese Windows too as far as we could find
 * (see the fixtures' Source headers); if some version printed them translated, no marker
 * would be found and the result would be an error, never clean.
 */
import type { ScanResult } from '../../core/sanitize/sanitize-types';

/** Known HRESULTs of a failed MpCmdRun scan, to tell the engineer what happened. */
const HRESULTS: Record<string, string> = {
  '0x80508023': 'the file was not found or could not be scanned',
  '0x80070005': 'access denied',
  '0x80070002': 'the file was not found',
  '0x80070003': 'the path was not found',
  '0x80070020': 'the file is in use by another process',
  '0x800106ba': 'the Microsoft Defender service is not running',
  '0x80004005': 'unspecified error (Microsoft Defender may be turned off or replaced by another anti-virus product)',
};

const THREAT = /^Threat\s*:\s*(\S.*?)\s*$/;
const FOUND_N = / found (\d+) threats?\.$/;
const FOUND_NONE = / found no threats\.$/;
const FAILED = /^CmdTool: Failed with hr = (0x[0-9a-f]{8})/i;

export function parseMpCmdRunScan(stdout: string, exitCode: number | null): ScanResult {
  const lines = stdout
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+$/, ''));
  const threats = [...new Set(lines.map((line) => THREAT.exec(line)?.[1]).filter((name): name is string => name !== undefined))];
  const summaries = lines.filter((line) => line.startsWith('Scanning '));
  const foundCount = Math.max(0, ...summaries.map((line) => Number(FOUND_N.exec(line)?.[1] ?? 0)));

  if (threats.length > 0) return { status: 'infected', name: threats.join(', ') };
  if (foundCount > 0) return { status: 'infected', name: `unnamed threat (MpCmdRun reported ${foundCount})` };

  const failure = lines.map((line) => FAILED.exec(line)).find((m) => m !== null);
  if (failure?.[1] !== undefined) {
    const hr = failure[1].toLowerCase();
    return { status: 'error', detail: `MpCmdRun failed with hr = ${hr}${HRESULTS[hr] ? ` (${HRESULTS[hr]})` : ''}` };
  }
  if (summaries.some((line) => line.endsWith(' was skipped.'))) {
    return { status: 'error', detail: 'Microsoft Defender skipped the file (a scan exclusion applies to it)' };
  }
  if (exitCode === 2) return { status: 'error', detail: 'MpCmdRun exited with 2 (threats found) but listed no threat' };
  if (exitCode !== 0) return { status: 'error', detail: `MpCmdRun exited with ${exitCode ?? 'no exit code'}` };
  if (!lines.includes('Scan finished.')) return { status: 'error', detail: 'MpCmdRun did not report "Scan finished."' };
  if (!summaries.some((line) => FOUND_NONE.test(line))) return { status: 'error', detail: 'MpCmdRun did not report "found no threats"' };
  return { status: 'clean' };
}
