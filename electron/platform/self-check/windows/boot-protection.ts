/**
 * Secure Boot and the TPM on Windows, read without admin rights.
 *
 * - Secure Boot: `Confirm-SecureBootUEFI` and `Get-Tpm` refuse a non-admin user ("Access was
 *   denied"). Windows keeps the firmware's answer in the registry, readable by every user:
 *   `HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State` `UEFISecureBootEnabled`
 *   (DWORD 1 = on, 0 = off; the key is absent on a PC that booted without UEFI). A value 0 is
 *   also what a PC in Secure Boot "setup mode" shows, which is not protecting either.
 * - TPM: `Win32_Tpm` (root/cimv2/Security/MicrosoftTpm) answers only an admin. Every user
 *   may list Plug and Play devices: a TPM is the security device `ACPI\MSFT0101` (TPM 2.0,
 *   also Microsoft Pluton's TPM) or `ACPI\PNP0C31` (TPM 1.2), and `ConfigManagerErrorCode` 0
 *   says Windows runs it. Its friendly name is translated, so only the IDs are read.
 *
 * Mapping (the evaluator judges):
 * - UEFISecureBootEnabled 1 → on, 0 → off, absent → unread (a legacy-BIOS boot or a key we
 *   cannot see: no evidence either way), anything else → unrecognized with the value.
 * - a TPM device with code 0 → on; with code 22 (disabled in Device Manager) → off; no TPM
 *   device while the security-device list was read and is empty → off (no TPM, or switched
 *   off in the firmware); another code, or security devices that are none of the two TPM
 *   IDs → unrecognized with the IDs.
 */
import { z } from 'zod';
import type { BootProtectionObservation, BootProtectionReading, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { maskPersonal } from '../mask-personal';
import { evidence } from '../run-probe-command';
import {
  integer,
  isScriptError,
  problemOf,
  readScriptJson,
  runWindowsProbe,
  section,
  text,
  type PowerShellRunner,
} from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const SECURE_BOOT_SOURCE = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecureBoot\\State UEFISecureBootEnabled';
export const TPM_SOURCE = 'Get-CimInstance Win32_PnPEntity -Filter "PNPClass = \'SecurityDevices\'"';
const BOOT_PROTECTION_SOURCE = `${SECURE_BOOT_SOURCE}; ${TPM_SOURCE}`;

export const BOOT_PROTECTION_SCRIPT = powerShellJsonScript(String.raw`
  $secureBoot = try { [ordered]@{ value = (Get-RegValue 'HKLM:\SYSTEM\CurrentControlSet\Control\SecureBoot\State' 'UEFISecureBootEnabled') } } catch { New-ProbeError $_ }
  $tpm = try {
    [ordered]@{ devices = @(Get-CimInstance -ClassName Win32_PnPEntity -Filter "PNPClass = 'SecurityDevices'" | ForEach-Object { [ordered]@{ id = [string]$_.PNPDeviceID; errorCode = $_.ConfigManagerErrorCode } }) }
  } catch { New-ProbeError $_ }
  return [ordered]@{ secureBoot = $secureBoot; tpm = $tpm }
`);

const BootDocument = z.object({
  secureBoot: section(z.object({ value: z.union([z.number(), z.string(), z.null()]).optional() })),
  tpm: section(z.object({ devices: z.array(z.object({ id: text, errorCode: integer })) })),
});

const TPM_ID = /^ACPI\\(MSFT0101|PNP0C31)\\/i;

function secureBootReading(part: z.output<typeof BootDocument>['secureBoot']): BootProtectionReading {
  if (isScriptError(part)) return { part: 'secureBoot', state: 'unread', raw: problemOf(part) };
  const value = part.value ?? null;
  if (value === null) return { part: 'secureBoot', state: 'unread', raw: 'UEFISecureBootEnabled absent' };
  if (value === 1) return { part: 'secureBoot', state: 'on', raw: 'UEFISecureBootEnabled 1' };
  if (value === 0) return { part: 'secureBoot', state: 'off', raw: 'UEFISecureBootEnabled 0' };
  return { part: 'secureBoot', state: 'unrecognized', raw: `UEFISecureBootEnabled ${maskPersonal(String(value)).slice(0, 60)}` };
}

function tpmReading(part: z.output<typeof BootDocument>['tpm']): BootProtectionReading {
  if (isScriptError(part)) return { part: 'tpm', state: 'unread', raw: problemOf(part) };
  const { devices } = part;
  const tpms = devices.filter((d) => d.id !== null && TPM_ID.test(d.id));
  const describe = (list: typeof devices) =>
    list.map((d) => `${(d.id ?? '—').split('\\').slice(0, 2).join('\\')} code ${d.errorCode ?? '—'}`).join(', ');
  if (tpms.some((d) => d.errorCode === 0)) return { part: 'tpm', state: 'on', raw: describe(tpms) };
  if (tpms.length > 0) return { part: 'tpm', state: tpms.every((d) => d.errorCode === 22) ? 'off' : 'unrecognized', raw: describe(tpms) };
  if (devices.length === 0) return { part: 'tpm', state: 'off', raw: 'no security device' };
  return { part: 'tpm', state: 'unrecognized', raw: describe(devices) };
}

export function parseBootProtection(stdout: string, observedAt: Date): ProbeOutcome<BootProtectionObservation> {
  const read = readScriptJson(stdout, BootDocument, BOOT_PROTECTION_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const boot = secureBootReading(read.value.secureBoot);
  const chip = tpmReading(read.value.tpm);
  return {
    ok: true,
    observation: { parts: [boot, chip] },
    evidence: [
      evidence(SECURE_BOOT_SOURCE, { state: boot.state, raw: boot.raw }, observedAt),
      evidence(TPM_SOURCE, { state: chip.state, raw: chip.raw }, observedAt),
    ],
  };
}

export function probeBootProtection(run: PowerShellRunner): Promise<ProbeOutcome<BootProtectionObservation>> {
  return runWindowsProbe(run, { script: BOOT_PROTECTION_SCRIPT, source: BOOT_PROTECTION_SOURCE, parse: parseBootProtection });
}
