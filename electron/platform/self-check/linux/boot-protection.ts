/**
 * Secure Boot and the TPM on Linux, from files every user may read (no mokutil, which some
 * distributions leave out, and no root):
 *
 * - Secure Boot: the UEFI variable SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c in
 *   /sys/firmware/efi/efivars: 4 bytes of attributes, then one byte, 1 = on, 0 = off (what
 *   `mokutil --sb-state` reads). No /sys/firmware/efi at all means the kernel was started by a
 *   legacy BIOS, where Secure Boot cannot be on ('off'; 'unread' when /sys/firmware itself is
 *   missing, as in a container); efivars listed without the variable
 *   means firmware without Secure Boot ('off'); efivars not readable → 'unread'.
 * - TPM: the kernel lists every TPM it drives in /sys/class/tpm (tpm0, tpm1 …). An entry →
 *   'on'; the folder empty or absent → 'off' (Debian and Ubuntu kernels have the TPM class
 *   built in, so no entry means no TPM the kernel could use).
 * Anything else (a variable of another length, a value other than 0 or 1) is 'unrecognized'
 * with its bytes in hexadecimal.
 */
import type { BootProtectionObservation, BootProtectionReading, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { LinuxProbeContext, Read } from './linux-context';
import { listDir, pathExists, readHead, readFacts } from './linux-context';

export const FIRMWARE_DIR = '/sys/firmware';
export const EFI_DIR = '/sys/firmware/efi';
export const EFIVARS_DIR = '/sys/firmware/efi/efivars';
export const SECURE_BOOT_VARIABLE = `${EFIVARS_DIR}/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c`;
export const TPM_CLASS_DIR = '/sys/class/tpm';

/** Everything the probe read, raw, so the decision is a pure function. */
export interface BootProtectionReadings {
  readonly variable: Read<Buffer>;
  /** Whether /sys/firmware/efi exists (false: a legacy BIOS boot). */
  readonly efi: boolean;
  /** Whether /sys/firmware exists: without it (a container's trimmed sysfs) a missing efi folder proves nothing. */
  readonly firmware: boolean;
  readonly efivars: Read<string[]>;
  readonly tpmClass: Read<string[]>;
}

function secureBoot(r: BootProtectionReadings): BootProtectionReading {
  if (r.variable.ok) {
    const bytes = r.variable.value;
    const value = bytes.length === 5 ? bytes[4] : undefined;
    if (value === 1) return { part: 'secureBoot', state: 'on', raw: 'SecureBoot 1' };
    if (value === 0) return { part: 'secureBoot', state: 'off', raw: 'SecureBoot 0' };
    return { part: 'secureBoot', state: 'unrecognized', raw: `SecureBoot bytes ${bytes.subarray(0, 16).toString('hex') || 'none'}` };
  }
  if (r.variable.problem !== 'missing') return { part: 'secureBoot', state: 'unread', raw: `${r.variable.problem} (${r.variable.code})` };
  if (!r.efi && !r.firmware) return { part: 'secureBoot', state: 'unread', raw: 'no /sys/firmware (sysfs not complete here)' };
  if (!r.efi) return { part: 'secureBoot', state: 'off', raw: 'legacy BIOS boot (no /sys/firmware/efi)' };
  if (r.efivars.ok && r.efivars.value.length > 0) return { part: 'secureBoot', state: 'off', raw: 'no SecureBoot variable in efivars' };
  return { part: 'secureBoot', state: 'unread', raw: r.efivars.ok ? 'efivars empty (not mounted?)' : `efivars ${r.efivars.problem}` };
}

function tpm(r: BootProtectionReadings): BootProtectionReading {
  if (r.tpmClass.ok) {
    const devices = r.tpmClass.value.filter((name) => /^tpm\d+$/.test(name));
    if (devices.length > 0) return { part: 'tpm', state: 'on', raw: devices.join(', ') };
    return r.tpmClass.value.length === 0
      ? { part: 'tpm', state: 'off', raw: '/sys/class/tpm empty' }
      : { part: 'tpm', state: 'unrecognized', raw: r.tpmClass.value.slice(0, 5).join(', ') };
  }
  if (r.tpmClass.problem === 'missing') return { part: 'tpm', state: 'off', raw: 'no /sys/class/tpm' };
  return { part: 'tpm', state: 'unread', raw: `${r.tpmClass.problem} (${r.tpmClass.code})` };
}

export function parseBootProtection(r: BootProtectionReadings, observedAt: Date): ProbeOutcome<BootProtectionObservation> {
  const boot = secureBoot(r);
  const chip = tpm(r);
  return {
    ok: true,
    observation: { parts: [boot, chip] },
    evidence: [
      evidence(r.variable.source, { ...readFacts(r.variable), efi: r.efi, state: boot.state, raw: boot.raw }, observedAt),
      evidence(r.tpmClass.source, { ...readFacts(r.tpmClass), state: chip.state, raw: chip.raw }, observedAt),
    ],
  };
}

export async function probeBootProtection(ctx: LinuxProbeContext): Promise<ProbeOutcome<BootProtectionObservation>> {
  const [variable, efi, firmware, efivars, tpmClass] = await Promise.all([
    readHead(ctx, SECURE_BOOT_VARIABLE, 64),
    pathExists(ctx, EFI_DIR),
    pathExists(ctx, FIRMWARE_DIR),
    listDir(ctx, EFIVARS_DIR),
    listDir(ctx, TPM_CLASS_DIR),
  ]);
  return parseBootProtection({ variable, efi, firmware, efivars, tpmClass }, ctx.now());
}
