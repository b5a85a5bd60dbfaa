/**
 * Whether this Mac shares files with others, without admin rights:
 * - File Sharing (SMB): launchd holds smbd's socket while File Sharing is on, so netstat lists
 *   port 445 listening (the same table the remote-access probe reads, readNetstatListeners);
 * - AirDrop: `defaults read com.apple.sharingd DiscoverableMode` (the user's own setting):
 *   "Everyone" is open to any nearby device; "Contacts Only" and "Off" are not.
 * SMB listening or AirDrop "Everyone" → 'on'. Neither, with both read → 'off'. A netstat table
 * not believed, or an AirDrop answer it does not know (the key never written included) →
 * 'unrecognized'.
 */
import type { FileSharingObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { answerOf, commandLine, excerpt, observed, type Answer, type CommandRunner } from './macos-answers';
import { NETSTAT, NETSTAT_ARGS, NETSTAT_SOURCE, readNetstatListeners } from './remote-access';

const DEFAULTS = '/usr/bin/defaults';
const AIRDROP_ARGS = ['read', 'com.apple.sharingd', 'DiscoverableMode'];
export const AIRDROP_SOURCE = commandLine(DEFAULTS, AIRDROP_ARGS);
const SMB_PORT = 445;

export function parseFileSharing(
  answers: { readonly netstat: Answer; readonly airdrop: Answer },
  observedAt: Date,
): ProbeOutcome<FileSharingObservation> {
  const table = answers.netstat.ok ? readNetstatListeners(answers.netstat.text) : null;
  const smb = table?.ok === true ? table.sockets.some((s) => s.port === SMB_PORT) : null;
  const mode = answers.airdrop.ok ? answers.airdrop.text.trim() : null;
  const airdrop = mode === 'Everyone' ? true : mode === 'Contacts Only' || mode === 'Off' ? false : null;
  const on = [smb === true ? 'SMB file sharing (port 445)' : null, airdrop === true ? 'AirDrop: Everyone' : null].filter(
    (x): x is string => x !== null,
  );
  const unread = [
    smb === null ? 'netstat not understood' : null,
    airdrop === null ? `AirDrop: ${excerpt(answers.airdrop.text) || 'no answer'}` : null,
  ].filter((x): x is string => x !== null);
  const state: FileSharingObservation['state'] = on.length > 0 ? 'on' : unread.length > 0 ? 'unrecognized' : 'off';
  const raw = state === 'on' ? on.join(', ') : state === 'unrecognized' ? unread.join(', ') : `no SMB listener, AirDrop: ${mode ?? '—'}`;
  return observed({ state, raw }, [evidence(NETSTAT_SOURCE, { smb }, observedAt), evidence(AIRDROP_SOURCE, { airdrop: mode }, observedAt)]);
}

export async function probeFileSharing(run: CommandRunner): Promise<ProbeOutcome<FileSharingObservation>> {
  const [netstat, airdrop] = await Promise.all([run(NETSTAT, NETSTAT_ARGS), run(DEFAULTS, AIRDROP_ARGS)]);
  return parseFileSharing({ netstat: answerOf(netstat, 'stdout'), airdrop: answerOf(airdrop) }, new Date());
}
