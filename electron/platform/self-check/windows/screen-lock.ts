/**
 * Windows screen lock: whether, and after how many idle seconds, the session locks with a
 * password. Windows has several independent mechanisms; the script reads each of them
 * (registry and powercfg, no admin rights) and the parser combines them.
 *
 * Sources:
 * - Screen saver, `HKCU\Control Panel\Desktop`: ScreenSaveActive ("1"/"0"),
 *   ScreenSaverIsSecure ("1" = password on resume), ScreenSaveTimeOut (seconds, a string),
 *   SCRNSAVE.EXE (the chosen saver). Group policy writes the same names under
 *   `HKCU\Software\Policies\Microsoft\Windows\Control Panel\Desktop`, and a policy value
 *   wins over the user's value, name by name.
 * - "Interactive logon: Machine inactivity limit", `InactivityTimeoutSecs` under
 *   `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System`: locks the session after
 *   that many idle seconds, with or without a screen saver; 0 or absent = off.
 * - Power settings of the active scheme, `powercfg /q SCHEME_CURRENT <subgroup> <setting>`:
 *   VIDEOIDLE (display off), STANDBYIDLE (sleep) and CONSOLELOCK (password on resume from
 *   sleep), each for AC and DC. The policy key
 *   `HKLM\SOFTWARE\Policies\Microsoft\Power\PowerSettings\0e796bdb-…` (CONSOLELOCK's GUID)
 *   overrides CONSOLELOCK.
 *
 * powercfg's labels are translated ("Current AC Power Setting Index" / "現在の AC 電源設定の
 * インデックス"), so the parser reads only the "0x…" numbers, by position: a setting's block
 * ends with its AC index then its DC index, whatever comes before (a range setting first
 * lists its minimum, maximum and increment as 0x values too; an enumerated setting lists its
 * choices as "000", "001", without 0x). powercfg's code page therefore does not matter.
 *
 * Combining — idleSeconds is the shortest timeout that actually locks:
 * - the screen saver locks only if it is active, a saver is chosen (Windows' default
 *   "(None)" leaves ScreenSaveActive = "1" but SCRNSAVE.EXE empty, and then nothing starts),
 *   its timeout is over 0, and it is secure;
 * - the machine inactivity limit always locks;
 * - sleep locks when CONSOLELOCK asks for the password on resume. A laptop runs on battery
 *   and on mains, so sleep counts only if it happens on both, after the longer of the two,
 *   with the password required on both;
 * - turning the display off is NOT counted: on a classic (S3) laptop it only blanks the
 *   screen, and only on Modern Standby laptops does it start the standby that then locks.
 *   Telling the two apart needs `powercfg /a`, whose answer is localized text, so we leave
 *   display-off out. This can only make the answer stricter than the truth (on a Modern
 *   Standby laptop sleep usually follows soon after), never more lenient. VIDEOIDLE is kept
 *   in the evidence.
 * - A screen saver without a password still "starts after idle time": lockEnabled true with
 *   its timeout, passwordRequired false, unless something else locks with a password.
 */
import { z } from 'zod';
import type { ProbeOutcome, ScreenLockObservation } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import {
  flag,
  integer,
  isScriptError,
  readScriptJson,
  runWindowsProbe,
  section,
  text,
  type Facts,
  type PowerShellRunner,
} from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const SCREEN_LOCK_SOURCE = 'HKCU\\Control Panel\\Desktop; InactivityTimeoutSecs; powercfg /q SCHEME_CURRENT';

export const SCREEN_LOCK_SCRIPT = powerShellJsonScript(
  String.raw`
  $consoleLockPolicy = 'HKLM:\SOFTWARE\Policies\Microsoft\Power\PowerSettings\0e796bdb-100d-47d6-a2d5-f7d2daa51f51'
  return [ordered]@{
    user = Read-ScreenSaver 'HKCU:\Control Panel\Desktop'
    policy = Read-ScreenSaver 'HKCU:\Software\Policies\Microsoft\Windows\Control Panel\Desktop'
    inactivityTimeoutSecs = Get-RegValue 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' 'InactivityTimeoutSecs'
    consoleLockPolicy = [ordered]@{ ac = Get-RegValue $consoleLockPolicy 'ACSettingIndex'; dc = Get-RegValue $consoleLockPolicy 'DCSettingIndex' }
    videoIdle = Get-PowerSetting 'SUB_VIDEO' 'VIDEOIDLE'
    standbyIdle = Get-PowerSetting 'SUB_SLEEP' 'STANDBYIDLE'
    consoleLock = Get-PowerSetting 'SUB_NONE' 'CONSOLELOCK'
  }
`,
  String.raw`
function Read-ScreenSaver([string]$Path) {
  return [ordered]@{
    active = Get-RegValue $Path 'ScreenSaveActive'
    secure = Get-RegValue $Path 'ScreenSaverIsSecure'
    timeoutSeconds = Get-RegValue $Path 'ScreenSaveTimeOut'
    saver = Get-RegValue $Path 'SCRNSAVE.EXE'
  }
}
function Get-PowerSetting([string]$Subgroup, [string]$Setting) {
  try {
    $ErrorActionPreference = 'Continue'
    $lines = @(& powercfg.exe /q SCHEME_CURRENT $Subgroup $Setting)
    return [ordered]@{ exitCode = $LASTEXITCODE; lines = @($lines | ForEach-Object { [string]$_ }) }
  } catch { return New-ProbeError $_ }
}
`,
);

const ScreenSaver = z.object({ active: flag, secure: flag, timeoutSeconds: integer, saver: text });
const PowerSetting = section(z.object({ exitCode: integer, lines: z.array(z.string()) }));
const ScreenLockDocument = z.object({
  user: ScreenSaver,
  policy: ScreenSaver,
  inactivityTimeoutSecs: integer,
  consoleLockPolicy: z.object({ ac: integer, dc: integer }),
  videoIdle: PowerSetting,
  standbyIdle: PowerSetting,
  consoleLock: PowerSetting,
});
type ScreenLockDocument = z.output<typeof ScreenLockDocument>;
type ScreenSaver = z.output<typeof ScreenSaver>;

export interface PowerIndexes {
  readonly ac: number | null;
  readonly dc: number | null;
}

/** A setting's AC and DC indexes: the last two "0x…" values of powercfg's block (see the module comment). */
export function powerIndexes(setting: z.output<typeof PowerSetting>): PowerIndexes {
  if (isScriptError(setting)) return { ac: null, dc: null };
  const hex = setting.lines.flatMap((line) => {
    const match = /0x([0-9a-f]+)\s*$/i.exec(line);
    return match?.[1] === undefined ? [] : [Number.parseInt(match[1], 16)];
  });
  if (hex.length < 2) return { ac: null, dc: null };
  return { ac: hex[hex.length - 2] ?? null, dc: hex[hex.length - 1] ?? null };
}

interface Candidate {
  readonly seconds: number;
  readonly password: boolean | null;
}

/** The screen saver as Windows applies it: each policy value replaces the user's. */
function effectiveSaver(doc: ScreenLockDocument): ScreenSaver {
  return {
    active: doc.policy.active ?? doc.user.active,
    secure: doc.policy.secure ?? doc.user.secure,
    timeoutSeconds: doc.policy.timeoutSeconds ?? doc.user.timeoutSeconds,
    saver: doc.policy.saver ?? doc.user.saver,
  };
}

function saverCandidate(saver: ScreenSaver): Candidate | null {
  if (saver.active !== true || saver.saver === null || saver.timeoutSeconds === null || saver.timeoutSeconds <= 0) return null;
  return { seconds: saver.timeoutSeconds, password: saver.secure };
}

/** Password on resume for AC and DC together: true only if both ask, false if either does not. */
function consoleLockBoth(doc: ScreenLockDocument): boolean | null {
  const fromPowercfg = powerIndexes(doc.consoleLock);
  const ac = doc.consoleLockPolicy.ac ?? fromPowercfg.ac;
  const dc = doc.consoleLockPolicy.dc ?? fromPowercfg.dc;
  if (ac === 0 || dc === 0) return false;
  if (ac === null || dc === null) return null;
  return true;
}

function sleepCandidate(doc: ScreenLockDocument): Candidate | null {
  const { ac, dc } = powerIndexes(doc.standbyIdle);
  if (ac === null || dc === null || ac <= 0 || dc <= 0) return null;
  return { seconds: Math.max(ac, dc), password: consoleLockBoth(doc) };
}

function shortest(candidates: readonly Candidate[]): Candidate | null {
  return candidates.reduce<Candidate | null>((best, c) => (best === null || c.seconds < best.seconds ? c : best), null);
}

function combine(doc: ScreenLockDocument): ScreenLockObservation {
  const candidates = [
    saverCandidate(effectiveSaver(doc)),
    doc.inactivityTimeoutSecs !== null && doc.inactivityTimeoutSecs > 0 ? { seconds: doc.inactivityTimeoutSecs, password: true } : null,
    sleepCandidate(doc),
  ].filter((c): c is Candidate => c !== null);
  const locking = shortest(candidates.filter((c) => c.password === true));
  // Windows locks at the timeout itself (the secure screen saver's short grace period,
  // ScreenSaverGracePeriod, is not read), so there is no separate password delay.
  if (locking) return { lockEnabled: true, idleSeconds: locking.seconds, passwordRequired: true, passwordDelaySeconds: 0 };
  const starting = shortest(candidates);
  if (starting)
    return {
      lockEnabled: true,
      idleSeconds: starting.seconds,
      passwordRequired: candidates.some((c) => c.password === null) ? null : false,
      passwordDelaySeconds: null,
    };
  return { lockEnabled: false, idleSeconds: null, passwordRequired: consoleLockBoth(doc), passwordDelaySeconds: null };
}

function facts(doc: ScreenLockDocument): Facts {
  const saver = effectiveSaver(doc);
  const video = powerIndexes(doc.videoIdle);
  const standby = powerIndexes(doc.standbyIdle);
  const consoleLock = powerIndexes(doc.consoleLock);
  return {
    ScreenSaveActive: saver.active,
    ScreenSaverIsSecure: saver.secure,
    ScreenSaveTimeOut: saver.timeoutSeconds,
    screenSaverChosen: saver.saver !== null,
    InactivityTimeoutSecs: doc.inactivityTimeoutSecs,
    VIDEOIDLE_AC: video.ac,
    VIDEOIDLE_DC: video.dc,
    STANDBYIDLE_AC: standby.ac,
    STANDBYIDLE_DC: standby.dc,
    CONSOLELOCK_AC: doc.consoleLockPolicy.ac ?? consoleLock.ac,
    CONSOLELOCK_DC: doc.consoleLockPolicy.dc ?? consoleLock.dc,
  };
}

export function parseScreenLock(stdout: string, observedAt: Date): ProbeOutcome<ScreenLockObservation> {
  const read = readScriptJson(stdout, ScreenLockDocument, SCREEN_LOCK_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  return { ok: true, observation: combine(read.value), evidence: [evidence(SCREEN_LOCK_SOURCE, facts(read.value), observedAt)] };
}

export function probeScreenLock(run: PowerShellRunner): Promise<ProbeOutcome<ScreenLockObservation>> {
  return runWindowsProbe(run, { script: SCREEN_LOCK_SCRIPT, source: SCREEN_LOCK_SOURCE, parse: parseScreenLock });
}
