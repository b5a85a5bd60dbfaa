/**
 * AutoRun/AutoPlay for inserted media and automatic sign-in on Windows, both from registry
 * values every user may read (no admin rights):
 *
 * AutoRun (Microsoft: "How to disable the Autorun functionality in Windows", and the Group
 * Policy "Turn off AutoPlay" / "Set the default behavior for AutoRun"), under
 * Software\Microsoft\Windows\CurrentVersion\Policies\Explorer in HKLM (wins) or HKCU:
 * - NoDriveTypeAutoRun: a bit mask of drive types on which AutoRun is off; 0x04 = removable
 *   drives, 0x20 = CD/DVD; 0xFF = all. Off for removable media needs both bits.
 * - NoAutorun 1: no autorun commands run at all.
 * and HKCU\…\Explorer\AutoplayHandlers DisableAutoplay 1: Settings' "Use AutoPlay for all
 * media and devices" switched off.
 * Any of those → 'off'. None of them set → 'on' (a fresh Windows offers AutoPlay; USB
 * autorun.inf is ignored since Windows 7, CDs still run). A value that is not a number, or
 * a mask without both bits where no other setting turns AutoRun off → 'on' with the mask
 * shown; a value of another type → 'unrecognized'.
 *
 * Automatic sign-in: HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon
 * AutoAdminLogon (REG_SZ) "1" → 'on'; "0" or absent → 'off'; anything else → 'unrecognized'.
 * The script never reads DefaultPassword or DefaultUserName.
 */
import { z } from 'zod';
import type { AutoLoginObservation, AutoRunObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { maskPersonal } from '../mask-personal';
import { evidence } from '../run-probe-command';
import { readScriptJson, runWindowsProbe, toInteger, type PowerShellRunner } from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const AUTO_RUN_SOURCE =
  'HKLM/HKCU …\\Policies\\Explorer NoDriveTypeAutoRun, NoAutorun; HKCU …\\Explorer\\AutoplayHandlers DisableAutoplay';
export const AUTO_LOGIN_SOURCE = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon AutoAdminLogon';

export const AUTO_RUN_SCRIPT = powerShellJsonScript(String.raw`
  $explorer = 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer'
  return [ordered]@{
    machineNoDriveTypeAutoRun = Get-RegValue "HKLM:\$explorer" 'NoDriveTypeAutoRun'
    userNoDriveTypeAutoRun = Get-RegValue "HKCU:\$explorer" 'NoDriveTypeAutoRun'
    machineNoAutorun = Get-RegValue "HKLM:\$explorer" 'NoAutorun'
    userNoAutorun = Get-RegValue "HKCU:\$explorer" 'NoAutorun'
    disableAutoplay = Get-RegValue 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Explorer\AutoplayHandlers' 'DisableAutoplay'
  }
`);

export const AUTO_LOGIN_SCRIPT = powerShellJsonScript(String.raw`
  return [ordered]@{ autoAdminLogon = Get-RegValue 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' 'AutoAdminLogon' }
`);

// Every value must be in the answer (null when not set): an answer without one is not one we know.
const registryValue = z.union([z.number(), z.string(), z.null()]);
const AutoRunDocument = z.object({
  machineNoDriveTypeAutoRun: registryValue,
  userNoDriveTypeAutoRun: registryValue,
  machineNoAutorun: registryValue,
  userNoAutorun: registryValue,
  disableAutoplay: registryValue,
});
const AutoLoginDocument = z.object({ autoAdminLogon: registryValue });

const REMOVABLE_AND_CD = 0x04 | 0x20;
type Value = string | number | null | undefined;
const isSet = (v: Value) => v !== null && v !== undefined;
const shown = (v: Value) => maskPersonal(String(v)).slice(0, 40);

function autoRunState(d: z.output<typeof AutoRunDocument>): { state: AutoRunObservation['state']; raw: string } {
  const values = [d.machineNoDriveTypeAutoRun, d.userNoDriveTypeAutoRun, d.machineNoAutorun, d.userNoAutorun, d.disableAutoplay];
  // A value set but not a number is not a setting we know how to read.
  const odd = values.find((v) => isSet(v) && toInteger(v) === null);
  if (odd !== undefined) return { state: 'unrecognized', raw: `value ${shown(odd)}` };
  // The machine policy wins over the user's.
  const maskValue = isSet(d.machineNoDriveTypeAutoRun) ? d.machineNoDriveTypeAutoRun : d.userNoDriveTypeAutoRun;
  const mask = isSet(maskValue) ? toInteger(maskValue) : null;
  const maskText = mask === null ? 'NoDriveTypeAutoRun not set' : `NoDriveTypeAutoRun 0x${mask.toString(16).toUpperCase()}`;
  if (toInteger(d.machineNoAutorun) === 1 || toInteger(d.userNoAutorun) === 1) return { state: 'off', raw: 'NoAutorun 1' };
  if (mask !== null && (mask & REMOVABLE_AND_CD) === REMOVABLE_AND_CD) return { state: 'off', raw: maskText };
  if (toInteger(d.disableAutoplay) === 1) return { state: 'off', raw: 'DisableAutoplay 1' };
  return { state: 'on', raw: `${maskText}, DisableAutoplay ${isSet(d.disableAutoplay) ? shown(d.disableAutoplay) : 'not set'}` };
}

export function parseAutoRun(stdout: string, observedAt: Date): ProbeOutcome<AutoRunObservation> {
  const read = readScriptJson(stdout, AutoRunDocument, AUTO_RUN_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const { state, raw } = autoRunState(read.value);
  return { ok: true, observation: { state, raw }, evidence: [evidence(AUTO_RUN_SOURCE, { state, raw }, observedAt)] };
}

export function parseAutoLogin(stdout: string, observedAt: Date): ProbeOutcome<AutoLoginObservation> {
  const read = readScriptJson(stdout, AutoLoginDocument, AUTO_LOGIN_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const value = read.value.autoAdminLogon;
  const text = isSet(value) ? String(value).trim() : null;
  const state: AutoLoginObservation['state'] = text === '1' ? 'on' : text === null || text === '0' ? 'off' : 'unrecognized';
  const raw = `AutoAdminLogon ${text === null ? 'not set' : shown(text)}`;
  return { ok: true, observation: { state, raw }, evidence: [evidence(AUTO_LOGIN_SOURCE, { state, raw }, observedAt)] };
}

export function probeAutoRun(run: PowerShellRunner): Promise<ProbeOutcome<AutoRunObservation>> {
  return runWindowsProbe(run, { script: AUTO_RUN_SCRIPT, source: AUTO_RUN_SOURCE, parse: parseAutoRun });
}

export function probeAutoLogin(run: PowerShellRunner): Promise<ProbeOutcome<AutoLoginObservation>> {
  return runWindowsProbe(run, { script: AUTO_LOGIN_SCRIPT, source: AUTO_LOGIN_SOURCE, parse: parseAutoLogin });
}
