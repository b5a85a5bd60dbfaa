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
 * Mapping to the OS-neutral states (the evaluator judges them):
 * - On → 'on'; Off → 'off'
 * - deferred enablement, or enabled after the next restart → 'pending': still Off, nothing is
 *   encrypted yet, it is only scheduled
 * - encryption / decryption in progress → 'encrypting' / 'decrypting', with the percentage
 * - anything else → not observed (unparseable), the text kept in the evidence
 */
import type { DiskEncryptionObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { commandFailed, excerpt, notObserved, observed, type CommandRunner } from './macos-answers';

const FDESETUP = '/usr/bin/fdesetup';
const ARGS = ['status'];
export const FDESETUP_SOURCE = `${FDESETUP} status`;

type FileVaultState = 'on' | 'off' | 'encrypting' | 'decrypting' | 'deferred' | 'pendingRestart';

const ENCRYPTION: Readonly<Record<FileVaultState, Pick<DiskEncryptionObservation, 'state' | 'method'>>> = {
  on: { state: 'on', method: 'FileVault' },
  off: { state: 'off', method: 'none' },
  deferred: { state: 'pending', method: 'FileVault' },
  pendingRestart: { state: 'pending', method: 'FileVault' },
  encrypting: { state: 'encrypting', method: 'FileVault' },
  decrypting: { state: 'decrypting', method: 'FileVault' },
};

/** Every line fdesetup status is known to print; a line that is none of these (or cut off) makes the answer unrecognized. */
const KNOWN_LINES = [
  /^FileVault is (On|Off)\.$/i,
  /^FileVault is Off, but will be enabled after the next restart\.$/i,
  /^(Encryption|Decryption) in progress: (Percent completed = [\d.]+|Pending)$/i,
  /^Deferred enablement appears to be active for user '.*'\.$/i,
];

function stateOf(text: string): FileVaultState | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0 || !lines.every((line) => KNOWN_LINES.some((known) => known.test(line)))) return null;
  if (/Encryption in progress/i.test(text)) return 'encrypting';
  if (/Decryption in progress/i.test(text)) return 'decrypting';
  if (/Deferred enablement appears to be active/i.test(text)) return 'deferred';
  if (/will be enabled after the next restart/i.test(text)) return 'pendingRestart';
  // The whole sentence, period included: a cut-off "FileVault is On" is not an answer.
  if (/FileVault is On\./i.test(text)) return 'on';
  if (/FileVault is Off\./i.test(text)) return 'off';
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
  return observed({ volume: '/', ...ENCRYPTION[state], raw: state, percent: percentCompleted }, [
    evidence(FDESETUP_SOURCE, { state, percentCompleted }, observedAt),
  ]);
}

export async function probeDiskEncryption(run: CommandRunner): Promise<ProbeOutcome<DiskEncryptionObservation>> {
  const outcome = await run(FDESETUP, ARGS);
  if (!outcome.ok) return commandFailed(FDESETUP_SOURCE, outcome);
  return parseFdesetupStatus(outcome.stdout, new Date());
}
