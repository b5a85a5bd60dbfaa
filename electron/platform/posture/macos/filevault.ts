/**
 * FileVault on the startup disk, read with `fdesetup status` (no admin rights needed for
 * `status`; fdesetup(8)). Its answers, in English whatever the locale:
 *
 *   FileVault is On.
 *   FileVault is Off.
 *   FileVault is On.\nEncryption in progress: Percent completed = 42.3   (also "… Pending" on battery)
 *   FileVault is Off.\nDecryption in progress: Percent completed = 10.0
 *   FileVault is Off.\nDeferred enablement appears to be active for user 'name'.
 *   FileVault is Off, but will be enabled after the next restart.
 *
 * Mapping (null = unknown, which never passes), the same as the Windows probe's for BitLocker:
 * - On → encrypted: true, method 'FileVault'
 * - Off → encrypted: false, method 'none'
 * - deferred enablement, or enabled after the next restart → encrypted: false, method
 *   'FileVault': FileVault is still Off, nothing is encrypted yet, it is only scheduled
 * - encryption or decryption in progress → encrypted: null, method 'FileVault': part of the
 *   disk is encrypted and part is not, so it is neither protected nor plainly off (as BitLocker's
 *   "encrypting"/"decrypting"). The state and percentage go into the evidence, so the user can
 *   be told to wait for encryption to finish rather than to switch FileVault on.
 */
import type { DiskEncryptionObservation, ProbeOutcome } from '../../../core/posture/posture-observations';
import { evidence } from '../run-probe-command';
import { commandFailed, excerpt, notObserved, observed, type CommandRunner } from './macos-answers';

const FDESETUP = '/usr/bin/fdesetup';
const ARGS = ['status'];
export const FDESETUP_SOURCE = `${FDESETUP} status`;

type FileVaultState = 'on' | 'off' | 'encrypting' | 'decrypting' | 'deferred' | 'pendingRestart';

const ENCRYPTION: Readonly<Record<FileVaultState, Pick<DiskEncryptionObservation, 'encrypted' | 'method'>>> = {
  on: { encrypted: true, method: 'FileVault' },
  off: { encrypted: false, method: 'none' },
  deferred: { encrypted: false, method: 'FileVault' },
  pendingRestart: { encrypted: false, method: 'FileVault' },
  encrypting: { encrypted: null, method: 'FileVault' },
  decrypting: { encrypted: null, method: 'FileVault' },
};

function stateOf(text: string): FileVaultState | null {
  if (/Encryption in progress/i.test(text)) return 'encrypting';
  if (/Decryption in progress/i.test(text)) return 'decrypting';
  if (/Deferred enablement appears to be active/i.test(text)) return 'deferred';
  if (/will be enabled after the next restart/i.test(text)) return 'pendingRestart';
  if (/FileVault is On\b/i.test(text)) return 'on';
  if (/FileVault is Off\b/i.test(text)) return 'off';
  return null;
}

export function parseFdesetupStatus(stdout: string, observedAt: Date): ProbeOutcome<DiskEncryptionObservation> {
  const state = stateOf(stdout);
  if (state === null) {
    const said = excerpt(stdout);
    return notObserved('unparseable', [evidence(FDESETUP_SOURCE, { said: said || null }, observedAt)], said || 'no output');
  }
  const percentText = /Percent completed\s*=\s*([\d.]+)/i.exec(stdout)?.[1];
  const percent = Number(percentText);
  const percentCompleted = percentText === undefined || !Number.isFinite(percent) ? null : percent;
  return observed({ volume: '/', ...ENCRYPTION[state] }, [
    evidence(FDESETUP_SOURCE, { state, percentCompleted }, observedAt),
  ]);
}

export async function probeDiskEncryption(run: CommandRunner): Promise<ProbeOutcome<DiskEncryptionObservation>> {
  const outcome = await run(FDESETUP, ARGS);
  if (!outcome.ok) return commandFailed(FDESETUP_SOURCE, outcome);
  return parseFdesetupStatus(outcome.stdout, new Date());
}
