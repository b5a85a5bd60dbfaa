/**
 * BitLocker on the system drive, read from the Shell property
 * `System.Volume.BitLockerProtection` (the value Explorer uses for its padlock icon). Unlike
 * `manage-bde -status`, `Get-BitLockerVolume` and WMI `Win32_EncryptableVolume`, it answers a
 * non-admin user, and it is a number, not localized text.
 *
 * Microsoft documents no value table for this property. What is known:
 * - Windows' own registry uses it: the Explorer verb "Turn on BitLocker" (encrypt-bde)
 *   applies to value 2 and "Unlock drive" (unlock-bde) to value 6, so 2 = off and
 *   6 = encrypted and locked are Windows' own meaning.
 * - Community code (Stack Overflow 41308245 "Detect BitLocker programmatically from C#
 *   without admin", and context-menu tools that lock drives) treats 1, 3 and 5 as "BitLocker
 *   present" and lists 1 on, 2 off, 3 encrypting, 4 decrypting, 5 suspended, 6 locked,
 *   8 "waiting for activation" (encrypted, key still stored in the clear).
 *
 * Mapping (the evaluator decides what each state means; see evaluate-self-check.ts):
 * - 1 on → 'on'
 * - 2 off → 'off'
 * - 3 encrypting → 'encrypting', 4 decrypting → 'decrypting'
 * - 5 suspended → 'suspended' (data encrypted but the key is on the disk in the clear, so
 *   nothing is protected until protection is resumed)
 * - 6 locked → 'locked': the running system drive cannot be locked, so this answer is not
 *   believed (it used to count as encrypted, a pass on an answer that cannot be right)
 * - 8 waiting for activation → 'pending' (encrypted, key still stored in the clear)
 * - any other number, or no value (editions without BitLocker, a drive the shell cannot
 *   describe) → 'unrecognized', with the raw value kept.
 */
import { z } from 'zod';
import type { DiskEncryptionObservation, DiskEncryptionState, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { failure, integer, readScriptJson, runWindowsProbe, text, type PowerShellRunner } from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const DISK_ENCRYPTION_SOURCE =
  "Shell.Application NameSpace(17).ParseName($env:SystemDrive).ExtendedProperty('System.Volume.BitLockerProtection')";

export const DISK_ENCRYPTION_SCRIPT = powerShellJsonScript(String.raw`
  $drive = $env:SystemDrive
  $shell = New-Object -ComObject Shell.Application
  $item = $shell.NameSpace(17).ParseName($drive)
  if ($null -eq $item) { $item = $shell.NameSpace($drive + '\').Self }
  $value = $item.ExtendedProperty('System.Volume.BitLockerProtection')
  return [ordered]@{ systemDrive = $drive; protection = $value }
`);

const DiskDocument = z.object({ systemDrive: text, protection: integer });

const PROTECTION: Readonly<Record<number, { meaning: string; state: DiskEncryptionState; method: string }>> = {
  1: { meaning: 'on', state: 'on', method: 'BitLocker' },
  2: { meaning: 'off', state: 'off', method: 'none' },
  3: { meaning: 'encrypting', state: 'encrypting', method: 'BitLocker' },
  4: { meaning: 'decrypting', state: 'decrypting', method: 'BitLocker' },
  5: { meaning: 'suspended', state: 'suspended', method: 'BitLocker' },
  6: { meaning: 'locked', state: 'locked', method: 'BitLocker' },
  8: { meaning: 'waiting for activation', state: 'pending', method: 'BitLocker' },
};

function interpret(protection: number | null): { meaning: string; state: DiskEncryptionState; method: string | null } {
  if (protection === null || protection === 0) return { meaning: 'no value', state: 'unrecognized', method: null };
  return PROTECTION[protection] ?? { meaning: 'unknown value', state: 'unrecognized', method: 'BitLocker' };
}

export function parseDiskEncryption(stdout: string, observedAt: Date): ProbeOutcome<DiskEncryptionObservation> {
  const read = readScriptJson(stdout, DiskDocument, DISK_ENCRYPTION_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const { systemDrive, protection } = read.value;
  if (systemDrive === null) return failure('unparseable', DISK_ENCRYPTION_SOURCE, observedAt, 'no system drive');
  const reading = interpret(protection);
  return {
    ok: true,
    observation: { volume: systemDrive, state: reading.state, method: reading.method, raw: `BitLockerProtection ${protection ?? 'none'}` },
    evidence: [
      evidence(DISK_ENCRYPTION_SOURCE, { SystemDrive: systemDrive, BitLockerProtection: protection, meaning: reading.meaning }, observedAt),
    ],
  };
}

export function probeDiskEncryption(run: PowerShellRunner): Promise<ProbeOutcome<DiskEncryptionObservation>> {
  return runWindowsProbe(run, { script: DISK_ENCRYPTION_SCRIPT, source: DISK_ENCRYPTION_SOURCE, parse: parseDiskEncryption });
}
