/**
 * Whether the Windows clock is synchronized, from `w32tm /query /status` (no admin rights
 * needed), since every record and certificate FieldGuard writes is dated by this clock.
 *
 * w32tm prints translated labels in the console's OEM code page (read through
 * Invoke-OemCommand). The labels read, in English and Japanese:
 *   Leap Indicator: 0(no warning)            閏インジケーター: 0 (警告なし)
 *   Stratum: 4 (secondary reference - …)     階層: 4 (二次参照 - (S)NTP で同期)
 *   Source: time.windows.com,0x9             ソース: time.windows.com,0x9
 * The numbers and the source are not translated.
 *
 * Mapping (the evaluator judges):
 * - leap indicator 3 ("not synchronized") or stratum 0 ("unspecified"), or the source is the
 *   local CMOS clock / the free-running system clock → notSynchronized;
 * - leap indicator 0–2 and stratum 1–15 with another source → synchronized;
 * - w32tm's error 0x80070426 (the Windows Time service is not started) → notSynchronized;
 *   0x80070005 (access denied) → accessDenied;
 * - anything else, or a line missing → unrecognized, with the first line kept (masked).
 */
import { z } from 'zod';
import type { ClockSyncObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { maskPersonal } from '../mask-personal';
import { evidence } from '../run-probe-command';
import { failure, integer, readScriptJson, runWindowsProbe, type PowerShellRunner } from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const CLOCK_SYNC_SOURCE = 'w32tm /query /status';

export const CLOCK_SYNC_SCRIPT = powerShellJsonScript(String.raw`
  $w32tm = Invoke-OemCommand 'w32tm.exe' '/query /status'
  return [ordered]@{ exitCode = $w32tm.exitCode; lines = $w32tm.lines }
`);

const ClockDocument = z.object({ exitCode: integer, lines: z.array(z.string()) });

const LEAP = /^(?:Leap Indicator|閏インジケータ[ー]?)\s*[:：]\s*(\d+)\s*(?:\(|$)/i;
const STRATUM = /^(?:Stratum|階層)\s*[:：]\s*(\d+)\s*(?:\(|$)/i;
const SOURCE = /^(?:Source|ソース)\s*[:：]\s*(.+)$/i;
const LOCAL_SOURCE = /^(?:Local CMOS Clock|Free-running System Clock|ローカル CMOS クロック)\s*$/i;
const SERVICE_NOT_STARTED = /0x80070426/i;
const ACCESS_DENIED = /0x80070005/i;

function valueOf(lines: readonly string[], pattern: RegExp): string | null {
  for (const line of lines) {
    const match = pattern.exec(line.trim());
    if (match?.[1] !== undefined) return match[1].trim();
  }
  return null;
}

function excerpt(lines: readonly string[]): string {
  const line = maskPersonal(lines.map((l) => l.trim()).find((l) => l !== '') ?? 'no output');
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

type Reading = Pick<ClockSyncObservation, 'state' | 'source'>;

function interpret(lines: readonly string[]): Reading {
  const leap = valueOf(lines, LEAP);
  const stratum = valueOf(lines, STRATUM);
  const source = valueOf(lines, SOURCE);
  if (leap === null || stratum === null || source === null) return { state: 'unrecognized', source: null };
  const leapNumber = Number(leap);
  const stratumNumber = Number(stratum);
  if (leapNumber === 3 || stratumNumber === 0 || LOCAL_SOURCE.test(source)) return { state: 'notSynchronized', source };
  if (leapNumber <= 2 && stratumNumber >= 1 && stratumNumber <= 15) return { state: 'synchronized', source };
  return { state: 'unrecognized', source };
}

export function parseClockSync(stdout: string, observedAt: Date): ProbeOutcome<ClockSyncObservation> {
  const read = readScriptJson(stdout, ClockDocument, CLOCK_SYNC_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const { lines, exitCode } = read.value;
  const all = lines.join('\n');
  if (ACCESS_DENIED.test(all)) return failure('accessDenied', CLOCK_SYNC_SOURCE, observedAt, excerpt(lines));
  const reading: Reading = SERVICE_NOT_STARTED.test(all) ? { state: 'notSynchronized', source: null } : interpret(lines);
  const raw = SERVICE_NOT_STARTED.test(all) ? 'W32Time not started (0x80070426)' : excerpt(lines);
  // A failed run that still printed the status lines is not believed as a pass.
  const state = reading.state === 'synchronized' && exitCode !== 0 ? 'unrecognized' : reading.state;
  const source = reading.source === null ? null : maskPersonal(reading.source).slice(0, 100);
  return {
    ok: true,
    observation: { state, source, raw },
    evidence: [evidence(CLOCK_SYNC_SOURCE, { state, source, exitCode, raw }, observedAt)],
  };
}

export function probeClockSync(run: PowerShellRunner): Promise<ProbeOutcome<ClockSyncObservation>> {
  return runWindowsProbe(run, { script: CLOCK_SYNC_SCRIPT, source: CLOCK_SYNC_SOURCE, parse: parseClockSync });
}
